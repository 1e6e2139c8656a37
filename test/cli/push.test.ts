// `opencx-actions push` against the fake OpenCX API: the plan (nothing sent), --apply (exact request bodies), a
// remote change between plan and apply, lint errors blocking --apply, and the formats.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, test, type TestContext } from 'node:test';
import { remoteAction, startFakeApi, type FakeApi } from '../fakes/opencxApi';
import { tempFolder, writeFile } from './cliHarness';
import { runCliAsync } from './runHarness';

const KEY = 'ocx_live_push_test_key';

describe('push', () => {
  let api: FakeApi;
  let folder = '';
  let env: Record<string, string> = {};
  const writes = () => api.requests.filter((r) => r.method !== 'GET');

  before(async () => {
    api = await startFakeApi({ keys: { [KEY]: ['actions:read', 'actions:write'] } });
  });
  after(() => api.close());
  beforeEach((t) => {
    api.actions.clear();
    for (const a of [remoteAction('act_1', 'Look up order'), remoteAction('act_2', 'Track parcel')]) api.actions.set(String(a.id), a);
    api.requests.length = 0;
    folder = tempFolder(t as TestContext);
    const ca = writeFile(folder, 'ca.pem', api.ca);
    writeFile(folder, 'opencx.config.json', JSON.stringify({ api: { baseUrl: api.baseUrl, key: '${secret:OPENCX_KEY}' } }, null, 2));
    env = { NODE_EXTRA_CA_CERTS: ca, OPENCX_SECRET_OPENCX_KEY: KEY };
  });

  const push = async (...args: string[]) => runCliAsync(['push', 'actions', ...args], folder, env);
  const pullFirst = async () => assert.equal((await runCliAsync(['pull'], folder, env)).status, 0);
  const file = (name: string) => path.join(folder, 'actions', name);
  const editFile = (name: string, change: (a: Record<string, unknown>) => void) => {
    const action = JSON.parse(fs.readFileSync(file(name), 'utf8'));
    change(action);
    fs.writeFileSync(file(name), JSON.stringify(action, null, 2));
  };

  test('after a pull: nothing to do, the issue\'s JSON shape, exit 0, nothing sent', async () => {
    await pullFirst();
    const run = await push('--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { applied: false, create: [], update: [], unchanged: ['actions/look-up-order.action.json', 'actions/track-parcel.action.json'], conflicts: [], notSent: [], remoteOnly: [] });
    assert.deepEqual(writes(), []);
  });

  test('plan, then --apply: a PATCH with only the changed field, a POST with every mapped field, ids recorded', async () => {
    await pullFirst();
    editFile('look-up-order.action.json', (a) => { a.description = 'Look up an order by its number and return its status and carrier.'; });
    writeFile(folder, 'actions/refund-order.action.json', JSON.stringify({ name: 'Refund order', description: 'Refund an order in full and return the refund number.', method: 'POST', endpoint: 'https://api.shop.example/orders/{order_id}/refund', parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } }, { name: 'email', in: 'query', value: { magic: 'contact.email' } }], headers: { Authorization: 'Bearer ${secret:SHOP_TOKEN}' }, restrictedToSegments: ['customers'] }, null, 2));

    const plan = await push('--format', 'json');
    assert.equal(plan.status, 0, plan.stderr);
    const summary = JSON.parse(plan.stdout);
    assert.deepEqual(summary.create, ['actions/refund-order.action.json']);
    assert.deepEqual(summary.update, [{ file: 'actions/look-up-order.action.json', id: 'act_1', fields: ['description'] }]);
    assert.deepEqual(summary.notSent, [{ file: 'actions/refund-order.action.json', fields: ['restrictedToSegments', 'headers', 'parameters.email (magic field)'] }]);
    assert.deepEqual(writes(), [], 'a plan sends nothing');

    const applied = await push('--apply', '--format', 'json');
    assert.equal(applied.status, 0, applied.stderr);
    assert.equal(JSON.parse(applied.stdout).applied, true);
    const [post, patch] = writes();
    assert.equal(`${post.method} ${post.path}`, 'POST /actions');
    assert.deepEqual(post.body, {
      name: 'Refund order',
      description: 'Refund an order in full and return the refund number.',
      request_type: 'POST',
      api_endpoint: 'https://api.shop.example/orders/{order_id}/refund',
      payload: { method: 'POST', parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } }] },
      enabled_on_channel: { channels: ['web'] },
    });
    assert.equal(`${patch.method} ${patch.path}`, 'PATCH /actions/act_1');
    assert.deepEqual(patch.body, { description: 'Look up an order by its number and return its status and carrier.' });
    for (const r of writes()) assert.ok(!/SHOP_TOKEN|secret|contact\.email|customers|Authorization/.test(JSON.stringify(r.body)));
    assert.match(JSON.parse(fs.readFileSync(file('refund-order.action.json'), 'utf8')).remote.id, /^act_/);

    const after = JSON.parse((await push('--format', 'json')).stdout);
    assert.deepEqual([after.create, after.update, after.unchanged.length], [[], [], 3]);
  });

  test('a remote change between plan and apply is a conflict: --apply refuses, exit 1, nothing sent', async () => {
    await pullFirst();
    editFile('look-up-order.action.json', (a) => { a.description = 'Look up an order by its number and return its status and carrier.'; });
    assert.equal((await push()).status, 0);
    api.actions.set('act_1', { ...api.actions.get('act_1')!, description: 'Changed in the dashboard meanwhile, by someone else.', updated_at: '2026-03-01T00:00:00Z' });
    const run = await push('--apply');
    assert.equal(run.status, 1);
    assert.match(run.stdout, /conflicts:\n {2}actions\/look-up-order\.action\.json: changed in OpenCX at 2026-03-01T00:00:00Z/);
    assert.match(run.stderr, /push refused: 1 conflict: pull first, nothing was sent/);
    assert.deepEqual(writes(), []);
  });

  test('lint errors block --apply', async () => {
    await pullFirst();
    editFile('track-parcel.action.json', (a) => { a.description = 'Short'; });
    const run = await push('--apply');
    assert.equal(run.status, 1);
    assert.match(run.stdout, /lint errors \(--apply refuses them\):\n {2}actions\/track-parcel\.action\.json:\d+:\d+ too-short/);
    assert.match(run.stderr, /push refused: 1 lint error/);
    assert.deepEqual(writes(), []);
  });

  test('--format markdown: a table for a pull-request comment; remote actions without a file are listed', async () => {
    await pullFirst();
    fs.rmSync(file('track-parcel.action.json'));
    editFile('look-up-order.action.json', (a) => { a.pinned = true; });
    const run = await push('--format', 'markdown');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^### OpenCX actions: push plan \(nothing sent; --apply sends it\): 0 to create, 1 to update, 0 unchanged, 0 conflicts\n\n\| change \| file \| fields \|\n/);
    assert.match(run.stdout, /\| update \| `actions\/look-up-order\.action\.json` \| `pinned` \|/);
    assert.match(run.stdout, /\| only in OpenCX \| Track parcel \(`act_2`\) \| never deleted \|/);
  });

  test('exit 2: an unknown format', async () => {
    const run = await push('--format', 'yaml');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--format must be one of text, json, markdown/);
  });
});
