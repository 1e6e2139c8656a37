import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKindOf } from '../engine/documentKind';
import { CLIENT_NAME } from '../protocol';
import { DiagnosticsScheduler } from './diagnostics';
import { JsonFeatures } from './jsonService';
import type { Runtime } from './runtime';
import { runSafe } from './safe';

/**
 * The language server's core, independent of how it is connected: the node entry point (server/src/node)
 * creates the connection and the runtime, tests may pass their own.
 */
export function startServer(connection: Connection, runtime: Runtime): void {
  const documents = new TextDocuments(TextDocument);
  const json = new JsonFeatures();
  const diagnostics = new DiagnosticsScheduler(connection, runtime, (uri) => documents.get(uri));
  const ours = (uri: string) => documentKindOf(uri) !== undefined;
  const documentFor = (uri: string) => (ours(uri) ? documents.get(uri) : undefined);

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['"', ':'] },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
    },
    serverInfo: { name: CLIENT_NAME },
  }));

  documents.onDidOpen(({ document }) => {
    if (ours(document.uri)) diagnostics.schedule(document, true);
  });
  documents.onDidChangeContent(({ document }) => {
    if (ours(document.uri)) diagnostics.schedule(document);
  });
  documents.onDidClose(({ document }) => {
    json.forget(document.uri);
    if (ours(document.uri)) diagnostics.clear(document.uri);
  });

  connection.onCompletion((params, token) => runSafe(connection, 'completion', token, null, () => {
    const document = documentFor(params.textDocument.uri);
    return document ? json.complete(document, params.position) : null;
  }));
  connection.onHover((params, token) => runSafe(connection, 'hover', token, null, () => {
    const document = documentFor(params.textDocument.uri);
    return document ? json.hover(document, params.position) : null;
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

  connection.onShutdown(() => diagnostics.dispose());
  documents.listen(connection);
  connection.listen();
}
