import * as vscode from 'vscode';
import { HTTP_METHODS, newActionText, type HttpMethod, type NewActionInput } from '../../../server/src/engine';

/** Arguments a keybinding or a test may pass to skip the prompts. */
export interface NewActionArgs extends Partial<NewActionInput> {
  folder?: vscode.Uri | string;
}

const MIN_NAME = 5; // OpenCX's minimum name length

function checkEndpoint(value: string): string | undefined {
  try {
    const url = new URL(value.replace(/\{[^{}]*\}/g, 'x'));
    return url.protocol === 'https:' ? undefined : 'OpenCX only calls https:// endpoints';
  } catch {
    return 'A full absolute URL, e.g. https://api.example.com/orders/{order_id}';
  }
}

async function askInputs(args: NewActionArgs): Promise<NewActionInput | undefined> {
  const name = args.name ?? await vscode.window.showInputBox({
    title: 'OpenCX: New Action (1/3): name',
    prompt: 'What the AI reads first to choose this tool, e.g. "Look up order"',
    validateInput: (v) => (v.trim().length >= MIN_NAME ? undefined : `At least ${MIN_NAME} characters (OpenCX's minimum)`),
  });
  if (!name) return undefined;
  const method = args.method ?? (await vscode.window.showQuickPick(
    HTTP_METHODS.map((m) => ({ label: m, description: m === 'GET' ? 'reads data' : m === 'DELETE' ? 'removes data' : 'sends a body the AI fills' })),
    { title: 'OpenCX: New Action (2/3): method' },
  ))?.label as HttpMethod | undefined;
  if (!method) return undefined;
  const endpoint = args.endpoint ?? await vscode.window.showInputBox({
    title: 'OpenCX: New Action (3/3): endpoint',
    prompt: 'https URL; path parameters in braces become values the AI extracts',
    value: 'https://api.example.com/',
    validateInput: checkEndpoint,
  });
  if (!endpoint) return undefined;
  return { name: name.trim(), method, endpoint: endpoint.trim() };
}

/** Where the file goes: the given folder, else `actions/` of the first workspace folder if it exists, else beside the active file. */
async function targetFolder(args: NewActionArgs): Promise<vscode.Uri | undefined> {
  if (args.folder) return typeof args.folder === 'string' ? vscode.Uri.parse(args.folder) : args.folder;
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (root) {
    const actions = vscode.Uri.joinPath(root, 'actions');
    const stat = await Promise.resolve(vscode.workspace.fs.stat(actions)).catch(() => undefined);
    return stat?.type === vscode.FileType.Directory ? actions : root;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  return active?.scheme === 'file' ? vscode.Uri.joinPath(active, '..') : undefined;
}

async function freeUri(folder: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const stem = fileName.replace(/\.action\.json$/, '');
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, n === 1 ? fileName : `${stem}-${n}.action.json`);
    const exists = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
    if (!exists) return uri;
  }
}

/**
 * "OpenCX: New Action": asks the name, method and endpoint, writes a valid file (never over an existing one), and
 * opens it with the description selected: the one field the author must write in their own words.
 */
export async function newAction(args: NewActionArgs = {}): Promise<vscode.Uri | undefined> {
  const input = await askInputs(args);
  if (!input) return undefined;
  const folder = await targetFolder(args);
  if (!folder) {
    void vscode.window.showErrorMessage('OpenCX: open a folder first (File → Open Folder…): a new action is written into it.');
    return undefined;
  }
  const made = newActionText(input);
  const uri = await freeUri(folder, made.fileName);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(made.text));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(document.positionAt(made.description.start), document.positionAt(made.description.end));
  editor.revealRange(editor.selection);
  return uri;
}
