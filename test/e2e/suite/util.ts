import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'opencx.opencx-actions';

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function openInEditor(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document);
}

/** Our diagnostics on a file, once at least one satisfies `predicate`. */
export function diagnosticsWhere(uri: vscode.Uri, predicate: (d: vscode.Diagnostic) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const all = vscode.languages.getDiagnostics(uri);
    return all.some(predicate) ? all : undefined;
  }, what);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n');
}

/** The offset-based position of the first occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" occurs in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

/** The extension's test API (what activate() returns), once it is active. */
export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.isActive ? extension.exports : extension.activate();
}

/** Writes a file into the (temporary copy of the) workspace, creating folders as needed. */
export async function writeWorkspaceFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/**
 * Deletes a workspace file if it exists, as the Explorer does: through a workspace edit, so VS Code also closes a
 * TextDocument a test opened for it (after a plain fs.delete it stays open, and the language server keeps the file
 * as the editor's text). A folder is deleted with fs.delete (a workspace edit would try to read it for undo).
 */
export async function deleteWorkspaceFile(relative: string): Promise<void> {
  const uri = workspaceUri(relative);
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return; // not there
  }
  if (stat.type & vscode.FileType.Directory) {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(uri, { ignoreIfNotExists: true });
  assert.ok(await vscode.workspace.applyEdit(edit), `deleting ${relative}`);
}

/** [startLine, startCharacter, endLine, endCharacter]: a range as a value assert.deepEqual can compare. */
export function rangeTuple(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/**
 * The hover text at a position once `predicate` accepts it. On timeout the error quotes the last text seen, so a
 * failing assertion says what the hover did show.
 */
export async function hoverWhere(uri: vscode.Uri, position: vscode.Position, predicate: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  let last = '(no hover yet)';
  try {
    return await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      last = hoverText(hovers);
      return predicate(last) ? last : undefined;
    }, what, timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last hover text:\n${last}`);
  }
}
