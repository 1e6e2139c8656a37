import * as vscode from 'vscode';

/** The SecretStorage key of the model's API key (the OS keychain; never a setting, file or log). */
const API_KEY_SECRET = 'opencx.model.apiKey';
/** Read from the extension host's environment when no key is stored (as the CLI reads it). */
export const API_KEY_ENV = 'OPENCX_MODEL_API_KEY';

/** The key a routing test sends: the stored one, else the environment's, else none (local servers need none). */
export async function modelApiKey(context: vscode.ExtensionContext, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return (await context.secrets.get(API_KEY_SECRET)) || env[API_KEY_ENV] || undefined;
}

/**
 * OpenCX: Set Model API Key. A password box; an empty answer offers to clear the stored key. `given` (tests)
 * skips the box; '' clears. Returns whether a key is stored afterwards.
 */
export async function setModelApiKey(context: vscode.ExtensionContext, given?: string): Promise<boolean> {
  const stored = (await context.secrets.get(API_KEY_SECRET)) !== undefined;
  const value = given ?? (await vscode.window.showInputBox({
    title: 'OpenCX: Model API Key',
    prompt: `The API key of the chat-completions endpoint (opencx.model.baseUrl), stored in the OS keychain.${stored ? ' Leave empty to clear the stored key.' : ''} Without one, ${API_KEY_ENV} is used.`,
    password: true,
    ignoreFocusOut: true,
  }));
  if (value === undefined) return stored;
  if (value.trim() === '') return !(await clearModelApiKey(context, given === undefined && stored));
  await context.secrets.store(API_KEY_SECRET, value.trim());
  void vscode.window.setStatusBarMessage('OpenCX: model API key stored', 3000);
  return true;
}

/** OpenCX: Clear Model API Key (after a confirmation when `confirm`). Returns whether it was cleared. */
export async function clearModelApiKey(context: vscode.ExtensionContext, confirm = true): Promise<boolean> {
  if (confirm) {
    const answer = await vscode.window.showWarningMessage('Clear the stored model API key?', { modal: true }, 'Clear');
    if (answer !== 'Clear') return false;
  }
  await context.secrets.delete(API_KEY_SECRET);
  void vscode.window.setStatusBarMessage('OpenCX: model API key cleared', 3000);
  return true;
}
