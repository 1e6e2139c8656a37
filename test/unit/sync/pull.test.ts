// Pull planning: new files, links by remote.id, local edits as conflicts (or --force), local-only fields kept.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localFieldsOf, syncedHash } from '../../../server/src/engine/sync/mapping';
import { planPull, type LocalFile } from '../../../server/src/engine/sync/pull';
import type { RemoteAction } from '../../../server/src/engine/sync/types';
import { remoteAction } from '../../fakes/opencxApi';

const DIR = '/project/actions';
const remote = (id: string, name: string, extra: Record<string, unknown> = {}) => remoteAction(id, name, extra) as unknown as RemoteAction;
const written = (plan: ReturnType<typeof planPull>): LocalFile[] => plan.writes.map((w) => ({ id: w.id, text: w.text }));

describe('mapping from the API', () => {
  test('every documented field: request_type, api_endpoint, payload parameters and JSON body, "web" as widget, tags, pinned, form, operation_id', () => {
    const fields = localFieldsOf(remote('act_1', 'Refund order', {
      request_type: 'post',
      payload: {
        parameters: [{ name: 'order_id', in: 'path', required: false, schema: { type: 'integer' } }, { name: 'X-Trace', in: 'header' }],
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string' } } } } } },
      },
      enabled_on_channel: { channels: ['web', 'email'] },
      tags: ['billing'],
      pinned: true,
      require_form_submission: true,
      operation_id: 'refundOrder',
    }));
    assert.deepEqual(fields, {
      name: 'Refund order',
      description: 'Refund order: look it up by its ID and return its status and details.',
      method: 'POST',
      endpoint: 'https://api.shop.example/act_1/{order_id}',
      parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } }],
      body: { type: 'object', properties: { reason: { type: 'string' } } },
      bodyFormat: 'json',
      channels: ['widget', 'email'],
      tags: ['billing'],
      pinned: true,
      requireFormSubmission: true,
      operationId: 'refundOrder',
    });
  });
});

describe('pull plan', () => {
  test('into an empty folder: one file per action, named from the name, segments unknown', () => {
    const plan = planPull([remote('act_2', 'Track parcel'), remote('act_1', 'Look up order')], [], { actionsDir: DIR, force: false });
    assert.deepEqual(plan.created, [`${DIR}/look-up-order.action.json`, `${DIR}/track-parcel.action.json`]);
    const file = JSON.parse(plan.writes[0].text);
    assert.deepEqual(file.remote, { id: 'act_1', updatedAt: '2025-12-02T10:00:00Z', hash: syncedHash(file), segmentsUnknown: true });
  });

  test('again, nothing changed: unchanged', () => {
    const first = planPull([remote('act_1', 'Look up order')], [], { actionsDir: DIR, force: false });
    const again = planPull([remote('act_1', 'Look up order')], written(first), { actionsDir: DIR, force: false });
    assert.deepEqual(again.unchanged, [`${DIR}/look-up-order.action.json`]);
    assert.equal(again.writes.length, 0);
  });

  test('a remote change updates the file and keeps its local-only fields (segments, headers, lint)', () => {
    const first = planPull([remote('act_1', 'Look up order')], [], { actionsDir: DIR, force: false });
    const local = JSON.parse(first.writes[0].text);
    Object.assign(local, { restrictedToSegments: ['customers'], headers: { 'X-Shop': 'acme' }, lint: { allow: ['vague-description'] } });
    const files = [{ id: first.writes[0].id, text: JSON.stringify(local) }];
    const changed = planPull([remote('act_1', 'Look up order', { description: 'Look up an order by its number and return its status.', updated_at: '2025-12-03T10:00:00Z' })], files, { actionsDir: DIR, force: false });
    assert.deepEqual(changed.updated, [`${DIR}/look-up-order.action.json`]);
    const updated = JSON.parse(changed.writes[0].text);
    assert.equal(updated.description, 'Look up an order by its number and return its status.');
    assert.deepEqual([updated.restrictedToSegments, updated.headers, updated.lint], [['customers'], { 'X-Shop': 'acme' }, { allow: ['vague-description'] }]);
    assert.equal(updated.remote.updatedAt, '2025-12-03T10:00:00Z');
  });

  test('a file edited here is a conflict, left alone; --force overwrites it', () => {
    const first = planPull([remote('act_1', 'Look up order')], [], { actionsDir: DIR, force: false });
    const local = JSON.parse(first.writes[0].text);
    local.description = 'My better description of looking up an order.';
    const files = [{ id: first.writes[0].id, text: JSON.stringify(local) }];
    const plan = planPull([remote('act_1', 'Look up order')], files, { actionsDir: DIR, force: false });
    assert.deepEqual([plan.conflicts, plan.writes], [[`${DIR}/look-up-order.action.json`], []]);
    const forced = planPull([remote('act_1', 'Look up order')], files, { actionsDir: DIR, force: true });
    assert.deepEqual(forced.updated, [`${DIR}/look-up-order.action.json`]);
  });

  test('a hand-made file with the same name is not overwritten: the new file gets -2', () => {
    const plan = planPull([remote('act_1', 'Look up order')], [{ id: `${DIR}/look-up-order.action.json`, text: '{"name": "Look up order"}' }], { actionsDir: DIR, force: false });
    assert.deepEqual(plan.created, [`${DIR}/look-up-order-2.action.json`]);
  });
});

describe('pull keeps what the API does not carry', () => {
  test('static and magic parameter values stay in the file when the remote changes', () => {
    const first = planPull([remote('act_1', 'Look up order')], [], { actionsDir: DIR, force: false });
    const local = JSON.parse(first.writes[0].text);
    local.parameters.push({ name: 'email', in: 'query', value: { magic: 'contact.email' } });
    local.remote.hash = syncedHash(local);
    const files = [{ id: first.writes[0].id, text: JSON.stringify(local) }];
    const changed = planPull([remote('act_1', 'Look up order', { name: 'Look up an order', updated_at: '2025-12-05T10:00:00Z' })], files, { actionsDir: DIR, force: false });
    assert.deepEqual(changed.updated, [`${DIR}/look-up-order.action.json`]);
    const updated = JSON.parse(changed.writes[0].text);
    assert.deepEqual(updated.parameters.map((p: { name: string }) => p.name), ['order_id', 'email']);
    assert.equal(updated.name, 'Look up an order');
  });
});

describe('pull of a file with static values, nothing changed', () => {
  test('is unchanged, not rewritten', () => {
    const first = planPull([remote('act_1', 'Look up order')], [], { actionsDir: DIR, force: false });
    const local = JSON.parse(first.writes[0].text);
    local.parameters.push({ name: 'expand', in: 'query', value: 'items' });
    local.remote.hash = syncedHash(local);
    const again = planPull([remote('act_1', 'Look up order')], [{ id: first.writes[0].id, text: JSON.stringify(local) }], { actionsDir: DIR, force: false });
    assert.deepEqual([again.unchanged.length, again.writes.length], [1, 0]);
  });
});
