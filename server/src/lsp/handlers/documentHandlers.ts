import type { TextDocument } from 'vscode-languageserver-textdocument';
import { logError, runSafeVoid } from '../safe';
import { watchOutsideFile } from './fileEventHandlers';
import type { ServerSession } from './session';
import { pullSettingsForFile } from './settingsHandlers';

/**
 * A file opened outside every workspace folder (a single file, or no folder at all): its own settings, and the
 * nearest `opencx.config.json` above it, as the CLI reads it.
 */
async function openedOutsideFolders(session: ServerSession, uri: string): Promise<void> {
  await pullSettingsForFile(session, uri);
  const config = await session.sync.loadNearestConfig(uri);
  if (config) await watchOutsideFile(session, config);
}

function onOpen(session: ServerSession, document: TextDocument): void {
  session.sync.documentChanged(document, true);
  if (!session.sync.outsideFolders(document.uri)) return;
  const work = openedOutsideFolders(session, document.uri).catch((error) => logError(session.connection, 'reading the nearest config', error));
  session.opened(document.uri, work);
}

/** Open, change and close, each in `runSafeVoid` like every other handler: a bad file never takes the server down. */
export function registerDocumentHandlers(session: ServerSession): void {
  const { connection, documents, sync } = session;
  documents.onDidOpen(({ document }) => runSafeVoid(connection, 'opening a document', () => onOpen(session, document)));
  documents.onDidChangeContent(({ document }) => runSafeVoid(connection, 'checking an edit', () => sync.documentChanged(document)));
  documents.onDidClose(({ document }) => runSafeVoid(connection, 'closing a document', () => {
    session.json.forget(document.uri);
    return sync.documentClosed(document.uri);
  }));
}
