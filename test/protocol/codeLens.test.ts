// Code lenses over the protocol (issue 3): "Run" and "Request plan" above every action's name, and "Overlaps N
// actions" above an overlapping one, which peeks the other actions' names; since issue 9, "Nearest: …" too, and the
// hover on the name lists the nearest actions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, Range } from 'vscode-languageserver-protocol';
import { CLIENT_COMMANDS } from '../../server/src/protocol';
import { LspClient } from './lspClient';
import { codeLenses, waitForIndex } from './requests';
import { actionText, TempWorkspace } from './tempWorkspace';
import { rangeOf } from './testSupport';

const parameters = [{ name: 'order_id', in: 'path', description: 'Order number', required: true, schema: { type: 'string' } }];
const endpoint = (path: string) => `https://api.acme-shop.example/v1/orders/{order_id}/${path}`;
/** Three ways of asking where an order is: each overlaps the two others. */
const TRACK = actionText({ name: 'Track my parcel', description: 'Track the parcel of an order: returns the carrier, the tracking number and the expected delivery date.', endpoint: endpoint('delivery'), parameters });
const SHIPPING = actionText({ name: 'Track my package', description: 'Track where the package of an order is: returns the carrier, the tracking number and the expected arrival date.', endpoint: endpoint('shipment'), parameters });
const WHERE = actionText({ name: 'Where is my parcel', description: 'Find out where the parcel of an order is right now: returns the carrier, its tracking number and when it will arrive.', endpoint: endpoint('location'), parameters });
const REFUND = actionText({ name: 'Refund order', description: 'Refund a delivered order in full for a VIP customer and return the refund ID.', method: 'POST', endpoint: endpoint('refunds'), parameters });

const commandsOf = (lenses: CodeLens[] | null) => (lenses ?? []).map((l) => l.command?.command);

/** The range of the top-level `"name"` key (parameters have names too). */
function nameKey(text: string): Range {
  const { start } = rangeOf(text, `"name": ${JSON.stringify(JSON.parse(text).name)}`);
  return { start, end: { line: start.line, character: start.character + '"name"'.length } };
}

describe('code lenses', () => {
  let workspace: TempWorkspace;
  let client: LspClient;
  const uris: Record<string, string> = {};
  before(async () => {
    workspace = TempWorkspace.create();
    client = await LspClient.start([workspace.folder]);
    await waitForIndex(client);
    for (const [name, text] of Object.entries({ track: TRACK, shipping: SHIPPING, refund: REFUND })) {
      uris[name] = workspace.uri(`${name}.action.json`);
      await client.open(uris[name], text);
      await client.diagnosticsForCurrentVersion(uris[name]);
    }
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('an action that overlaps nothing gets "Run" and "Request plan" on its name, with its URI, and its nearest actions', async () => {
    const all = (await codeLenses(client, uris.refund)) ?? [];
    // Issue 9: the nearest actions follow (never a warning icon); they peek like the overlaps.
    const nearest = all[2];
    assert.match(nearest.command?.title ?? '', /^Nearest: "(Track my parcel|Track my package)" \d\.\d\d/);
    assert.equal(nearest.command?.command, CLIENT_COMMANDS.peekLocations);
    const lenses = all.slice(0, 2);
    assert.deepEqual(lenses.map((l) => l.command?.title), ['$(play) Run', 'Request plan']);
    assert.deepEqual(commandsOf(lenses), [CLIENT_COMMANDS.runAction, CLIENT_COMMANDS.showRequestPlan]);
    assert.deepEqual(commandsOf(lenses), ['opencx.runAction', 'opencx.showRequestPlan']);
    for (const lens of lenses) {
      assert.deepEqual(lens.range, nameKey(REFUND), 'above the name');
      assert.deepEqual(lens.command?.arguments, [uris.refund]);
    }
  });

  it('an overlapping action also gets "Overlaps 1 action", which peeks the other action\'s name', async () => {
    const lenses = (await codeLenses(client, uris.track)) ?? [];
    assert.deepEqual(commandsOf(lenses), ['opencx.runAction', 'opencx.showRequestPlan', 'opencx.peekLocations', 'opencx.peekLocations']);
    const overlap = lenses[2];
    assert.match(lenses[3].command?.title ?? '', /^Nearest: "Track my package" \d\.\d\d/);
    assert.equal(overlap.command?.title, '$(warning) Overlaps 1 action: "Track my package"');
    assert.deepEqual(overlap.command?.arguments, [
      uris.track,
      nameKey(TRACK).start,
      [{ uri: uris.shipping, range: rangeOf(SHIPPING, '"Track my package"') }],
    ]);
  });

  it('a third overlapping action makes it "Overlaps 2 actions", with both locations', async () => {
    const where = workspace.uri('where.action.json');
    client.mark(uris.track);
    await client.open(where, WHERE);
    await client.diagnosticsForCurrentVersion(where);
    await client.waitForDiagnostics(uris.track, (p) => p.diagnostics.filter((d) => d.code === 'description-overlap').length === 2);
    const [, , overlap] = (await codeLenses(client, uris.track)) ?? [];
    assert.match(overlap.command?.title ?? '', /^\$\(warning\) Overlaps 2 actions: "(Track my package|Where is my parcel)", "(Track my package|Where is my parcel)"$/);
    const [, , locations] = overlap.command?.arguments as [string, unknown, { uri: string }[]];
    assert.deepEqual(locations.map((l) => l.uri).sort(), [uris.shipping, where].sort());
    await client.close(where);
    await client.waitForDiagnostics(where, (p) => p.version === undefined);
  });

  it('once the other action no longer overlaps, the overlap lens is gone', async () => {
    client.mark(uris.track);
    await client.replaceAll(uris.shipping, REFUND.replace('Refund order', 'Refund shipping fee').replace('/refunds', '/fee-refunds'));
    await client.waitForDiagnostics(uris.track, (p) => !p.diagnostics.some((d) => d.code === 'description-overlap'));
    const lenses = (await codeLenses(client, uris.track)) ?? [];
    assert.deepEqual(commandsOf(lenses), ['opencx.runAction', 'opencx.showRequestPlan', 'opencx.peekLocations']);
    assert.match(lenses[2].command?.title ?? '', /^Nearest: /, 'only the nearest actions remain, not a warning');
  });

  it('a file that is not valid JSON, or not an action, gets no lens', async () => {
    const broken = workspace.uri('broken.action.json');
    await client.open(broken, '{ "name": "Half typed", ');
    assert.deepEqual(await codeLenses(client, broken), []);
    const config = workspace.uri('opencx.config.json');
    await client.open(config, '{ "segments": ["customers"] }\n');
    assert.deepEqual(await codeLenses(client, config), []);
  });

  it('the hover on the name lists the nearest actions after the schema text; elsewhere it does not (issue 9)', async () => {
    const onName = await client.hover(uris.track, { line: nameKey(TRACK).start.line, character: nameKey(TRACK).start.character + 12 });
    assert.ok(onName && typeof onName.contents === 'object' && 'value' in onName.contents, 'a markdown hover');
    const text = onName.contents.value;
    assert.match(text, /\*\*Nearest actions\*\* offered to the same contacts/);
    assert.match(text, /^- \d\.\d\d \[Refund (order|shipping fee)\]\(file:\/\/.+\.action\.json\) — shares /m);
    const onDescription = await client.hover(uris.track, rangeOf(TRACK, '"method"').start);
    const other = onDescription && typeof onDescription.contents === 'object' && 'value' in onDescription.contents ? onDescription.contents.value : '';
    assert.doesNotMatch(other, /Nearest actions/);
  });

  it('no handler failed', () => {
    assert.deepEqual(client.errorLogs, []);
  });
});
