// Push planning: creates with every mapped field, updates with only the API fields that changed (payload whole,
// merged over the remote's), conflicts, what cannot be sent, remote-only actions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planPull } from '../../../server/src/engine/sync/pull';
import { planPush, type PushFile } from '../../../server/src/engine/sync/push';
import type { RemoteAction } from '../../../server/src/engine/sync/types';
import { remoteAction } from '../../fakes/opencxApi';

const remote = (id: string, name: string, extra: Record<string, unknown> = {}) => remoteAction(id, name, extra) as unknown as RemoteAction;

/** The files a pull of `remotes` writes, parsed. */
function pulled(remotes: RemoteAction[]): PushFile[] {
  return planPull(remotes, [], { actionsDir: '/p/actions', force: false }).writes.map((w) => ({ id: w.id, action: JSON.parse(w.text) }));
}

describe('push plan', () => {
  const remotes = [remote('act_1', 'Look up order', { payload: { parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } }, { name: 'X-Trace', in: 'header' }], responses: { 200: { description: 'ok' } } } }), remote('act_2', 'Track parcel')];

  test('a freshly pulled folder is never PATCHed: everything unchanged', () => {
    const plan = planPush(pulled(remotes), remotes);
    assert.deepEqual(plan.unchanged, ['/p/actions/look-up-order.action.json', '/p/actions/track-parcel.action.json']);
    assert.deepEqual([plan.create, plan.update, plan.conflicts, plan.remoteOnly], [[], [], [], []]);
  });

  test('an edited description is one field; an edited parameter sends the whole payload, merged over the remote\'s', () => {
    const files = pulled(remotes);
    files[0].action.description = 'Look up an order by its number and return its status and carrier.';
    (files[0].action.parameters as Record<string, unknown>[])[0].description = 'The order number from the confirmation email';
    const plan = planPush(files, remotes);
    assert.equal(plan.update.length, 1);
    assert.deepEqual(plan.update[0].fields, ['description', 'payload']);
    assert.deepEqual(plan.update[0].body, {
      description: 'Look up an order by its number and return its status and carrier.',
      payload: {
        method: 'GET',
        parameters: [{ name: 'X-Trace', in: 'header' }, { name: 'order_id', in: 'path', description: 'The order number from the confirmation email', required: true, schema: { type: 'integer' } }],
        responses: { 200: { description: 'ok' } },
      },
    });
  });

  test('a file without remote is a create with every mapped field, widget sent as "web"', () => {
    const action = { name: 'Refund order', description: 'Refund an order in full and return the refund number.', method: 'POST', endpoint: 'https://api.shop.example/orders/{order_id}/refund', parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } }], body: { type: 'object', properties: { reason: { type: 'string' } } }, channels: ['widget'], requireFormSubmission: true };
    const plan = planPush([{ id: '/p/actions/refund.action.json', action }], []);
    assert.deepEqual(plan.create, [{
      file: '/p/actions/refund.action.json',
      body: {
        name: 'Refund order',
        description: 'Refund an order in full and return the refund number.',
        request_type: 'POST',
        api_endpoint: 'https://api.shop.example/orders/{order_id}/refund',
        payload: { method: 'POST', parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } }], requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string' } } } } } } },
        enabled_on_channel: { channels: ['web'] },
        require_form_submission: true,
      },
    }]);
  });

  test('segments, static headers, static and magic parameter values are listed as not sent, and never in a body', () => {
    const action = { name: 'Look up order', description: 'Look up an order by its number and return its status.', method: 'GET', endpoint: 'https://api.shop.example/orders', restrictedToSegments: ['customers'], headers: { Authorization: 'Bearer ${secret:SHOP_TOKEN}' }, parameters: [{ name: 'email', in: 'query', value: { magic: 'contact.email' } }, { name: 'expand', in: 'query', value: 'items' }] };
    const plan = planPush([{ id: '/p/a.action.json', action }], []);
    assert.deepEqual(plan.notSent, [{ file: '/p/a.action.json', fields: ['restrictedToSegments', 'headers', 'parameters.email (magic field)', 'parameters.expand (static value)'] }]);
    const body = JSON.stringify(plan.create[0].body);
    for (const leaked of ['secret', 'SHOP_TOKEN', 'contact.email', 'items', 'customers', 'Authorization']) assert.ok(!body.includes(leaked), `${leaked} in ${body}`);
  });

  test('a remote changed since the file\'s updatedAt, or gone, is a conflict; remote actions without a file are listed', () => {
    const files = pulled(remotes);
    const changed = [remote('act_1', 'Look up order', { updated_at: '2026-02-01T00:00:00Z' }), remote('act_3', 'Cancel order')];
    const plan = planPush(files, changed);
    assert.deepEqual(plan.conflicts.map((c) => c.file), ['/p/actions/look-up-order.action.json', '/p/actions/track-parcel.action.json']);
    assert.match(plan.conflicts[0].reason, /changed in OpenCX at 2026-02-01T00:00:00Z, after this file's 2025-12-02T10:00:00Z: pull first/);
    assert.match(plan.conflicts[1].reason, /act_2 no longer exists/);
    assert.deepEqual(plan.remoteOnly, [{ id: 'act_3', name: 'Cancel order' }]);
  });
});
