import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { CLIENT_NAME, SERVER_COMMANDS } from '../../protocol';
import { clientFeaturesOf } from '../clientFeatures';
import { JsonFeatures } from '../jsonService';
import { runSafeVoid } from '../safe';
import { SettingsStore } from '../settings';
import { startFileEvents } from './fileEventHandlers';
import type { ServerSession } from './session';
import { startSettings } from './settingsHandlers';

/** What the server offers, whatever the client: answers are shaped per request by the client's capabilities. */
function serverCapabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    completionProvider: { triggerCharacters: ['"', ':'] },
    hoverProvider: true,
    definitionProvider: true,
    codeLensProvider: { resolveProvider: true },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
  };
}

function onInitialize(session: ServerSession, params: InitializeParams): InitializeResult {
  session.features = clientFeaturesOf(params);
  session.json = new JsonFeatures(session.features);
  const { connection } = session;
  const pull = session.features.pullConfiguration
    ? (scopeUri: string | undefined) => connection.workspace.getConfiguration({ section: 'opencx', ...(scopeUri ? { scopeUri } : {}) })
    : undefined;
  session.settings = new SettingsStore(session.features.initialSettings, pull);
  session.folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (!session.folders.length && params.rootUri) session.folders = [params.rootUri];
  session.settings.setFolders(session.folders);
  session.sync.setFolders(session.folders);
  return { capabilities: serverCapabilities(), serverInfo: { name: CLIENT_NAME } };
}

/** Settings first, then file events, then the first index of the folders (with progress when the client shows it). */
async function onInitialized(session: ServerSession): Promise<void> {
  const { connection, sync, features } = session;
  await startSettings(session);
  await startFileEvents(session);
  const progress = features.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Indexing OpenCX actions', 0, undefined, false);
  try {
    await sync.indexFolders(session.folders, progress);
  } finally {
    progress?.done();
  }
}

/** The handshake: `initialize` reads the client, `initialized` starts the index, `shutdown` stops timers and watchers. */
export function registerInitializeHandlers(session: ServerSession, onShutdown: () => void): void {
  const { connection } = session;
  connection.onInitialize((params) => onInitialize(session, params));
  connection.onInitialized(() => runSafeVoid(connection, 'starting the workspace index', () => onInitialized(session)));
  connection.onShutdown(onShutdown);
}
