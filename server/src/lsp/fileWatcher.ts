import { watch } from 'chokidar';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { documentKindOf, SKIPPED_FOLDERS } from '../engine';
import type { Disposable } from './runtime';

/** One change seen on disk: a file created or changed, or a file or folder deleted. */
export interface WatchEvent {
  uri: string;
  kind: 'changed' | 'deleted';
}

/** Whether chokidar should not look at a path: skipped folders, and files that are neither actions nor configs. */
function ignored(file: string, stats?: { isFile(): boolean; isDirectory(): boolean }): boolean {
  if (SKIPPED_FOLDERS.has(path.basename(file))) return true;
  return stats?.isFile() === true && !documentKindOf(file);
}

/**
 * Watches folders (recursively) and single files on disk for the server itself, for clients that do not send
 * `workspace/didChangeWatchedFiles` (Neovim 0.7, Helix…): chokidar keeps one watcher per folder and copes with
 * editors' atomic saves. Resolves once the initial scan is done, so no change after it is missed.
 */
export function watchFiles(uris: readonly string[], onEvent: (event: WatchEvent) => void): Promise<Disposable> {
  const paths = uris.map((u) => URI.parse(u)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
  if (!paths.length) return Promise.resolve({ dispose: () => undefined });
  const watcher = watch(paths, { ignoreInitial: true, ignored, ignorePermissionErrors: true, atomic: true });
  const send = (kind: WatchEvent['kind']) => (file: string) => onEvent({ uri: URI.file(file).toString(), kind });
  watcher.on('add', send('changed')).on('change', send('changed')).on('unlink', send('deleted')).on('unlinkDir', send('deleted'));
  // A folder that cannot be watched (too many watchers, gone) is skipped; the rest keeps working.
  watcher.on('error', () => undefined);
  const disposable = { dispose: () => void watcher.close() };
  return new Promise((resolve) => watcher.once('ready', () => resolve(disposable)));
}
