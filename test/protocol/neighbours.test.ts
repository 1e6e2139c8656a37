// Neighbours in the editor (issue 9, item 4) over the real protocol: the hover on an action's name lists its nearest
// actions with the score, what they share and what tells them apart, linked in the form each client follows
// (VS Code: #L<line>; another Markdown client: the file URI; a plain-text client: path:line); the "Nearest" code
// lens is resolved on codeLens/resolve into a peek (VS Code) or a server command that lists them (any other client).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeLensResolveRequest, ExecuteCommandRequest, MarkupKind, type CodeLens, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../../server/src/protocol';
import { LspClient } from './lspClient';
import { codeLenses, waitForIndex } from './requests';
import { actionText, TempWorkspace } from './tempWorkspace';
import { positionIn, rangeOf } from './testSupport';

const parameters = [{ name: 'order_id', in: 'path', description: 'Order number', required: true, schema: { type: 'string' } }];
const endpoint = (path: string) => `https://api.acme-shop.example/v1/orders/{order_id}/${path}`;
const TRACK = actionText({ name: 'Track my delivery', description: 'Track the delivery of an order: returns the carrier, the tracking number and the expected delivery date.', endpoint: endpoint('delivery'), parameters });
const SHIPPING = actionText({ name: 'Shipping status', description: 'Get the shipping status of an order: returns the carrier, the tracking number and the expected arrival date.', endpoint: endpoint('shipment'), parameters });
const INVOICE = actionText({ name: 'Resend invoice', description: 'Send the invoice of an order again to the email address of the customer.', method: 'POST', endpoint: endpoint('invoice'), parameters });
const PASSWORD = actionText({ name: 'Reset password', description: 'Send a password reset link to the email address on the account.', method: 'POST', endpoint: 'https://api.acme-shop.example/v1/password-resets' });
/** Says nothing any other action here says. */
const TABLE = actionText({ name: 'Book a table', description: 'Reserve a restaurant table for dinner tonight, for two to eight guests.', method: 'POST', endpoint: 'https://api.acme-shop.example/v1/tables' });

function content(hover: Hover | null): MarkupContent {
  assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents, `a MarkupContent hover: ${JSON.stringify(hover)}`);
  return hover.contents;
}

describe('neighbours: the hover on the name and the "Nearest" code lens', () => {
  let workspace: TempWorkspace;
  let vscode: LspClient;
  let minimal: LspClient;
  let markdownOnly: LspClient;
  const uri: Record<string, string> = {};

  before(async () => {
    workspace = TempWorkspace.create();
    for (const [name, text] of Object.entries({ track: TRACK, shipping: SHIPPING, invoice: INVOICE, password: PASSWORD })) uri[name] = workspace.write(`${name}.action.json`, text);
    [vscode, minimal, markdownOnly] = await Promise.all([
      LspClient.start([workspace.folder]),
      LspClient.start([workspace.folder], { mode: 'minimal' }),
      LspClient.start([workspace.folder], { mode: 'minimal', capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } }),
    ]);
    for (const client of [vscode, minimal, markdownOnly]) {
      await waitForIndex(client);
      await client.open(uri.track, TRACK);
      await client.diagnosticsForCurrentVersion(uri.track);
    }
  });
  after(async () => {
    for (const client of [vscode, minimal, markdownOnly]) assert.deepEqual(client.errorLogs, [], 'no handler failed');
    await Promise.all([vscode.stop(), minimal.stop(), markdownOnly.stop()]);
    workspace.dispose();
  });

  const onName = positionIn(TRACK, '"name": "Track', 2);
  const shippingLine = rangeOf(SHIPPING, '"name": "Shipping').start.line + 1;

  it('VS Code: Markdown with the nearest actions, scores, words and #L links; below the warning threshold too', async () => {
    const hover = content(await vscode.hover(uri.track, onName));
    assert.equal(hover.kind, MarkupKind.Markdown);
    const text = hover.value;
    assert.match(text, /\*\*Nearest actions\*\* offered to the same contacts \(description-overlap warns from 0\.\d\d; below that, they are for you to judge\):/);
    const items = text.split('\n').filter((l) => l.startsWith('- **'));
    assert.ok(items.length >= 2 && items.length <= 3, text);
    assert.match(items[0], new RegExp(`^- \\*\\*Shipping status\\*\\* · 0\\.\\d\\d · \\[shipping\\.action\\.json\\]\\(${uri.shipping.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#L${shippingLine}\\) {2}$`));
    assert.ok(text.includes('  both say "'), text);
    assert.match(text, /only "Shipping status" says "[^"]+"/);
    const scores = items.map((l) => Number(/ · (\d\.\d\d) · /.exec(l)?.[1]));
    assert.ok(scores.some((s) => s < 0.25), `a near-miss below the threshold: ${scores}`);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.ok(!text.includes('Reset password'), 'an action sharing no word is not a neighbour');
    assert.equal(content(await vscode.hover(uri.track, positionIn(TRACK, '"Track my delivery"', 3))).value, text, 'the same on the value');
  });

  it('the hover elsewhere (the description, a parameter\'s name) has no neighbours section', async () => {
    for (const needle of ['"description": "Track', '"name": "order_id"']) {
      const hover = await vscode.hover(uri.track, positionIn(TRACK, needle, 2));
      assert.ok(!hover || !content(hover).value.includes('Nearest actions'), `${needle}: ${JSON.stringify(hover)}`);
    }
  });

  it('a plain-text client: no Markdown left, each neighbour with its path and line', async () => {
    const hover = content(await minimal.hover(uri.track, onName));
    assert.equal(hover.kind, MarkupKind.PlainText);
    assert.ok(hover.value.includes(`Nearest actions offered to the same contacts`), hover.value);
    assert.ok(hover.value.includes(`- Shipping status · `), hover.value);
    assert.ok(hover.value.includes(` · ${workspace.path('shipping.action.json')}:${shippingLine}`), hover.value);
    assert.ok(!/\*\*|\]\(|\\/.test(hover.value.replaceAll(workspace.folder, '')), `no Markdown left: ${hover.value}`);
  });

  it('another Markdown client: links to the plain file URI (no #L fragment)', async () => {
    const text = content(await markdownOnly.hover(uri.track, onName)).value;
    assert.ok(text.includes(`[shipping.action.json](${uri.shipping})`), text);
    assert.ok(!text.includes('#L'), text);
  });

  it('the lens comes without a command and is resolved: a peek on the neighbours in VS Code', async () => {
    assert.equal(vscode.initializeResult.capabilities.codeLensProvider?.resolveProvider, true);
    const lens = ((await codeLenses(vscode, uri.track)) ?? []).find((l) => !l.command);
    assert.ok(lens, 'an unresolved lens');
    const resolved: CodeLens = await vscode.connection.sendRequest(CodeLensResolveRequest.type, lens);
    assert.match(resolved.command?.title ?? '', /^Nearest: "Shipping status" \(0\.\d\d\) and [12] more$/);
    assert.equal(resolved.command?.command, CLIENT_COMMANDS.peekLocations);
    const [target, position, locations] = resolved.command?.arguments as [string, unknown, { uri: string }[]];
    assert.equal(target, uri.track);
    assert.deepEqual(position, lens.range.start);
    assert.equal(locations[0].uri, uri.shipping);
    assert.deepEqual(locations[0], { uri: uri.shipping, range: rangeOf(SHIPPING, '"Shipping status"') });
  });

  it('any other client: a plain title and a server command that lists the neighbours with path and line', async () => {
    const lens = ((await codeLenses(minimal, uri.track)) ?? []).find((l) => !l.command);
    assert.ok(lens);
    const resolved: CodeLens = await minimal.connection.sendRequest(CodeLensResolveRequest.type, lens);
    assert.match(resolved.command?.title ?? '', /^Nearest: "Shipping status" \(0\.\d\d\)/);
    assert.equal(resolved.command?.command, SERVER_COMMANDS.showNeighbours);
    await minimal.connection.sendRequest(ExecuteCommandRequest.type, { command: resolved.command!.command, arguments: resolved.command!.arguments });
    const message = await minimal.waitForMessage((m) => m.message.startsWith('Nearest actions to "Track my delivery"'));
    assert.ok(message.message.includes(`"Shipping status" (${workspace.path('shipping.action.json')}:${shippingLine}): both say "`), message.message);
  });

  it('an action with no neighbour: the lens says so and its command says why', async () => {
    const table = workspace.uri('table.action.json');
    await minimal.open(table, TABLE);
    await minimal.diagnosticsForCurrentVersion(table);
    const lens = ((await codeLenses(minimal, table)) ?? []).find((l) => !l.command);
    assert.ok(lens);
    const resolved: CodeLens = await minimal.connection.sendRequest(CodeLensResolveRequest.type, lens);
    assert.equal(resolved.command?.title, 'Nearest actions: none');
    await minimal.connection.sendRequest(ExecuteCommandRequest.type, { command: resolved.command!.command, arguments: resolved.command!.arguments });
    await minimal.waitForMessage((m) => m.message === '"Book a table": no other action offered to the same contacts says anything this one says.');
  });
});
