// OpenCX's custom requests over the protocol (protocol.ts): opencx/describeAction (the inputs of a run and the
// organisation's names) and opencx/resolve (the request plan, dry run or send, and its typed errors). A plan holds
// secret references, never values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResolveParams, ResolveResponse } from '../../server/src/protocol';
import { describeAction, organisationNames, resolve, setSecretNames, waitForIndex } from './requests';
import { TempWorkspace } from './tempWorkspace';
import { rangeOf } from './testSupport';
import { withServer } from './withServer';

const ACTION = 'refund-order.action.json';
const ACTION_TEXT = TempWorkspace.fixtureText('provenance', ACTION);
const LITERAL_CREDENTIAL = 'sk_live_FAKEnotARealKey0123456';
/** In the server's environment, where a careless server might read secrets from: it must never show up. */
const SECRET_VALUE = 'tok-9f8e7d6c5b4a3210';
const VALUES = { order_id: 10452, reason: 'late', notify: true };

function planOf(response: ResolveResponse) {
  assert.ok(response.ok, `expected a plan, got ${JSON.stringify(response)}`);
  return response;
}

describe('opencx/describeAction and opencx/resolve', () => {
  let action: string;
  const request = (params: Partial<ResolveParams>) => resolve(server.client, { uri: action, selection: {}, values: {}, mode: 'dryRun', ...params });

  const server = withServer({ workspace: 'provenance', env: { ...process.env, OPENCX_SECRET_TOKEN: SECRET_VALUE } }, async () => {
    action = server.workspace.uri(ACTION);
    await waitForIndex(server.client);
  });

  it('organisationNames: the environments and contacts of every config, for the pickers, with the defaults', async () => {
    assert.deepEqual(await organisationNames(server.client), {
      environments: ['staging', 'production'],
      contacts: ['jane-vip', 'bob-customer', 'anonymous-visitor'],
      defaultEnvironment: 'staging',
      defaultContact: 'jane-vip',
    });
  });

  it('describeAction: the inputs (path, query without a value, body fields) and the config\'s names', async () => {
    const description = await describeAction(server.client, action);
    assert.ok(description);
    assert.equal(description.actionName, 'Refund order');
    assert.deepEqual(description.inputs.map(({ name, in: where, required }) => ({ name, in: where, required })), [
      { name: 'order_id', in: 'path', required: true },
      { name: 'notify', in: 'query', required: false },
      { name: 'amount_cents', in: 'body', required: false },
      { name: 'reason', in: 'body', required: true },
    ], 'the static query parameter "source" is not asked for');
    assert.deepEqual(description.inputs[0].schema, { type: 'integer' });
    assert.equal(description.inputs[3].description, 'Why the customer wants a refund');
    assert.deepEqual(description.config, {
      uri: server.workspace.uri('opencx.config.json'),
      status: 'valid',
      environments: ['staging', 'production'],
      contacts: ['jane-vip', 'bob-customer', 'anonymous-visitor'],
      defaultEnvironment: 'staging',
      defaultContact: 'jane-vip',
    });
    assert.deepEqual(description.problems, []);
    assert.equal(await describeAction(server.client, server.workspace.uri('opencx.config.json')), null, 'a config is not an action');
    assert.equal(await describeAction(server.client, server.workspace.uri('nowhere.action.json')), null, 'an unknown file');
  });

  it('resolve (dryRun): method, URL with placeholders, headers with their sources and shadowed values, planText', async () => {
    const { plan, planText } = planOf(await request({}));
    assert.equal(plan.method, 'POST');
    assert.equal(plan.url, 'https://api.acme-shop.example/v1/orders/{order_id}/refunds?source=chat');
    assert.deepEqual(plan.placeholders, ['order_id', 'reason']);
    assert.deepEqual([plan.environment, plan.contact, plan.visibleToContact], ['staging', 'jane-vip', true]);
    const header = (name: string) => plan.headers.find((h) => h.name === name) ?? assert.fail(`no ${name} in ${JSON.stringify(plan.headers)}`);
    assert.deepEqual(plan.headers.map((h) => [h.name, h.source]).slice(0, 5), [
      ['User-Agent', 'default'], ['Content-Type', 'default'], ['Authorization', 'globalVariable'], ['X-Region', 'globalVariable'], ['X-Tier', 'contact'],
    ]);
    assert.deepEqual(header('Authorization').location, { file: server.workspace.uri('opencx.config.json'), path: ['globalVariables', 'Authorization'] });
    assert.deepEqual(header('Authorization').shadowed, [{
      source: 'action', name: 'authorization', value: 'Bearer ${secret:OLD_TOKEN}', location: { file: action, path: ['headers', 'authorization'] },
    }]);
    assert.deepEqual(header('X-Region').shadowed.map((s) => [s.source, s.value]), [['action', 'us']]);
    assert.deepEqual(header('x-opencx-external-user-id').value, 'cus_1001');

    assert.ok(planText.startsWith('POST https://api.acme-shop.example/v1/orders/{order_id}/refunds?source=chat\n'), planText);
    assert.ok(planText.includes('Environment: staging · Contact: jane-vip'), planText);
    assert.ok(planText.includes('~~x-region: us~~ (shadowed: action header'), planText);
    assert.ok(planText.includes('X-Api-Key: ••••••') && !planText.includes(LITERAL_CREDENTIAL), 'planText masks the literal credential');
  });

  it('resolve (send) with every required value: the values in URL and body, no placeholder', async () => {
    const { plan } = planOf(await request({ mode: 'send', values: { ...VALUES, order_id: 'a/b c' } }));
    assert.equal(plan.url, 'https://api.acme-shop.example/v1/orders/a%2Fb%20c/refunds?notify=true&source=chat');
    assert.deepEqual(plan.body, { format: 'json', value: { reason: 'late' } });
    assert.equal(plan.placeholders, undefined);
  });

  it('resolve (send) with a required value missing: ok false, code missing-values, the names', async () => {
    const response = await request({ mode: 'send', values: { notify: false } });
    assert.equal(response.ok, false);
    assert.deepEqual(response.ok ? undefined : [response.code, response.missing], ['missing-values', ['order_id', 'reason']]);
  });

  it('resolve with an unknown contact or environment: ok false, the code, and the names that exist', async () => {
    const contact = await request({ selection: { contact: 'nobody' } });
    assert.ok(!contact.ok);
    assert.equal(contact.code, 'unknown-contact');
    assert.deepEqual(contact.available, ['jane-vip', 'bob-customer', 'anonymous-visitor']);
    assert.match(contact.message, /"nobody"/);
    const environment = await request({ selection: { environment: 'qa' } });
    assert.ok(!environment.ok);
    assert.deepEqual([environment.code, environment.available], ['unknown-environment', ['staging', 'production']]);
    const notAnAction = await resolve(server.client, { uri: server.workspace.uri('opencx.config.json'), selection: {}, values: {}, mode: 'dryRun' });
    assert.deepEqual(notAnAction.ok ? undefined : notAnAction.code, 'not-an-action');
  });

  it('the plan holds secret references, never a value; with the secret names known, it says which is not set', async () => {
    await setSecretNames(server.client, []);
    const response = planOf(await request({ mode: 'send', values: VALUES }));
    const serialized = JSON.stringify(response);
    assert.ok(!serialized.includes(SECRET_VALUE), 'the value of OPENCX_SECRET_TOKEN in the server\'s environment');
    assert.equal(response.plan.headers.find((h) => h.name === 'Authorization')?.value, 'Bearer ${secret:TOKEN}');
    assert.ok(response.plan.notes.includes('Secret TOKEN is not set, so this request cannot be sent yet.'), JSON.stringify(response.plan.notes));

    await setSecretNames(server.client, ['TOKEN']);
    const set = planOf(await request({ mode: 'send', values: VALUES }));
    assert.ok(!set.plan.notes.some((n) => n.startsWith('Secret TOKEN is not set')), JSON.stringify(set.plan.notes));
    assert.ok(!JSON.stringify(set).includes(SECRET_VALUE));
  });

  it('an open editor\'s unsaved edit is planned at once; a file that is not valid JSON is refused', async () => {
    await server.client.open(action, ACTION_TEXT);
    await server.client.edit(action, rangeOf(ACTION_TEXT, '/refunds"'), '/refund-requests"');
    const { plan } = planOf(await request({})); // sent right after the edit, before the edit delay has passed
    assert.equal(plan.url, 'https://api.acme-shop.example/v1/orders/{order_id}/refund-requests?source=chat');
    await server.client.replaceAll(action, '{ "name": "Refund order", ');
    const broken = await request({});
    assert.deepEqual(broken.ok ? undefined : broken.code, 'invalid-action');
    assert.ok(await describeAction(server.client, action), 'still described');
    await server.client.close(action);
  });

  it('a value the URL encoder rejects (a lone surrogate): a diagnostic at the value and a typed refusal, never "internal"', async () => {
    const text = ACTION_TEXT.replace('"value": "chat"', '"value": "ch\\ud800at"');
    assert.notEqual(text, ACTION_TEXT, 'test bug: the static query value is not in the fixture');
    await server.client.open(action, text);
    const published = await server.client.diagnosticsForCurrentVersion(action);
    const found = published.diagnostics.filter((d) => d.code === 'unencodable-value');
    assert.deepEqual(found.map((d) => [d.range, d.severity]), [[rangeOf(text, '"ch\\ud800at"'), 1]]);
    for (const mode of ['dryRun', 'send'] as const) {
      const refused = await request({ mode, values: VALUES });
      assert.ok(!refused.ok && refused.code === 'invalid-action', JSON.stringify(refused));
      assert.match(refused.message, /the static value of query parameter "source" holds a lone surrogate \(\\ud800\)/);
    }
    await server.client.replaceAll(action, ACTION_TEXT);
    const typed = await request({ mode: 'send', values: { ...VALUES, order_id: '1\ud800' } });
    assert.ok(!typed.ok && typed.code === 'invalid-action', JSON.stringify(typed));
    assert.match(typed.message, /the value given for path parameter "order_id" holds a lone surrogate/);
    await server.client.close(action);
  });
});
