import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKindOf } from '../engine/documentKind';
import { ActiveSelectionNotification, CLIENT_NAME, DescribeActionRequest, OrganisationNamesRequest, ResolveRequest, SecretNamesNotification } from '../protocol';
import { describeAction, resolveAction, workspaceOrganisation } from './actionRequests';
import { headerDefinitions } from './definition';
import { neighbourHover } from './neighbourHover';
import { provenanceHover } from './hover';
import { codeActionsFor } from './codeActions';
import { codeLensesFor } from './codeLens';
import { JsonFeatures } from './jsonService';
import type { Runtime } from './runtime';
import { logError, runSafe, runSafeVoid } from './safe';
import { normaliseSettings } from './settings';
import { WorkspaceSync } from './workspaceSync';

/**
 * The language server's core, independent of how it is connected: the node entry point (server/src/node)
 * creates the connection and the runtime; tests may pass their own.
 */
export function startServer(connection: Connection, runtime: Runtime): void {
  const documents = new TextDocuments(TextDocument);
  const json = new JsonFeatures();
  const sync = new WorkspaceSync(connection, runtime, (uri) => documents.get(uri));
  const documentFor = (uri: string) => (documentKindOf(uri) ? documents.get(uri) : undefined);
  let folders: string[] = [];
  let canPullConfiguration = false;
  let canReportProgress = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!folders.length && params.rootUri) folders = [params.rootUri];
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canReportProgress = params.capabilities.window?.workDoneProgress === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
        definitionProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: CLIENT_NAME },
    };
  });

  const pullSettings = async () => {
    if (!canPullConfiguration) return;
    const raw: unknown = await connection.workspace.getConfiguration({ section: 'opencx' });
    const settings = normaliseSettings(raw);
    sync.reconfigure((workspace) => workspace.configure(settings.rules));
  };

  connection.onInitialized(() => runSafeVoid(connection, 'starting the workspace index', async () => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'opencx' });
    await pullSettings().catch((error) => logError(connection, 'reading settings', error));
    const progress = canReportProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Indexing OpenCX actions', 0, undefined, false);
    try {
      await sync.indexFolders(folders, progress);
    } finally {
      progress?.done();
    }
  }));

  connection.onDidChangeConfiguration(() => runSafeVoid(connection, 'reading settings', pullSettings));
  connection.onDidChangeWatchedFiles(({ changes }) => runSafeVoid(connection, 'file events', async () => {
    for (const change of changes) {
      if (change.type === FileChangeType.Deleted) sync.fileDeleted(change.uri);
      else await sync.fileChanged(change.uri);
    }
  }));

  documents.onDidOpen(({ document }) => sync.documentChanged(document, true));
  documents.onDidChangeContent(({ document }) => sync.documentChanged(document));
  documents.onDidClose(({ document }) => {
    json.forget(document.uri);
    runSafeVoid(connection, 'closing a document', () => sync.documentClosed(document.uri));
  });

  connection.onCompletion((params, token) => runSafe(connection, 'completion', token, null, () => {
    const document = documentFor(params.textDocument.uri);
    return document ? json.complete(document, params.position) : null;
  }));
  connection.onHover((params, token) => runSafe(connection, 'hover', token, null, () => {
    const uri = params.textDocument.uri;
    const document = documentFor(uri);
    if (!document) return null;
    sync.flush(uri);
    const provenance = provenanceHover(sync.workspace, uri, params.position, sync.context);
    if (provenance) return provenance;
    // On the name, the nearest actions follow the schema's text (issue 9).
    return Promise.resolve(json.hover(document, params.position)).then((schema) => neighbourHover(sync.workspace, uri, params.position, schema) ?? schema);
  }));
  connection.onDefinition((params, token) => runSafe(connection, 'definition', token, [], () => {
    sync.flush(params.textDocument.uri);
    return headerDefinitions(sync.workspace, params.textDocument.uri, params.position, sync.context);
  }));
  connection.onNotification(ActiveSelectionNotification.type, (selection) => runSafeVoid(connection, 'changing the selection', () => sync.setSelection(selection)));
  connection.onNotification(SecretNamesNotification.type, ({ names }) => runSafeVoid(connection, 'updating secret names', () => sync.setSecretNames(names)));
  connection.onRequest(DescribeActionRequest.type, ({ uri }, token) => runSafe(connection, 'describing an action', token, null, () => {
    sync.flush(uri);
    return describeAction(sync.workspace, uri);
  }));
  connection.onRequest(OrganisationNamesRequest.type, (token) => runSafe(connection, 'listing environments and contacts', token, { environments: [], contacts: [] }, () => workspaceOrganisation(sync.workspace)));
  connection.onRequest(ResolveRequest.type, (params, token) => runSafe(connection, 'resolving a request', token, { ok: false, code: 'internal', message: 'the server could not plan this request (see the OpenCX Actions output)' } as const, () => {
    sync.flush(params.uri);
    return resolveAction(sync.workspace, params, sync.context.isSecretSet);
  }));
  connection.onDocumentSymbol((params, token) => runSafe(connection, 'document symbols', token, [], () => {
    const document = documentFor(params.textDocument.uri);
    return document ? json.symbols(document) : [];
  }));
  connection.onFoldingRanges((params, token) => runSafe(connection, 'folding ranges', token, [], () => {
    const document = documentFor(params.textDocument.uri);
    return document ? json.folding(document) : [];
  }));
  connection.onDocumentFormatting((params, token) => runSafe(connection, 'formatting', token, [], () => {
    const document = documentFor(params.textDocument.uri);
    return document ? json.format(document, undefined, params.options) : [];
  }));
  connection.onDocumentRangeFormatting((params, token) => runSafe(connection, 'range formatting', token, [], () => {
    const document = documentFor(params.textDocument.uri);
    return document ? json.format(document, params.range, params.options) : [];
  }));

  connection.onCodeLens((params, token) => runSafe(connection, 'code lenses', token, [], () => {
    sync.flush(params.textDocument.uri);
    return codeLensesFor(sync.workspace, params.textDocument.uri);
  }));
  connection.onCodeAction((params, token) => runSafe(connection, 'code actions', token, [], () => codeActionsFor(sync.workspace, params)));

  connection.onShutdown(() => sync.dispose());
  documents.listen(connection);
  connection.listen();
}
