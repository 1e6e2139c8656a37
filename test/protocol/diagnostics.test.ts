// Push diagnostics for opened documents: exact range, message, severity and the fields every diagnostic carries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { rangeOf, readRepoFile, virtualUri } from './testSupport';
import { withServer } from './withServer';

const DOCS_ANCHOR = /^https:\/\/\S+#([a-z0-9-]+)$/;

/** The fields style.md (practice 5) requires on every diagnostic. */
function assertComplete(diagnostic: Diagnostic): void {
  assert.equal(diagnostic.source, 'opencx');
  assert.equal(typeof diagnostic.code, 'string');
  const href = diagnostic.codeDescription?.href ?? '';
  assert.match(href, DOCS_ANCHOR, `codeDescription.href of ${diagnostic.code}`);
  assert.equal(DOCS_ANCHOR.exec(href)?.[1], diagnostic.code, 'the documentation anchor is the code');
}

describe('diagnostics of opened documents', () => {
  const server = withServer();

  it('a broken action gets one diagnostic on the bad value, with source, code and documentation link', async () => {
    const text = readRepoFile('examples/broken/track-parcel.action.json');
    const uri = virtualUri('track-parcel.action.json');
    await server.client.open(uri, text);
    const published = await server.client.diagnosticsForCurrentVersion(uri);
    assert.equal(published.version, 1);
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
    const [diagnostic] = published.diagnostics;
    assert.deepEqual(diagnostic.range, rangeOf(text, '"FETCH"'));
    assert.deepEqual(diagnostic.range, { start: { line: 4, character: 12 }, end: { line: 4, character: 19 } });
    assert.equal(diagnostic.message, 'method must be one of GET, POST, PUT, PATCH, DELETE; got "FETCH"');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'opencx');
    assert.equal(diagnostic.code, 'invalid-value');
    assert.ok(diagnostic.codeDescription?.href.endsWith('#invalid-value'), diagnostic.codeDescription?.href);
    assertComplete(diagnostic);
  });

  it('a valid action gets an empty list', async () => {
    const text = readRepoFile('examples/actions/refund-order.action.json');
    const uri = virtualUri('refund-order.action.json');
    await server.client.open(uri, text);
    const published = await server.client.diagnosticsForCurrentVersion(uri);
    assert.deepEqual(published.diagnostics, []);
  });

  it('an opencx.config.json with a bad orgId gets its diagnostic on the value', async () => {
    const text = readRepoFile('test/fixtures/lint/config-bad-org-id/opencx.config.json');
    const uri = virtualUri('config-bad-org-id/opencx.config.json');
    await server.client.open(uri, text);
    const { diagnostics } = await server.client.diagnosticsForCurrentVersion(uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(diagnostics[0].range, rangeOf(text, '"acme-shop"'));
    assert.equal(diagnostics[0].message, 'orgId must be the organisation\'s UUID, like "3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71"; got "acme-shop"');
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].code, 'invalid-format');
    assertComplete(diagnostics[0]);
  });

  it('every diagnostic of a file with many errors is complete and placed where the user acts', async () => {
    const text = readRepoFile('test/fixtures/lint/schema-errors.action.json');
    const uri = virtualUri('schema-errors.action.json');
    await server.client.open(uri, text);
    const { diagnostics } = await server.client.diagnosticsForCurrentVersion(uri);
    assert.ok(diagnostics.length >= 10, `expected many diagnostics, got ${diagnostics.length}`);
    diagnostics.forEach(assertComplete);
    const byCode = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.range);
    assert.deepEqual(byCode('unknown-property'), [rangeOf(text, '"methd"')], 'an unknown property is marked on its key');
    assert.deepEqual(byCode('invalid-endpoint'), [rangeOf(text, '"ftp://api.acme-shop.example/v1/gift-cards"')]);
    assert.ok(byCode('missing-property').some((r) => r.start.line === 0 && r.start.character === 0), 'a missing root property is marked on the first {');
  });

  it('a warning is published with warning severity', async () => {
    const text = readRepoFile('test/fixtures/lint/duplicate-key.action.json');
    const uri = virtualUri('duplicate-key.action.json');
    await server.client.open(uri, text);
    const { diagnostics } = await server.client.diagnosticsForCurrentVersion(uri);
    const duplicate = diagnostics.find((d) => d.code === 'duplicate-key');
    assert.ok(duplicate, JSON.stringify(diagnostics));
    assert.equal(duplicate.severity, DiagnosticSeverity.Warning);
    assert.equal(duplicate.range.start.line, 4, 'the second "method" key is marked');
    assert.equal(duplicate.message, '"method" is already defined on line 4; JSON keeps only the last value, so the earlier one is ignored');
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = virtualUri('closed.action.json');
    await server.client.open(uri, '{ "method": "FETCH" }');
    const opened = await server.client.diagnosticsForCurrentVersion(uri);
    assert.ok(opened.diagnostics.length > 0);
    await server.client.close(uri);
    const cleared = await server.client.waitForDiagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
