// A single file opened with no workspace folder (issue 13, item 5): the nearest opencx.config.json above it is
// read, as the CLI reads it, so its segments are known; a client that can pull is asked for the file's own
// settings (scopeUri = the file).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lspClient';
import { actionText, TempWorkspace } from './tempWorkspace';
import { positionIn } from './testSupport';

const CONFIG = JSON.stringify({ segments: ['customers', 'vip'], contacts: { jane: { segments: ['vip'], externalId: 'cus_1' } } }, null, 2);
const ACTION = actionText({
  name: 'Refund order',
  description: 'Refund a delivered order in full for a VIP customer and return the refund ID.',
  method: 'POST',
  endpoint: 'https://api.acme-shop.example/v1/refunds',
  restrictedToSegments: ['vip', 'staff'],
});

describe('a file opened without a workspace folder', () => {
  let workspace: TempWorkspace;
  let client: LspClient;
  let uri: string;
  before(async () => {
    workspace = TempWorkspace.create();
    workspace.write('opencx.config.json', CONFIG);
    uri = workspace.write('deep/down/refund.action.json', ACTION);
    client = await LspClient.start([], { mode: 'minimal', capabilities: { workspace: { configuration: true } }, configuration: () => null });
    await client.open(uri, ACTION);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('the segment hover knows the segments of the nearest config above the file', async () => {
    const hover = await client.hover(uri, positionIn(ACTION, '"vip"', 2));
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover);
    assert.ok(text.startsWith('Segment vip'), text);
    assert.ok(text.includes('Test contacts in it: jane'), text);
    assert.ok(!text.includes('lists no segments'), text);
  });

  it('the config\'s segments are checked: "staff", which it does not list, is an unknown segment; "vip" is not', async () => {
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-segment'));
    const unknown = diagnostics.filter((d) => d.code === 'unknown-segment');
    assert.equal(unknown.length, 1, JSON.stringify(unknown));
    assert.match(String(unknown[0].message), /staff/);
  });

  it('a client that can pull is asked for the file\'s settings with the file as scopeUri', () => {
    const items = (client.requestsOf('workspace/configuration') as { items: { scopeUri?: string; section?: string }[] }[]).flatMap((p) => p.items);
    assert.ok(items.some((i) => i.scopeUri === uri && i.section === 'opencx'), JSON.stringify(items));
  });

  it('no handler failed', () => {
    assert.deepEqual(client.errorLogs, []);
  });
});
