// Code lenses over the protocol (issue 3): "Run" and "Request plan" above every action's name, and "Overlaps N
// actions" above an overlapping one, which peeks the other actions' names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeLens, Range } from 'vscode-languageserver-protocol';
import { CLIENT_COMMANDS } from '../../server/src/protocol';
import { LspClient } from './lspClient';
import { codeLenses, waitForIndex } from './requests';
import { actionText } from './tempWorkspace';
import { rangeOf } from './testSupport';
import { withServer } from './withServer';

const parameters = [{ name: 'order_id', in: 'path', description: 'Order number', required: true, schema: { type: 'string' } }];
const endpoint = (path: string) => `https://api.acme-shop.example/v1/orders/{order_id}/${path}`;
/** Three ways of asking where an order is: each overlaps the two others. */
const TRACK = actionText({ name: 'Track my delivery', description: 'Track the delivery of an order: returns the carrier, the tracking number and the expected delivery date.', endpoint: endpoint('delivery'), parameters });
const SHIPPING = actionText({ name: 'Shipping status', description: 'Get the shipping status of an order: returns the carrier, the tracking number and the expected arrival date.', endpoint: endpoint('shipment'), parameters });
const WHERE = actionText({ name: 'Where is my order', description: 'Find out where an order is right now: returns the carrier, its tracking number and when the parcel will arrive.', endpoint: endpoint('location'), parameters });
const REFUND = actionText({ name: 'Refund order', description: 'Refund a delivered order in full for a VIP customer and return the refund ID.', method: 'POST', endpoint: endpoint('refunds'), parameters });

/** The neighbours lens comes last, without a command until resolved (test/protocol/neighbours.test.ts covers it). */
const isNeighboursLens = (l: CodeLens) => !l.command && (l.data as { neighboursOf?: string } | undefined)?.neighboursOf !== undefined;
const commandsOf = (lenses: CodeLens[] | null) => (lenses ?? []).filter((l) => !isNeighboursLens(l)).map((l) => l.command?.command);

/** The range of the top-level `"name"` key (parameters have names too). */
function nameKey(text: string): Range {
  const { start } = rangeOf(text, `"name": ${JSON.stringify(JSON.parse(text).name)}`);
  return { start, end: { line: start.line, character: start.character + '"name"'.length } };
}

describe('code lenses', () => {
  const uris: Record<string, string> = {};
  const server = withServer({ workspace: true }, async () => {
    await waitForIndex(server.client);
    for (const [name, text] of Object.entries({ track: TRACK, shipping: SHIPPING, refund: REFUND })) {
      uris[name] = server.workspace.uri(`${name}.action.json`);
      await server.client.open(uris[name], text);
      await server.client.diagnosticsForCurrentVersion(uris[name]);
    }
  });

  it('an action that overlaps nothing gets "Run" and "Request plan" on its name, with its URI', async () => {
    const all = (await codeLenses(server.client, uris.refund)) ?? [];
    assert.ok(isNeighboursLens(all[all.length - 1]), 'the neighbours lens last');
    const lenses = all.slice(0, -1);
    assert.deepEqual(lenses.map((l) => l.command?.title), ['$(play) Run', 'Request plan']);
    assert.deepEqual(commandsOf(lenses), [CLIENT_COMMANDS.runAction, CLIENT_COMMANDS.showRequestPlan]);
    assert.deepEqual(commandsOf(lenses), ['opencx.runAction', 'opencx.showRequestPlan']);
    for (const lens of lenses) {
      assert.deepEqual(lens.range, nameKey(REFUND), 'above the name');
      assert.deepEqual(lens.command?.arguments, [uris.refund]);
    }
  });

  it('an overlapping action also gets "Overlaps 1 action", which peeks the other action\'s name', async () => {
    const lenses = (await codeLenses(server.client, uris.track)) ?? [];
    assert.deepEqual(commandsOf(lenses), ['opencx.runAction', 'opencx.showRequestPlan', 'opencx.peekLocations']);
    const overlap = lenses[2];
    assert.equal(overlap.command?.title, '$(warning) Overlaps 1 action: "Shipping status"');
    assert.deepEqual(overlap.command?.arguments, [
      uris.track,
      nameKey(TRACK).start,
      [{ uri: uris.shipping, range: rangeOf(SHIPPING, '"Shipping status"') }],
    ]);
  });

  it('a third overlapping action makes it "Overlaps 2 actions", with both locations', async () => {
    const where = server.workspace.uri('where.action.json');
    server.client.mark(uris.track);
    await server.client.open(where, WHERE);
    await server.client.diagnosticsForCurrentVersion(where);
    await server.client.waitForDiagnostics(uris.track, (p) => p.diagnostics.filter((d) => d.code === 'description-overlap').length === 2);
    const [, , overlap] = (await codeLenses(server.client, uris.track)) ?? [];
    assert.match(overlap.command?.title ?? '', /^\$\(warning\) Overlaps 2 actions: "(Shipping status|Where is my order)", "(Shipping status|Where is my order)"$/);
    const [, , locations] = overlap.command?.arguments as [string, unknown, { uri: string }[]];
    assert.deepEqual(locations.map((l) => l.uri).sort(), [uris.shipping, where].sort());
    await server.client.close(where);
    await server.client.waitForDiagnostics(where, (p) => p.version === undefined);
  });

  it('once the other action no longer overlaps, the overlap lens is gone', async () => {
    server.client.mark(uris.track);
    await server.client.replaceAll(uris.shipping, REFUND.replace('Refund order', 'Refund shipping fee').replace('/refunds', '/fee-refunds'));
    await server.client.waitForDiagnostics(uris.track, (p) => !p.diagnostics.some((d) => d.code === 'description-overlap'));
    assert.deepEqual(commandsOf(await codeLenses(server.client, uris.track)), ['opencx.runAction', 'opencx.showRequestPlan']);
  });

  it('a file that is not valid JSON, or not an action, gets no lens', async () => {
    const broken = server.workspace.uri('broken.action.json');
    await server.client.open(broken, '{ "name": "Half typed", ');
    assert.deepEqual(await codeLenses(server.client, broken), []);
    const config = server.workspace.uri('opencx.config.json');
    await server.client.open(config, '{ "segments": ["customers"] }\n');
    assert.deepEqual(await codeLenses(server.client, config), []);
  });
});

// Issue 14: the Run lens on an action that cannot be sent said "Run", then refused. It now says why, and reveals the
// first problem; a client without the extension's commands still gets no Run lens at all.
describe('the Run lens of an action that cannot be run', () => {
  const server = withServer({ workspace: true }, () => waitForIndex(server.client));
  const BROKEN = actionText({ name: 'Refund order', description: 'Refund a delivered order in full for a VIP customer and return the refund ID.', method: 'FETCH', endpoint: 'orders/{order_id}/refunds', parameters });

  it('is titled "Cannot run: N errors (first: …)" and reveals the first problem', async () => {
    const uri = server.workspace.uri('refund.action.json');
    await server.client.open(uri, BROKEN);
    await server.client.diagnosticsForCurrentVersion(uri);
    const [run, plan] = (await codeLenses(server.client, uri)) ?? [];
    assert.equal(run.command?.title, '$(error) Cannot run: 2 errors (first: method "FETCH" is not one of GET, POST, PUT, PATCH, DELETE)');
    assert.equal(run.command?.command, CLIENT_COMMANDS.revealProblem);
    assert.deepEqual(run.command?.arguments, [uri, rangeOf(BROKEN, '"FETCH"')]);
    assert.deepEqual(run.range, nameKey(BROKEN));
    assert.equal(plan.command?.command, CLIENT_COMMANDS.showRequestPlan, 'the plan still shows what is wrong');
  });

  it('becomes "Run" again once the problems are fixed', async () => {
    const uri = server.workspace.uri('refund.action.json');
    await server.client.replaceAll(uri, BROKEN.replace('"FETCH"', '"POST"').replace('"orders/', '"https://api.acme-shop.example/v1/orders/'));
    await server.client.diagnosticsForCurrentVersion(uri);
    const [run] = (await codeLenses(server.client, uri)) ?? [];
    assert.equal(run.command?.title, '$(play) Run');
    assert.equal(run.command?.command, CLIENT_COMMANDS.runAction);
  });

  it('is not offered to a client without the extension\'s commands: it has no Run lens to explain', async () => {
    const uri = server.workspace.write('other.action.json', BROKEN);
    const minimal = await LspClient.start([server.workspace.folder], { mode: 'minimal' });
    try {
      await waitForIndex(minimal);
      // Only the unresolved "Nearest" lens (neighbours, filled by codeLens/resolve): no Run lens, no "Cannot run".
      const lenses = (await codeLenses(minimal, uri)) ?? [];
      assert.deepEqual(lenses.map((lens) => lens.command?.title ?? 'unresolved'), ['unresolved']);
      assert.deepEqual(lenses[0].data, { neighboursOf: uri });
    } finally {
      await minimal.stop();
    }
  });
});
