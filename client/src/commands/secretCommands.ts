import * as vscode from 'vscode';
import { credentialPart } from '../../../server/src/engine';
import type { MoveToSecretArgs } from '../../../server/src/protocol';
import { SecretStore } from '../secrets';
import { COMMANDS } from './ids';

async function askName(given?: string): Promise<string | undefined> {
  if (given && SecretStore.isValidName(given)) return given;
  return vscode.window.showInputBox({
    title: 'OpenCX: Set Secret',
    prompt: 'Secret name, as written in ${secret:NAME}',
    placeHolder: 'SHOP_API_TOKEN',
    validateInput: (v) => (SecretStore.isValidName(v.trim()) ? undefined : 'Use letters, digits, "_", "." or "-"'),
    ignoreFocusOut: true,
  }).then((v) => v?.trim());
}

/**
 * Sets a secret, asking for what is not given. `givenValue` is for automation (tests, other extensions calling the
 * command); people are always asked in a password box, so the value is never typed into a file.
 */
async function setSecret(store: SecretStore, name?: string, givenValue?: string): Promise<boolean> {
  const chosen = await askName(name);
  if (!chosen) return false;
  const value = givenValue ?? await vscode.window.showInputBox({
    title: `OpenCX: Set Secret ${chosen}`,
    prompt: `Value of \${secret:${chosen}}. Stored in VS Code's secret storage, never in a file.`,
    password: true,
    ignoreFocusOut: true,
  });
  if (value === undefined) return false;
  await store.set(chosen, value);
  void vscode.window.showInformationMessage(`Secret ${chosen} is set.`);
  return true;
}

async function listSecrets(store: SecretStore): Promise<void> {
  const names = store.names();
  if (!names.length) {
    const choice = await vscode.window.showInformationMessage('No OpenCX secret is set.', 'Set Secret…');
    if (choice) await setSecret(store);
    return;
  }
  const picked = await vscode.window.showQuickPick(names.map((n) => ({ label: n, description: 'set (value hidden)' })), {
    title: 'OpenCX secrets: pick one to change its value',
  });
  if (picked) await setSecret(store, picked.label);
}

async function clearSecret(store: SecretStore, name?: string): Promise<void> {
  const chosen = name ?? (await vscode.window.showQuickPick(store.names(), { title: 'OpenCX: Clear Secret' }));
  if (!chosen) return;
  await store.clear(chosen);
  void vscode.window.showInformationMessage(`Secret ${chosen} is cleared.`);
}

/** The quick fix for a literal credential: store the literal as a secret, then replace it with the reference. */
async function moveToSecret(store: SecretStore, args: MoveToSecretArgs): Promise<boolean> {
  const uri = vscode.Uri.parse(args.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(args.valueRange.start.line, args.valueRange.start.character, args.valueRange.end.line, args.valueRange.end.character);
  let literal = '';
  try {
    literal = String(JSON.parse(document.getText(range)));
  } catch {
    literal = '';
  }
  const credential = credentialPart(literal);
  const value = await vscode.window.showInputBox({
    title: `Move the credential into secret ${args.secretName}`,
    prompt: 'Confirm the value to store in VS Code\'s secret storage; the file will then only say ${secret:' + args.secretName + '}',
    value: credential,
    password: true,
    ignoreFocusOut: true,
  });
  if (value === undefined) return false;
  await store.set(args.secretName, value);
  const edit = new vscode.WorkspaceEdit();
  for (const e of args.edits) edit.replace(uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  return vscode.workspace.applyEdit(edit);
}

export function registerSecretCommands(store: SecretStore): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.setSecret, (name?: string, value?: string) => setSecret(store, name, value)),
    vscode.commands.registerCommand(COMMANDS.listSecrets, () => listSecrets(store)),
    vscode.commands.registerCommand(COMMANDS.clearSecret, (name?: string) => clearSecret(store, name)),
    vscode.commands.registerCommand(COMMANDS.moveToSecret, (args: MoveToSecretArgs) => moveToSecret(store, args)),
  ];
}
