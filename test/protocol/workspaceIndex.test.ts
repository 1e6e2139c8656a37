// The workspace index over the protocol (issue 3): files that are not open are indexed and published, and the index
// follows file creation, change and deletion, open editors (their text wins), and config changes, re-publishing the
// files whose cross-file findings (duplicate names, description overlap, unknown segments) depend on the change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import { describeAction, fileEvents, FileChangeType, waitForStatus } from './requests';
import { actionText, TempWorkspace } from './tempWorkspace';
import { rangeOf } from './testSupport';

const TRACK = 'track-delivery.action.json';
const ACCOUNT = 'account/cancel-subscription.action.json';
const BILLING = 'billing/cancel-subscription.action.json';
const CONFIG = 'opencx.config.json';
const SHIPPING = 'shipping-status.action.json';

/** Overlaps "Track my delivery" in other words (shipment/delivery, arrival/delivery date). */
const SHIPPING_TEXT = actionText({
  name: 'Track my shipment',
  description: 'Track the shipment of an order: returns the carrier, the tracking number and the expected arrival date.',
  endpoint: 'https://api.acme-shop.example/v1/orders/{order_id}/shipment',
  parameters: [{ name: 'order_id', in: 'path', description: 'Order number', required: true, schema: { type: 'string' } }],
});
const UNRELATED_DESCRIPTION = 'Change the billing email address used for invoices on the customer account.';

const withCode = (p: PublishDiagnosticsParams, code: string): Diagnostic[] => p.diagnostics.filter((d) => d.code === code);
const has = (code: string) => (p: PublishDiagnosticsParams) => withCode(p, code).length > 0;
const lacks = (code: string) => (p: PublishDiagnosticsParams) => withCode(p, code).length === 0;
const relatedUris = (d: Diagnostic): string[] => (d.relatedInformation ?? []).map((r) => r.location.uri).sort();

describe('the workspace index', () => {
  let workspace: TempWorkspace;
  let client: LspClient;
  const uri = (relative: string) => workspace.uri(relative);
  before(async () => {
    workspace = TempWorkspace.create('index');
    client = await LspClient.start([workspace.folder]);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  /** Marks the files, runs `change`, then waits for each file's next publication that satisfies its predicate. */
  async function expectAfter(change: () => unknown, expected: Record<string, (p: PublishDiagnosticsParams) => boolean>): Promise<Record<string, PublishDiagnosticsParams>> {
    for (const relative of Object.keys(expected)) client.mark(uri(relative));
    await change();
    const entries = await Promise.all(Object.entries(expected).map(async ([relative, predicate]) => [relative, await client.waitForDiagnostics(uri(relative), predicate)] as const));
    return Object.fromEntries(entries);
  }

  it('at start, files that are not open get their diagnostics, and opencx/status counts the workspace', async () => {
    const account = await client.waitForDiagnostics(uri(ACCOUNT));
    assert.equal(account.version, undefined, 'a closed file is published without a version');
    // Two actions named "Cancel subscription" with the same verb and object: since issue 9 also a description overlap.
    assert.deepEqual(account.diagnostics.map((d) => d.code), ['duplicate-action-name', 'description-overlap']);
    assert.deepEqual(relatedUris(account.diagnostics[0]), [uri(BILLING)]);
    const billing = await client.waitForDiagnostics(uri(BILLING));
    assert.deepEqual(billing.diagnostics.map((d) => d.code), ['duplicate-action-name', 'description-overlap']);
    assert.deepEqual(relatedUris(billing.diagnostics[0]), [uri(ACCOUNT)]);
    assert.deepEqual((await client.waitForDiagnostics(uri(TRACK))).diagnostics, []);
    assert.deepEqual((await client.waitForDiagnostics(uri(CONFIG))).diagnostics, []);

    const { lastFullCheckMs, ...counts } = await waitForStatus(client, (s) => !s.indexing);
    assert.deepEqual(counts, { actions: 3, configs: 1, errors: 2, warnings: 0, infos: 2, indexing: false });
    assert.ok(Number.isFinite(lastFullCheckMs) && lastFullCheckMs >= 0, `lastFullCheckMs: ${lastFullCheckMs}`);
  });

  it('a created file is indexed: the overlap appears on it and on its partner, each pointing at the other', async () => {
    const from = client.notifications.length;
    const published = await expectAfter(
      () => fileEvents(client, [{ uri: workspace.write(SHIPPING, SHIPPING_TEXT), type: FileChangeType.Created }]),
      { [SHIPPING]: () => true, [TRACK]: has('description-overlap') },
    );
    const created = withCode(published[SHIPPING], 'description-overlap');
    assert.equal(created.length, 1, JSON.stringify(published[SHIPPING].diagnostics));
    assert.deepEqual(relatedUris(created[0]), [uri(TRACK)]);
    assert.match(String(created[0].message), /"Track my delivery"/);
    assert.deepEqual(created[0].range, rangeOf(SHIPPING_TEXT, JSON.stringify(JSON.parse(SHIPPING_TEXT).description)));
    const partner = withCode(published[TRACK], 'description-overlap');
    assert.deepEqual(relatedUris(partner[0]), [uri(SHIPPING)]);
    assert.match(String(partner[0].message), /"Track my shipment"/);
    const status = await waitForStatus(client, (s) => s.actions === 4, from);
    assert.deepEqual([status.errors, status.warnings], [2, 2]);
  });

  it('a change on disk is re-read: once the two no longer overlap, both lose the finding; changed back, both have it', async () => {
    const unrelated = SHIPPING_TEXT.replace(JSON.parse(SHIPPING_TEXT).description, UNRELATED_DESCRIPTION).replace('Track my shipment', 'Update billing email');
    const changed = () => fileEvents(client, [{ uri: workspace.write(SHIPPING, unrelated), type: FileChangeType.Changed }]);
    await expectAfter(changed, { [SHIPPING]: lacks('description-overlap'), [TRACK]: lacks('description-overlap') });
    const back = () => fileEvents(client, [{ uri: workspace.write(SHIPPING, SHIPPING_TEXT), type: FileChangeType.Changed }]);
    await expectAfter(back, { [SHIPPING]: has('description-overlap'), [TRACK]: has('description-overlap') });
  });

  it('a deleted file gets an empty publication, and its partner loses the finding', async () => {
    const from = client.notifications.length;
    const published = await expectAfter(
      () => fileEvents(client, [{ uri: workspace.remove(SHIPPING), type: FileChangeType.Deleted }]),
      { [SHIPPING]: () => true, [TRACK]: lacks('description-overlap') },
    );
    assert.deepEqual(published[SHIPPING].diagnostics, []);
    assert.deepEqual(published[TRACK].diagnostics, []);
    const status = await waitForStatus(client, (s) => s.actions === 3, from);
    assert.deepEqual([status.errors, status.warnings], [2, 0]);
  });

  it('an open editor\'s text wins over the disk; closing the editor falls back to the disk', async () => {
    const onDisk = workspace.read(TRACK);
    const editorText = onDisk.replace('"Track my delivery"', '"Cancel subscription"');
    const opened = await expectAfter(() => client.open(uri(TRACK), editorText), { [TRACK]: has('duplicate-action-name'), [BILLING]: (p) => withCode(p, 'duplicate-action-name')[0]?.relatedInformation?.length === 2 });
    assert.deepEqual(relatedUris(withCode(opened[TRACK], 'duplicate-action-name')[0]), [uri(ACCOUNT), uri(BILLING)]);

    // The disk changes under the editor; a file created in the same batch is the barrier: once it is published,
    // the change to the open file has been handled (and must have been ignored).
    client.mark(uri(TRACK));
    await expectAfter(() => fileEvents(client, [
      { uri: workspace.write(TRACK, onDisk.replace('"Track my delivery"', '"Track my parcel"')), type: FileChangeType.Changed },
      { uri: workspace.write('barrier.action.json', actionText({ name: 'Barrier', description: 'Print a test label for a warehouse shelf.', endpoint: 'https://api.acme-shop.example/v1/labels' })), type: FileChangeType.Created },
    ]), { 'barrier.action.json': () => true });
    assert.equal((await describeAction(client, uri(TRACK)))?.actionName, 'Cancel subscription', 'the editor\'s name, not the disk\'s');
    assert.ok(client.publicationsFor(uri(TRACK), true).every(has('duplicate-action-name')), 'nothing published from the disk text');

    const closed = await expectAfter(() => client.close(uri(TRACK)), { [TRACK]: (p) => p.version === undefined, [BILLING]: (p) => withCode(p, 'duplicate-action-name')[0]?.relatedInformation?.length === 1 });
    assert.deepEqual(closed[TRACK].diagnostics, []);
    assert.equal((await describeAction(client, uri(TRACK)))?.actionName, 'Track my parcel', 'the disk\'s name once the editor is closed');

    await expectAfter(() => fileEvents(client, [
      { uri: workspace.write(TRACK, onDisk), type: FileChangeType.Changed },
      { uri: workspace.remove('barrier.action.json'), type: FileChangeType.Deleted },
    ]), { 'barrier.action.json': (p) => p.diagnostics.length === 0 });
    assert.equal((await describeAction(client, uri(TRACK)))?.actionName, 'Track my delivery');
  });

  it('diagnostics on file B update when file A changes (didChange) so that they no longer overlap', async () => {
    const shipping = uri(SHIPPING); // open in the editor only: not on disk
    await expectAfter(() => client.open(shipping, SHIPPING_TEXT), { [TRACK]: has('description-overlap') });
    assert.equal(withCode(await client.diagnosticsForCurrentVersion(shipping), 'description-overlap').length, 1);

    // One incremental edit from the name's value to the description's: a billing action now.
    const edited = { start: rangeOf(SHIPPING_TEXT, '"Track my shipment"').start, end: rangeOf(SHIPPING_TEXT, JSON.stringify(JSON.parse(SHIPPING_TEXT).description)).end };
    const newText = `"Update billing email",\n  "description": ${JSON.stringify(UNRELATED_DESCRIPTION)}`;
    await expectAfter(() => client.edit(shipping, edited, newText), { [TRACK]: lacks('description-overlap') });
    assert.deepEqual(withCode(await client.diagnosticsForCurrentVersion(shipping), 'description-overlap'), []);

    await expectAfter(() => client.replaceAll(shipping, SHIPPING_TEXT), { [TRACK]: has('description-overlap') });
    const closed = await expectAfter(() => client.close(shipping), { [SHIPPING]: () => true, [TRACK]: lacks('description-overlap') });
    assert.deepEqual(closed[SHIPPING].diagnostics, [], 'closed and not on disk: cleared');
  });

  it('a change to the config\'s segments re-checks the actions under it (on disk, then in an editor)', async () => {
    const original = workspace.read(CONFIG);
    const withoutCustomers = original.replace('["customers", "vip"]', '["vip", "staff"]');
    const unknown = await expectAfter(
      () => fileEvents(client, [{ uri: workspace.write(CONFIG, withoutCustomers), type: FileChangeType.Changed }]),
      { [TRACK]: has('unknown-segment'), [ACCOUNT]: has('unknown-segment') },
    );
    const [finding] = withCode(unknown[TRACK], 'unknown-segment');
    assert.deepEqual(finding.range, rangeOf(workspace.read(TRACK), '"customers"'));
    assert.match(String(finding.message), /customers/);
    await expectAfter(
      () => fileEvents(client, [{ uri: workspace.write(CONFIG, original), type: FileChangeType.Changed }]),
      { [TRACK]: lacks('unknown-segment'), [ACCOUNT]: lacks('unknown-segment') },
    );

    await client.open(uri(CONFIG), original);
    await expectAfter(() => client.replaceAll(uri(CONFIG), withoutCustomers), { [TRACK]: has('unknown-segment') });
    await expectAfter(() => client.close(uri(CONFIG)), { [TRACK]: lacks('unknown-segment'), [CONFIG]: (p) => p.version === undefined });
  });

  it('a file deleted, then renamed, while open: the editor keeps it until closed, and the server keeps working', async () => {
    const text = workspace.read(ACCOUNT);
    const renamed = 'account/end-subscription.action.json';
    await client.open(uri(ACCOUNT), text);
    await client.diagnosticsForCurrentVersion(uri(ACCOUNT));
    await fileEvents(client, [{ uri: workspace.remove(ACCOUNT), type: FileChangeType.Deleted }]);
    // The rename, as VS Code's watcher reports it: the old name deleted, the new one created.
    const published = await expectAfter(() => fileEvents(client, [
      { uri: uri(ACCOUNT), type: FileChangeType.Deleted },
      { uri: workspace.write(renamed, text), type: FileChangeType.Created },
    ]), { [renamed]: () => true });
    assert.deepEqual(relatedUris(withCode(published[renamed], 'duplicate-action-name')[0]), [uri(ACCOUNT), uri(BILLING)], 'the open editor still counts');
    assert.ok(await client.hover(uri(ACCOUNT), rangeOf(text, '"endpoint"').start), 'hover answers in the deleted file');
    assert.equal((await describeAction(client, uri(ACCOUNT)))?.actionName, 'Cancel subscription');

    const closed = await expectAfter(() => client.close(uri(ACCOUNT)), { [ACCOUNT]: () => true, [renamed]: (p) => withCode(p, 'duplicate-action-name')[0]?.relatedInformation?.length === 1 });
    assert.deepEqual(closed[ACCOUNT].diagnostics, [], 'gone from disk and closed: cleared');
    assert.equal(await describeAction(client, uri(ACCOUNT)), null, 'no longer indexed');
    assert.ok(client.alive);
  });

  it('no handler failed', () => {
    assert.deepEqual(client.errorLogs, []);
  });
});
