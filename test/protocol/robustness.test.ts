// Hostile input: the server must answer every request, publish what it can, and never die or fail a handler.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Position } from 'vscode-languageserver-protocol';
import { withDeadline } from './lspClient';
import { fileUri, messageOf, positionIn, readRepoFile, REPO_ROOT, virtualUri } from './testSupport';
import { withServer } from './withServer';

const PROBE_TEXT = readRepoFile('examples/actions/look-up-order.action.json');
const LARGE_WAIT_MS = 30_000;

/** A valid action of about `bytes` characters: a body schema with one property per line, and `"method": "FETCH"` last. */
function largeAction(bytes: number): { text: string; methodLine: number } {
  const lines = ['{', '  "name": "Create order",', '  "description": "Create an order for the signed-in customer and return its ID and total.",'];
  lines.push('  "endpoint": "https://api.acme-shop.example/v1/orders",', '  "body": {', '    "type": "object",', '    "properties": {');
  let size = lines.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const line = `      "field_${i}": { "type": "string", "description": "Field number ${i} of the order" },`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push('      "last": { "type": "string" }', '    }', '  },', '  "method": "FETCH"', '}');
  return { text: lines.join('\n'), methodLine: lines.length - 2 };
}

describe('robustness', () => {
  const probe = virtualUri('probe.action.json');
  const server = withServer({}, async () => {
    await server.client.open(probe, PROBE_TEXT);
    await server.client.diagnosticsForCurrentVersion(probe);
  });

  /** The server still answers hover and completion on a healthy document, is alive, and logged no failure. */
  async function assertHealthy(): Promise<void> {
    const hover = await withDeadline(server.client.hover(probe, positionIn(PROBE_TEXT, '"endpoint"', 3)), 10_000, 'hover');
    assert.ok(hover, 'hover answers on a healthy document');
    const items = await withDeadline(server.client.completion(probe, positionIn(PROBE_TEXT, '"method": "', 11)), 10_000, 'completion');
    assert.ok(items?.some((i) => i.label === '"POST"'), 'completion answers on a healthy document');
    assert.ok(server.client.alive, 'the server process is alive');
    assert.deepEqual(server.client.errorLogs, [], 'no handler failed');
  }

  /** Every request a server.client may send about `uri` gets an answer (possibly empty), never an error. */
  async function assertEveryRequestAnswers(uri: string, position: Position): Promise<void> {
    await withDeadline(server.client.hover(uri, position), 10_000, 'hover');
    await withDeadline(server.client.completion(uri, position), 10_000, 'completion');
    await withDeadline(server.client.documentSymbols(uri), 10_000, 'symbols');
    await withDeadline(server.client.foldingRanges(uri), 10_000, 'folding');
    await withDeadline(server.client.format(uri), 10_000, 'formatting');
  }

  it('a file that is not JSON gets json-syntax errors, and every request still answers', async () => {
    const uri = virtualUri('robust-not-json.action.json');
    const text = readRepoFile('test/fixtures/lint/not-json.action.json');
    await server.client.open(uri, text);
    const { diagnostics } = await server.client.diagnosticsForCurrentVersion(uri);
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.code === 'json-syntax' && d.severity === DiagnosticSeverity.Error), JSON.stringify(diagnostics));
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
    await assertEveryRequestAnswers(uri, { line: 1, character: 3 });
    await assertHealthy();
  });

  it('an empty file gets the "file is empty" error', async () => {
    const uri = virtualUri('robust-empty.action.json');
    await server.client.open(uri, '');
    const { diagnostics } = await server.client.diagnosticsForCurrentVersion(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'json-syntax');
    assert.match(messageOf(diagnostics[0]), /^the file is empty/);
    assert.deepEqual(diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    await assertEveryRequestAnswers(uri, { line: 0, character: 0 });
    await assertHealthy();
  });

  it('a 5 MB file is checked, with the error on its exact line, and hover still answers in it', { timeout: 60_000 }, async () => {
    const uri = virtualUri('robust-large.action.json');
    const { text, methodLine } = largeAction(5 * 1024 * 1024);
    assert.ok(text.length >= 5 * 1024 * 1024);
    await server.client.open(uri, text);
    const { diagnostics } = await server.client.diagnosticsForCurrentVersion(uri, LARGE_WAIT_MS);
    const method = diagnostics.find((d) => d.code === 'invalid-value');
    assert.ok(method, JSON.stringify(diagnostics.slice(0, 5)));
    assert.deepEqual(method.range, { start: { line: methodLine, character: 12 }, end: { line: methodLine, character: 19 } });
    const hover = await withDeadline(server.client.hover(uri, { line: methodLine, character: 4 }), LARGE_WAIT_MS, 'hover in 5 MB');
    assert.ok(hover, 'hover on "method" in the large file');
    await server.client.close(uri);
    await assertHealthy();
  });

  it('a deeply nested malformed file gets a json-syntax error, and every request still answers', { timeout: 60_000 }, async () => {
    const uri = virtualUri('robust-deep.action.json');
    const depth = 20_000;
    await server.client.open(uri, '{"a":'.repeat(depth) + '['.repeat(depth) + '"x",');
    const { diagnostics } = await server.client.diagnosticsForCurrentVersion(uri, LARGE_WAIT_MS);
    assert.ok(diagnostics.length > 0, 'the file is not silently accepted');
    assert.ok(diagnostics.every((d) => d.code === 'json-syntax'), JSON.stringify(diagnostics));
    await assertEveryRequestAnswers(uri, { line: 0, character: 2 });
    await server.client.close(uri);
    await assertHealthy();
  });

  it('a deeply nested well-formed file is reported, not crashed on', { timeout: 60_000 }, async () => {
    const uri = virtualUri('robust-deep-valid.action.json');
    const depth = 50_000;
    await server.client.open(uri, `{"body": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    const { diagnostics } = await server.client.diagnosticsForCurrentVersion(uri, LARGE_WAIT_MS);
    assert.ok(diagnostics.length > 0, 'the file is not silently accepted');
    await assertEveryRequestAnswers(uri, { line: 0, character: 3 });
    await server.client.close(uri);
    await assertHealthy();
  });

  it('a JSON file that is not ours (package.json) gets no diagnostics and no features', async () => {
    const uri = fileUri(`${REPO_ROOT}/package.json`);
    const text = readRepoFile('package.json');
    await server.client.open(uri, text, 'json');
    await server.client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'not json ');
    // Barrier: an edit of one of our files after those of package.json; its result comes after anything for package.json.
    await server.client.replaceAll(probe, PROBE_TEXT);
    await server.client.diagnosticsForCurrentVersion(probe);
    assert.deepEqual(server.client.publicationsFor(uri), [], 'nothing published for package.json');
    assert.equal(await server.client.hover(uri, positionIn(text, '"displayName"', 2)), null);
    assert.equal(await server.client.completion(uri, { line: 1, character: 2 }), null);
    assert.deepEqual(await server.client.documentSymbols(uri), []);
    assert.deepEqual(await server.client.format(uri), []);
    await server.client.close(uri);
    await assertHealthy();
  });

  it('requests and notifications about a document that was never opened answer empty', async () => {
    const uri = virtualUri('never-opened.action.json');
    assert.equal(await server.client.hover(uri, { line: 0, character: 0 }), null);
    assert.equal(await server.client.completion(uri, { line: 0, character: 0 }), null);
    assert.deepEqual(await server.client.documentSymbols(uri), []);
    assert.deepEqual(await server.client.foldingRanges(uri), []);
    assert.deepEqual(await server.client.format(uri), []);
    // A change and a close for it are ignored, not fatal.
    await server.client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 7 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '{' }],
    });
    await server.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await assertHealthy();
  });

  it('a position beyond the end of the document answers without failing', async () => {
    await assertEveryRequestAnswers(probe, { line: 10_000, character: 500 });
    await assertHealthy();
  });

  it('an unknown request gets a MethodNotFound error, and the server stays up', async () => {
    await assert.rejects(server.client.connection.sendRequest('opencx/noSuchRequest', {}), (error: { code?: number }) => error.code === -32601);
    await assertHealthy();
  });
});
