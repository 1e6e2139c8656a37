import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { documentKindOf } from '../../server/src/engine';
import { FILE_GLOBS, ListWorkspaceFilesRequest } from '../../server/src/protocol';

const ACTION_AND_CONFIG_FILES = '**/{*.action.json,opencx.config.json}';

/**
 * Action and config files under a folder, as VS Code lists them: `files.exclude` is honoured. A folder inside a
 * workspace folder is searched from the workspace folder, with its path as the pattern's prefix: `files.exclude`
 * patterns are matched against the path below the pattern's base, so searching from an excluded folder itself
 * would list what it holds (the e2e test "files.exclude" saw it).
 */
async function findActionFiles(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
  const relative = workspaceFolder ? vscode.workspace.asRelativePath(folder, false) : undefined;
  const inside = workspaceFolder && relative && relative !== folder.fsPath && workspaceFolder.uri.toString() !== folder.toString();
  const pattern = inside && !hasGlobCharacters(relative)
    ? new vscode.RelativePattern(workspaceFolder, `${relative}/${ACTION_AND_CONFIG_FILES}`)
    : new vscode.RelativePattern(folder, ACTION_AND_CONFIG_FILES);
  return vscode.workspace.findFiles(pattern);
}

/** A path with glob characters cannot be written into a pattern as it is. */
const hasGlobCharacters = (relative: string) => /[*?[\]{}!]/.test(relative);

/** The watchers whose events vscode-languageclient forwards as they are: action and config files only. */
export function actionFileWatchers(): vscode.FileSystemWatcher[] {
  return [vscode.workspace.createFileSystemWatcher(FILE_GLOBS.action), vscode.workspace.createFileSystemWatcher(FILE_GLOBS.config)];
}

/**
 * What the extension does for the server about files (it says so with `initializationOptions.clientFiles`):
 * lists a folder's action and config files through `workspace.findFiles`, and turns folder events, which the
 * file watchers above never match, into file events. A folder deleted or renamed away is one event for the folder:
 * it is forwarded as it is (the server drops what it indexed under it, without reading the disk). A folder moved
 * or copied in is listed here, so excluded folders are never read.
 */
export function registerWorkspaceFiles(client: LanguageClient): vscode.Disposable {
  const listing = client.onRequest(ListWorkspaceFilesRequest.type, async ({ folderUri }) =>
    (await findActionFiles(vscode.Uri.parse(folderUri))).map((uri) => uri.toString()));
  const send = (changes: { uri: string; type: FileChangeType }[]) => {
    if (changes.length) void client.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  };
  // Changes inside folders come through the watchers above; only creations and deletions of folders are needed.
  const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  folders.onDidDelete((uri) => {
    if (!documentKindOf(uri.path)) send([{ uri: uri.toString(), type: FileChangeType.Deleted }]);
  });
  folders.onDidCreate(async (uri) => {
    if (documentKindOf(uri.path)) return;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat?.type !== vscode.FileType.Directory) return;
    send((await findActionFiles(uri)).map((file) => ({ uri: file.toString(), type: FileChangeType.Created })));
  });
  return vscode.Disposable.from(listing, folders);
}

/**
 * The file watchers honour `files.watcherExclude`, not `files.exclude`: a file created or changed under an excluded
 * folder is dropped here, as the first listing dropped it. VS Code has no "is this excluded" call; `findFiles` on the
 * file's own path answers it (a name with glob characters is let through rather than guessed at). Deletions always
 * pass: the server forgets only what it holds.
 */
export const honourFilesExclude: Middleware['workspace'] = {
  async didChangeWatchedFile(event: FileEvent, next: (event: FileEvent) => Promise<void>) {
    if (event.type !== FileChangeType.Deleted && (await excludedByFilesExclude(vscode.Uri.parse(event.uri)))) return;
    return next(event);
  },
};

async function excludedByFilesExclude(uri: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const relative = folder ? vscode.workspace.asRelativePath(uri, false) : undefined;
  if (!folder || !relative || hasGlobCharacters(relative)) return false;
  return (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, relative), undefined, 1)).length === 0;
}
