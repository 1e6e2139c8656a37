// The handshake: what the server announces, and a clean shutdown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocumentSyncKind, type TextDocumentSyncOptions } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { withServer } from './withServer';

describe('initialize', () => {
  const server = withServer();

  it('announces completion with trigger characters, hover, symbols, folding, formatting and incremental sync', () => {
    const { capabilities, serverInfo } = server.client.initializeResult;
    assert.equal(serverInfo?.name, 'OpenCX Actions');

    const sync = capabilities.textDocumentSync;
    const change = typeof sync === 'number' ? sync : (sync as TextDocumentSyncOptions | undefined)?.change;
    assert.equal(change, TextDocumentSyncKind.Incremental);
    if (typeof sync === 'object') assert.equal(sync.openClose, true);

    const triggers = capabilities.completionProvider?.triggerCharacters ?? [];
    assert.ok(triggers.includes('"'), `triggers: ${JSON.stringify(triggers)}`);
    assert.ok(triggers.includes(':'), `triggers: ${JSON.stringify(triggers)}`);
    assert.ok(capabilities.hoverProvider, 'hover');
    assert.ok(capabilities.documentSymbolProvider, 'document symbols');
    assert.ok(capabilities.foldingRangeProvider, 'folding ranges');
    assert.ok(capabilities.documentFormattingProvider, 'formatting');
    assert.ok(capabilities.documentRangeFormattingProvider, 'range formatting');
  });

  it('does not announce pull diagnostics it does not implement', () => {
    // Diagnostics are pushed; announcing diagnosticProvider would make VS Code pull and get nothing.
    assert.equal(server.client.initializeResult.capabilities.diagnosticProvider, undefined);
  });

  it('shutdown then exit ends the server process with code 0', async () => {
    const other = await LspClient.start();
    assert.ok(other.alive);
    assert.equal(await other.stop(), 0);
    assert.equal(other.alive, false);
  });
});
