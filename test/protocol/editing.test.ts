// Incremental edits: a syntax error typed mid-edit, its fix, and bursts of edits that must never leave a stale result.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { messageOf, positionAt, rangeOf, readRepoFile, virtualUri } from './testSupport';
import { withServer } from './withServer';

const VALID = readRepoFile('examples/actions/look-up-order.action.json');
const BROKEN = readRepoFile('examples/broken/track-parcel.action.json');

/** The range of the comma that ends the line holding `lineText`. */
function commaAfter(text: string, lineText: string) {
  const { end } = rangeOf(text, lineText);
  assert.equal(text.split('\n')[end.line][end.character], ',', 'test bug: no comma there');
  return { start: end, end: { line: end.line, character: end.character + 1 } };
}

function codes(published: PublishDiagnosticsParams): string[] {
  return published.diagnostics.map((d) => String(d.code));
}

describe('editing a document', () => {
  const server = withServer();
  // Each test opens copies of the same actions: close them, and wait until the server has let go of them,
  // so a copy never meets another as a duplicate action name.
  afterEach(async () => {
    for (const uri of server.client.openUris()) {
      await server.client.close(uri);
      await server.client.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    }
  });

  it('deleting a comma gives only a json-syntax error at the next key; putting it back gives an empty list', async () => {
    const uri = virtualUri('edit-valid.action.json');
    await server.client.open(uri, VALID);
    const initial = (await server.client.diagnosticsForCurrentVersion(uri)).diagnostics;
    assert.deepEqual(initial.filter((d) => d.severity === DiagnosticSeverity.Error), []);

    const comma = commaAfter(VALID, '"name": "Look up order"');
    await server.client.edit(uri, comma, '');
    const broken = await server.client.diagnosticsForCurrentVersion(uri);
    assert.equal(broken.version, 2);
    assert.deepEqual(codes(broken), ['json-syntax']);
    assert.equal(broken.diagnostics[0].message, 'a comma "," is expected between two entries');
    const nextKey = rangeOf(server.client.text(uri), '"description": "Look up one order').start;
    assert.deepEqual(broken.diagnostics[0].range, { start: nextKey, end: { line: nextKey.line, character: nextKey.character + '"description"'.length } });

    await server.client.edit(uri, { start: comma.start, end: comma.start }, ',');
    const fixed = await server.client.diagnosticsForCurrentVersion(uri);
    assert.equal(fixed.version, 3);
    assert.deepEqual(fixed.diagnostics, initial, 'the same diagnostics as before the slip');
    assert.equal(server.client.text(uri), VALID);
  });

  it('a syntax error hides the schema errors until it is fixed, then they come back', async () => {
    const uri = virtualUri('edit-broken.action.json');
    await server.client.open(uri, BROKEN);
    const schema = await server.client.diagnosticsForCurrentVersion(uri);
    assert.ok(codes(schema).includes('invalid-value'), JSON.stringify(schema.diagnostics));

    const comma = commaAfter(BROKEN, '"method": "FETCH"');
    await server.client.edit(uri, comma, '');
    const syntax = await server.client.diagnosticsForCurrentVersion(uri);
    assert.deepEqual(codes(syntax), ['json-syntax']);
    assert.deepEqual(syntax.diagnostics[0].range, rangeOf(server.client.text(uri), '"endpoint"'));

    await server.client.edit(uri, { start: comma.start, end: comma.start }, ',');
    const back = await server.client.diagnosticsForCurrentVersion(uri);
    assert.deepEqual(back.diagnostics, schema.diagnostics);
  });

  it('an unterminated string is reported where it starts', async () => {
    const uri = virtualUri('edit-string.action.json');
    await server.client.open(uri, VALID);
    await server.client.diagnosticsForCurrentVersion(uri);
    const value = rangeOf(VALID, '"GET"');
    // Replace `"GET"` by `"GE`: the closing quote is gone, the string runs to the end of the line.
    await server.client.edit(uri, value, '"GE');
    const published = await server.client.diagnosticsForCurrentVersion(uri);
    assert.ok(codes(published).every((c) => c === 'json-syntax'), JSON.stringify(published.diagnostics));
    const unterminated = published.diagnostics.find((d) => messageOf(d).startsWith('unterminated string'));
    assert.ok(unterminated, JSON.stringify(published.diagnostics));
    assert.deepEqual(unterminated.range.start, value.start);
  });

  it('a burst of edits is checked once, for the latest version, and every result matches the version it names', async () => {
    const uri = virtualUri('edit-burst.action.json');
    const methodLine = (m: string) => BROKEN.replace('"FETCH"', JSON.stringify(m));
    await server.client.open(uri, BROKEN);
    await server.client.diagnosticsForCurrentVersion(uri);
    const methodOf = new Map<number, string>([[1, 'FETCH']]);

    // All edits are written in one go, as fast typing does; each version has its own wrong method.
    const edits: Promise<number>[] = [];
    for (let i = 2; i <= 8; i++) {
      methodOf.set(i, `V${i}`);
      edits.push(server.client.replaceAll(uri, methodLine(`V${i}`)));
    }
    const versions = await Promise.all(edits);
    const latest = versions[versions.length - 1];
    assert.equal(latest, 8);

    const final = await server.client.waitForDiagnostics(uri, (p) => p.version === latest);
    assert.deepEqual(final.diagnostics.map(messageOf), ['method must be one of GET, POST, PUT, PATCH, DELETE; got "V8"']);

    // A later edit proves the server is past the burst: nothing published for the burst may follow it.
    const valid = await server.client.replaceAll(uri, VALID);
    const last = await server.client.waitForDiagnostics(uri, (p) => p.version === valid);
    assert.equal(last.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length, 0);

    const all = server.client.publicationsFor(uri);
    for (const p of all) {
      const method = methodOf.get(p.version ?? -1);
      if (method === undefined) continue; // the final valid version
      const messages = p.diagnostics.map(messageOf).join('\n');
      assert.ok(messages.includes(`got "${method}"`), `version ${p.version} was published with another version's result: ${messages}`);
    }
    const published = all.map((p) => p.version ?? -1);
    assert.deepEqual([...published].sort((a, b) => a - b), published, `versions never go backwards: ${published}`);
    const burst = published.filter((v) => v > 1 && v < valid);
    assert.deepEqual(burst, burst.map(() => latest), `only the latest version of the burst is published: ${published}`);
    assert.equal(all.at(-1), last, 'the last publication is the latest version');
  });

  it('an edit right after opening never gets the opened text\'s result under its own version', async () => {
    const uri = virtualUri('edit-after-open.action.json');
    const withMethod = (m: string) => BROKEN.replace('"FETCH"', JSON.stringify(m));
    const opened = server.client.open(uri, withMethod('OPENED'));
    const edited = server.client.replaceAll(uri, withMethod('EDITED'));
    await Promise.all([opened, edited]);
    await server.client.waitForDiagnostics(uri, (p) => p.version === 2 && p.diagnostics.some((d) => messageOf(d).includes('got "EDITED"')));
    // Barrier: a later edit's result comes after anything still pending for versions 1 and 2.
    await server.client.replaceAll(uri, withMethod('LAST'));
    await server.client.diagnosticsForCurrentVersion(uri);
    const expected = new Map([[1, 'OPENED'], [2, 'EDITED'], [3, 'LAST']]);
    for (const p of server.client.publicationsFor(uri)) {
      const messages = p.diagnostics.map(messageOf).join('\n');
      assert.ok(messages.includes(`got "${expected.get(p.version ?? -1)}"`), `version ${p.version} published with: ${messages}`);
    }
  });

  it('a change that only moves text keeps the positions exact (insert lines above an error)', async () => {
    const uri = virtualUri('edit-shift.action.json');
    await server.client.open(uri, BROKEN);
    const first = await server.client.diagnosticsForCurrentVersion(uri);
    const original = first.diagnostics.find((d) => d.code === 'invalid-value');
    assert.ok(original);
    const afterBrace = positionAt(BROKEN, 1);
    await server.client.edit(uri, { start: afterBrace, end: afterBrace }, '\n\n');
    const shifted = (await server.client.diagnosticsForCurrentVersion(uri)).diagnostics.find((d) => d.code === 'invalid-value');
    assert.ok(shifted);
    assert.deepEqual(shifted.range, rangeOf(server.client.text(uri), '"FETCH"'));
    assert.equal(shifted.range.start.line, original.range.start.line + 2);
  });
});
