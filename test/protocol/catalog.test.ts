// opencx/catalog (the data of "What the AI Is Offered") and opencx/workspaceActions (the explorer view), over the
// real protocol with the bundled server on a copy of examples/. The server's list is the CLI's list.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { CatalogView } from '../../server/src/protocol';
import { LspClient } from './lspClient';
import { catalog, waitForIndex, workspaceActions } from './requests';
import { TempWorkspace } from './tempWorkspace';
import { CLI_JS, EXAMPLES_DIR } from './testSupport';

const run = promisify(execFile);

function viewOf(view: CatalogView | null): CatalogView {
  assert.ok(view, 'the server answered');
  return view;
}

describe('opencx/catalog and opencx/workspaceActions', () => {
  let workspace: TempWorkspace;
  let client: LspClient;

  before(async () => {
    workspace = TempWorkspace.create();
    fs.cpSync(EXAMPLES_DIR, workspace.folder, { recursive: true });
    client = await LspClient.start([workspace.folder]);
    await waitForIndex(client);
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
  });

  it('defaults as plan: the config\'s defaultContact on the widget; the tool list, its JSON as sent, tokens, coverage', async () => {
    const view = viewOf(await catalog(client, {}));
    assert.equal(view.config, workspace.uri('opencx.config.json'));
    assert.equal(view.contact, 'jane-vip');
    assert.equal(view.channel, 'widget');
    assert.deepEqual(view.contacts, ['anonymous-visitor', 'jane-vip', 'bob-customer']);
    assert.deepEqual(view.tools.map((t) => [t.file, t.function]), [
      [workspace.uri('actions/change-shipping-address.action.json'), 'change_shipping_address'],
      [workspace.uri('actions/look-up-order.action.json'), 'look_up_order'],
      [workspace.uri('actions/refund-order.action.json'), 'refund_order'],
      [workspace.uri('actions/search-help-center.action.json'), 'search_help_center'],
    ]);
    assert.deepEqual(JSON.parse(view.toolsJson).map((t: any) => [t.type, t.function.name]), view.tools.map((t) => ['function', t.function]));
    assert.deepEqual(view.hidden.map((h) => [h.name, h.reason]), [['Resend invoice', 'channel'], ['Track parcel', 'invalid']]);
    assert.equal(view.tokenBudget, 2000);
    assert.ok(view.tokens > 0 && view.contributors.length === 4);
    assert.deepEqual(view.coverage.contacts, ['anonymous-visitor', 'jane-vip', 'bob-customer', '(anonymous)']);
    assert.equal(view.coverage.cells[2][2].reason, 'segment', 'bob is not offered the refund');
    assert.match(view.coverage.cells[2][2].detail, /restricted to vip; contact "bob-customer" is only in customers/);
    assert.ok(view.assumptions.some((a) => a.startsWith('Function names:')));
  });

  it('the same list and token count as `opencx-actions tools`', async () => {
    for (const [contact, channel] of [['bob-customer', 'email'], ['anonymous-visitor', 'widget']]) {
      const view = viewOf(await catalog(client, { contact, channel }));
      const { stdout } = await run(process.execPath, [CLI_JS, 'tools', '--contact', contact, '--channel', channel, '--format', 'json'], { cwd: workspace.folder });
      const cli = JSON.parse(stdout);
      assert.deepEqual(view.tools.map(({ name, function: fn, description, parameters }) => ({ name, function: fn, description, parameters })), cli.tools.map(({ file: _file, ...rest }: any) => rest));
      assert.deepEqual(view.hidden.map((h) => [h.name, h.reason]), cli.hidden.map((h: any) => [h.name, h.reason]));
      assert.equal(view.tokens, cli.tokens);
    }
  });

  it('switching contact and channel: null is the anonymous visitor; an unknown contact falls back and says so', async () => {
    const anonymous = viewOf(await catalog(client, { contact: null }));
    assert.equal(anonymous.contact, null);
    assert.deepEqual(anonymous.tools.map((t) => t.name), ['Search help center']);
    const email = viewOf(await catalog(client, { contact: 'bob-customer', channel: 'email' }));
    assert.deepEqual(email.tools.map((t) => t.name), ['Change shipping address', 'Look up order', 'Resend invoice', 'Search help center']);
    assert.deepEqual(email.coverage.unreachable, [workspace.uri('actions/refund-order.action.json'), workspace.uri('broken/track-parcel.action.json')]);
    const unknown = viewOf(await catalog(client, { contact: 'nobody' }));
    assert.equal(unknown.contact, 'jane-vip');
    assert.match(unknown.error ?? '', /unknown contact "nobody"/);
  });

  it('above the token budget: a note', async () => {
    const view = viewOf(await catalog(client, { tokenBudget: 10 }));
    assert.equal(view.tokenBudget, 10);
    assert.match(view.notes.join('\n'), new RegExp(`costs ${view.tokens} tokens, above the budget of 10 \\(opencx.catalog.tokenBudget\\)`));
  });

  it('an unsaved edit in an open editor changes the list at once', async () => {
    const uri = workspace.uri('actions/search-help-center.action.json');
    const text = fs.readFileSync(workspace.path('actions/search-help-center.action.json'), 'utf8');
    await client.open(uri, text.replace('"restrictedToSegments": []', '"restrictedToSegments": ["staff"]'));
    const view = viewOf(await catalog(client, { contact: null }));
    assert.deepEqual(view.tools, []);
    assert.deepEqual(view.coverage.unusedSegments, []);
    await client.close(uri);
  });

  it('workspaceActions: each action with tags, segments, channels, problems and overlap count', async () => {
    const items = await workspaceActions(client);
    const byName = new Map(items.map((i) => [i.name, i]));
    assert.equal(items.length, 6);
    assert.deepEqual(byName.get('Resend invoice'), {
      uri: workspace.uri('actions/resend-invoice.action.json'), name: 'Resend invoice', tags: ['orders', 'payments'], segments: ['customers'], channels: ['email'], errors: 0, warnings: 0, overlaps: 0,
    });
    assert.equal(byName.get('Track parcel')?.errors, 1);
  });
});
