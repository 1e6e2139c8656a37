// Every answer shaped by what the client announced (issue 13, item 6): a bare client that announces no capability
// gets plain text, no snippets, Locations, flat symbols; the VS Code-like client keeps Markdown, snippets, links and
// trees. Completion items carry the schema's documentation, in Markdown or in plain text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InsertTextFormat, MarkupKind, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { definition, waitForIndex } from './requests';
import { TempWorkspace } from './tempWorkspace';
import { positionIn, virtualUri } from './testSupport';

const ACTION = 'refund-order.action.json';
const ACTION_TEXT = TempWorkspace.fixtureText('provenance', ACTION);
const NEW_PROPERTY = '{\n  "method": "GET",\n  \n}';

function documentationOf(item: CompletionItem | undefined): string | MarkupContent | undefined {
  assert.ok(item, 'the item is offered');
  return item.documentation;
}

function hoverContent(hover: Hover | null): MarkupContent {
  assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents, `a MarkupContent hover: ${JSON.stringify(hover)}`);
  return hover.contents;
}

describe('answers shaped by client capabilities', () => {
  let workspace: TempWorkspace;
  let minimal: LspClient;
  let vscode: LspClient;
  let action: string;
  before(async () => {
    workspace = TempWorkspace.create('provenance');
    action = workspace.uri(ACTION);
    [minimal, vscode] = await Promise.all([LspClient.start([workspace.folder], { mode: 'minimal' }), LspClient.start([workspace.folder])]);
    for (const client of [minimal, vscode]) {
      await waitForIndex(client);
      await client.open(action, ACTION_TEXT);
      await client.diagnosticsForCurrentVersion(action);
    }
  });
  after(async () => {
    await Promise.all([minimal.stop(), vscode.stop()]);
    workspace.dispose();
  });

  async function completeProperty(client: LspClient, name: string): Promise<CompletionItem[]> {
    const uri = virtualUri(name);
    await client.open(uri, NEW_PROPERTY);
    return (await client.completion(uri, { line: 2, character: 2 })) ?? [];
  }

  it('completion documents each property with its Markdown description for a client that takes Markdown', async () => {
    const items = await completeProperty(vscode, 'docs-markdown.action.json');
    const documentation = documentationOf(items.find((i) => i.label === 'description'));
    assert.ok(typeof documentation === 'object', `Markdown documentation: ${JSON.stringify(documentation)}`);
    assert.equal(documentation.kind, MarkupKind.Markdown);
    assert.ok(documentation.value.startsWith('**Required**, at least 20 characters. This is *prompt text*'), documentation.value);
    const endpoint = documentationOf(items.find((i) => i.label === 'endpoint'));
    assert.ok(typeof endpoint === 'object' && endpoint.value.length > 20, 'every property is documented');
  });

  it('completion documents each property in plain text for a client that takes no Markdown', async () => {
    const items = await completeProperty(minimal, 'docs-plain.action.json');
    const documentation = documentationOf(items.find((i) => i.label === 'description'));
    assert.equal(typeof documentation, 'string', `plain text: ${JSON.stringify(documentation)}`);
    assert.ok(String(documentation).startsWith('Required, at least 20 characters. This is prompt text, not an internal note'), String(documentation));
    assert.ok(!/[*`]/.test(String(documentation)), `no Markdown marks: ${String(documentation)}`);
  });

  it('a method value is documented in plain text too (enum descriptions)', async () => {
    const uri = virtualUri('docs-enum.action.json');
    const text = '{\n  "method": ""\n}';
    await minimal.open(uri, text);
    const items = (await minimal.completion(uri, positionIn(text, '"method": "'))) ?? [];
    const get = items.find((i) => i.label === '"GET"' || i.label === 'GET');
    assert.equal(documentationOf(get), 'Read data; no body.');
  });

  it('no snippet reaches a client without snippet support: the "New OpenCX action" item inserts plain JSON', async () => {
    const uri = virtualUri('no-snippets.action.json');
    await minimal.open(uri, '');
    const items = (await minimal.completion(uri, { line: 0, character: 0 })) ?? [];
    assert.ok(items.length, 'items are offered');
    assert.deepEqual(items.filter((i) => i.insertTextFormat === InsertTextFormat.Snippet).map((i) => i.label), []);
    const item = items.find((i) => i.label === 'New OpenCX action');
    const inserted = item?.textEdit?.newText ?? item?.insertText ?? '';
    assert.ok(!/\$\{?\d/.test(inserted), `no tab stop left: ${inserted}`);
    const value = JSON.parse(inserted) as Record<string, unknown>;
    assert.equal(value.method, 'GET', 'a choice becomes its first option');
    assert.equal(value.endpoint, 'https://api.example.com/orders/{order_id}', 'escapes resolved');
    assert.equal(value.name, 'Look up order');
  });

  it('the VS Code-like client still gets snippets', async () => {
    const items = await completeProperty(vscode, 'snippets.action.json');
    assert.equal(items.find((i) => i.label === 'endpoint')?.insertTextFormat, InsertTextFormat.Snippet);
  });

  it('hovers are plain text for a client that takes no Markdown, and Markdown otherwise', async () => {
    const position = positionIn(ACTION_TEXT, '"x-region"', 2);
    const plain = hoverContent(await minimal.hover(action, position));
    assert.equal(plain.kind, MarkupKind.PlainText);
    assert.ok(plain.value.startsWith('Header x-region · environment staging, contact jane-vip'), plain.value);
    assert.ok(!/\*\*|`|\]\(/.test(plain.value), `no Markdown left: ${plain.value}`);
    const schemaHover = hoverContent(await minimal.hover(action, positionIn(ACTION_TEXT, '"description": "Refund', 2)));
    assert.equal(schemaHover.kind, MarkupKind.PlainText, 'the schema hover too');
    assert.equal(hoverContent(await vscode.hover(action, position)).kind, MarkupKind.Markdown);
  });

  it('hover links use the plain file URI outside VS Code (no #L fragment), and VS Code keeps #L', async () => {
    const position = positionIn(ACTION_TEXT, '"headers"', 2);
    const markdownClient = await LspClient.start([workspace.folder], { mode: 'minimal', capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } });
    try {
      await waitForIndex(markdownClient);
      await markdownClient.open(action, ACTION_TEXT);
      const other = hoverContent(await markdownClient.hover(action, position)).value;
      assert.ok(other.includes(`](${workspace.uri('opencx.config.json')})`), other);
      assert.ok(!other.includes('#L'), other);
      assert.match(hoverContent(await vscode.hover(action, position)).value, /opencx\.config\.json#L\d+\)/);
    } finally {
      await markdownClient.stop();
    }
  });

  it('the secret hover outside VS Code says to set OPENCX_SECRET_<NAME>, not to use a VS Code command', async () => {
    const position = positionIn(ACTION_TEXT, '${secret:OLD_TOKEN}', 3);
    const plain = hoverContent(await minimal.hover(action, position)).value;
    assert.ok(plain.includes('OPENCX_SECRET_OLD_TOKEN'), plain);
    assert.ok(!plain.includes('VS Code') && !plain.includes('not set'), plain);
    assert.ok(hoverContent(await vscode.hover(action, position)).value.includes('*OpenCX: Set Secret* in VS Code'));
  });

  it('definition answers Locations to a client without linkSupport, LocationLinks otherwise', async () => {
    const position = positionIn(ACTION_TEXT, '"x-region"', 2);
    const locations = (await definition(minimal, action, position)) as unknown[];
    assert.ok(Array.isArray(locations) && locations.length > 0, JSON.stringify(locations));
    for (const location of locations) {
      assert.deepEqual(Object.keys(location as object).sort(), ['range', 'uri'], JSON.stringify(location));
      assert.equal((location as { uri: string }).uri, workspace.uri('opencx.config.json'));
    }
    const links = (await definition(vscode, action, position)) as { targetUri?: string }[];
    assert.equal(links[0]?.targetUri, workspace.uri('opencx.config.json'));
  });

  it('document symbols are flat SymbolInformation for a client without hierarchical support', async () => {
    const flat = (await minimal.documentSymbols(action)) ?? [];
    assert.ok(flat.length > 5, 'every property is a symbol');
    for (const symbol of flat) assert.ok('location' in symbol && !('children' in symbol), JSON.stringify(symbol));
    assert.ok(flat.some((s) => s.name === 'x-region' && 'containerName' in s && s.containerName === 'headers'), 'nested ones name their container');
    const tree = (await vscode.documentSymbols(action)) ?? [];
    assert.ok(tree.some((s) => 'children' in s && s.name === 'headers'), 'VS Code gets the tree');
  });

  it('no handler failed', () => {
    assert.deepEqual([...minimal.errorLogs, ...vscode.errorLogs], []);
  });
});
