import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { FILE_GLOBS, ListWorkspaceFilesRequest } from '../../protocol';
import type { WatchEvent } from '../runtime';
import { logError, runSafeVoid } from '../safe';
import type { ServerSession } from './session';

async function applyEvents(session: ServerSession, changes: readonly { uri: string; deleted: boolean }[]): Promise<void> {
  for (const change of changes) {
    if (change.deleted) session.sync.fileDeleted(change.uri);
    else await session.sync.fileChanged(change.uri);
  }
}

/** Whether the server watches the disk itself: the client neither forwards file events nor takes a registration. */
function watchesItself(session: ServerSession): boolean {
  return !session.features.clientFiles && !session.features.registerWatchedFiles;
}

/** Starts a watcher of our own on folders or files; its events go where the client's would. */
async function watch(session: ServerSession, uris: readonly string[]): Promise<void> {
  const { connection, runtime } = session;
  const onEvent = (event: WatchEvent) => runSafeVoid(connection, 'file events', () => applyEvents(session, [{ uri: event.uri, deleted: event.kind === 'deleted' }]));
  session.watchers.push(await runtime.files.watch(uris, onEvent));
}

/**
 * At `initialized`, one of three ways to see files change on disk (a `git pull`, a generator): the VS Code
 * extension forwards them and lists folders itself (`clientFiles`); a client that offers dynamic registration is
 * asked to watch action and config files; otherwise the server watches the folders itself.
 */
export async function startFileEvents(session: ServerSession): Promise<void> {
  const { connection, features, runtime, sync } = session;
  if (features.clientFiles) {
    sync.listFiles = (folderUri) => connection.sendRequest(ListWorkspaceFilesRequest.type, { folderUri }).catch((error: unknown) => {
      logError(connection, 'listing files through the client', error);
      return runtime.files.findWorkspaceFiles(folderUri);
    });
  } else if (features.registerWatchedFiles) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: FILE_GLOBS.action }, { globPattern: FILE_GLOBS.config }] });
  } else {
    await watch(session, session.folders);
  }
}

/** A config read from outside every folder (see `loadNearestConfig`) is watched too, when the server watches. */
export async function watchOutsideFile(session: ServerSession, uri: string): Promise<void> {
  if (!watchesItself(session) || session.watchedOutside.has(uri)) return;
  session.watchedOutside.add(uri);
  await watch(session, [uri]);
}

/** `workspace/didChangeWatchedFiles`, from the client's watchers. */
export function registerFileEventHandlers(session: ServerSession): void {
  const { connection } = session;
  connection.onDidChangeWatchedFiles(({ changes }) => runSafeVoid(connection, 'file events', () =>
    applyEvents(session, changes.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted })))));
}
