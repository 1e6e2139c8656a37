// Hover, formatting, document symbols and folding over the protocol.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarkupKind, type DocumentSymbol, type Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionIn, rangeOf, readRepoFile, virtualUri } from './testSupport';
import { withServer } from './withServer';

const ACTION = readRepoFile('examples/actions/look-up-order.action.json');

/** The hover's text, whatever shape (MarkupContent, MarkedString or an array of them) the server chose. */
function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'no hover');
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.map((p) => (typeof p === 'string' ? p : p.value)).join('\n');
}

describe('hover, formatting, symbols and folding', () => {
  const uri = virtualUri('features.action.json');
  const server = withServer({}, async () => {
    await server.client.open(uri, ACTION);
  });

  it('hover on the "endpoint" key shows the schema\'s description of endpoint', async () => {
    const hover = await server.client.hover(uri, positionIn(ACTION, '"endpoint"', 4));
    const text = hoverText(hover);
    assert.ok(text.includes('**`https://` only** (OpenCX never calls `http://`)'), text);
    assert.ok(text.includes('Each `{name}` needs a `path` entry in `parameters`.'), text);
    assert.deepEqual(hover?.range, rangeOf(ACTION, '"endpoint"'));
    if (hover && !Array.isArray(hover.contents) && typeof hover.contents === 'object' && 'kind' in hover.contents) {
      assert.equal(hover.contents.kind, MarkupKind.Markdown);
    }
  });

  it('hover on a parameter key inside "parameters" shows the parameter\'s description', async () => {
    const text = hoverText(await server.client.hover(uri, positionIn(ACTION, '"in": "query"', 2)));
    assert.ok(text.includes('Where OpenCX puts the value'), text);
  });

  it('hover on a method value shows what that method is for', async () => {
    const text = hoverText(await server.client.hover(uri, positionIn(ACTION, '"GET"', 2)));
    assert.ok(text.includes('Read data; no body.'), text);
  });

  it('hover between properties shows the action\'s own description', async () => {
    const text = hoverText(await server.client.hover(uri, { line: 0, character: 1 }));
    assert.ok(text.includes('One OpenCX **action**: an HTTP call'), text);
  });

  it('formatting returns edits that turn a one-line action into two-space JSON', async () => {
    const oneLine = JSON.stringify(JSON.parse(ACTION));
    const flat = virtualUri('flat.action.json');
    await server.client.open(flat, oneLine);
    const edits = await server.client.format(flat, 2);
    assert.ok(edits && edits.length > 0, 'edits expected');
    const formatted = TextDocument.applyEdits(TextDocument.create(flat, 'json', 1, oneLine), edits);
    assert.equal(formatted, JSON.stringify(JSON.parse(ACTION), null, 2));
  });

  it('formatting an already formatted document returns no edit', async () => {
    const pretty = virtualUri('pretty.action.json');
    await server.client.open(pretty, JSON.stringify(JSON.parse(ACTION), null, 2));
    assert.deepEqual(await server.client.format(pretty, 2), []);
  });

  it('document symbols are the top-level keys, in order, with nested children', async () => {
    const symbols = (await server.client.documentSymbols(uri)) as DocumentSymbol[] | null;
    assert.ok(symbols);
    assert.deepEqual(symbols.map((s) => s.name), Object.keys(JSON.parse(ACTION)));
    const endpoint = symbols.find((s) => s.name === 'endpoint');
    assert.deepEqual(endpoint?.selectionRange, rangeOf(ACTION, '"endpoint"'));
    const parameters = symbols.find((s) => s.name === 'parameters');
    assert.equal(parameters?.children?.length, 2, 'two parameters');
  });

  it('folding ranges cover the root object and the multi-line headers and parameters', async () => {
    const ranges = await server.client.foldingRanges(uri);
    assert.ok(ranges);
    const lines = ACTION.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));
    const starts = ranges.map((r) => r.startLine);
    assert.ok(starts.includes(0), 'root object');
    assert.ok(starts.includes(lineOf('"headers"')), 'headers');
    assert.ok(starts.includes(lineOf('"parameters"')), 'parameters');
  });
});
