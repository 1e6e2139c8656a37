import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerActionHandlers } from './handlers/actionHandlers';
import { registerCommandHandlers } from './handlers/commandHandlers';
import { registerDocumentHandlers } from './handlers/documentHandlers';
import { registerFileEventHandlers } from './handlers/fileEventHandlers';
import { registerInitializeHandlers } from './handlers/initializeHandlers';
import { registerLanguageHandlers } from './handlers/languageHandlers';
import { ServerSession } from './handlers/session';
import { registerSettingsHandlers } from './handlers/settingsHandlers';
import type { Runtime } from './runtime';
import { WorkspaceSync } from './workspaceSync';

/**
 * The language server's core, independent of how it is connected: the node entry point (server/src/node)
 * creates the connection and the runtime; tests may pass their own. Each group of handlers lives in its own
 * module under handlers/; they share one session.
 */
export function startServer(connection: Connection, runtime: Runtime): void {
  const documents = new TextDocuments(TextDocument);
  const sync = new WorkspaceSync(connection, runtime, (uri) => documents.get(uri));
  const session = new ServerSession(connection, runtime, documents, sync);

  registerInitializeHandlers(session, () => session.dispose());
  registerSettingsHandlers(session);
  registerFileEventHandlers(session);
  registerDocumentHandlers(session);
  registerLanguageHandlers(session);
  registerActionHandlers(session);
  registerCommandHandlers(session);

  documents.listen(connection);
  connection.listen();
}
