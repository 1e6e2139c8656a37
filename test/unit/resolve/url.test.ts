// The URL: path parameters encoded with encodeURIComponent, query parameters from static values, AI values and
// contact overrides (contact > static > AI), placeholders in a dry run and a typed error when sending.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeKeepingSecrets, planForDisplay } from '../../../server/src/engine/resolve';
import { action, plan, planError } from './support';

const ORDER = action({
  endpoint: 'https://api.acme.com/orders/{order_id}',
  parameters: [{ name: 'order_id', in: 'path', required: true }],
});

describe('path parameters', () => {
  const reserved: [string, string][] = [
    ['a/b c?d#e%', 'a%2Fb%20c%3Fd%23e%25'],
    ['&=+;,', '%26%3D%2B%3B%2C'],
    ['ünï €', '%C3%BCn%C3%AF%20%E2%82%AC'],
    ["-_.!~*'()", "-_.!~*'()"],
    ['{x}', '%7Bx%7D'],
    ['..', '..'],
  ];
  for (const [value, encoded] of reserved) {
    test(`${JSON.stringify(value)} is encoded as ${encoded}`, () => {
      assert.equal(plan(ORDER, { values: { order_id: value } }).url, `https://api.acme.com/orders/${encoded}`);
    });
  }

  test('numbers and booleans are sent as text', () => {
    assert.equal(plan(ORDER, { values: { order_id: 10452 } }).url, 'https://api.acme.com/orders/10452');
  });

  test('every occurrence of a placeholder is filled', () => {
    const twice = action({ endpoint: 'https://api.acme.com/{id}/x/{id}', parameters: [{ name: 'id', in: 'path', required: true }] });
    assert.equal(plan(twice, { values: { id: 'a b' } }).url, 'https://api.acme.com/a%20b/x/a%20b');
  });

  test('a contact pathParams override wins over the AI value, with a note', () => {
    const planned = plan(ORDER, { values: { order_id: '1' }, config: { contacts: { jane: { pathParams: { order_id: 'o/9' } } } }, contact: 'jane' });
    assert.equal(planned.url, 'https://api.acme.com/orders/o%2F9');
    assert.ok(planned.notes.includes('Path parameter order_id comes from contact "jane" (pathParams), which wins over static and AI-extracted values.'));
  });

  test('a secret reference written in the action stays as written (the executor encodes its value)', () => {
    assert.equal(encodeKeepingSecrets('a b${secret:K}/c'), 'a%20b${secret:K}%2Fc');
    const written = action({ endpoint: 'https://api.acme.com/orders/{order_id}', parameters: [{ name: 'order_id', in: 'path', value: '${secret:ORDER}' }] });
    assert.equal(plan(written).url, 'https://api.acme.com/orders/${secret:ORDER}');
  });

  test('a typed value is text: a ${secret:...} in it is not a reference (see literalText.test.ts)', () => {
    const planned = plan(ORDER, { values: { order_id: '${secret:ORDER}' } });
    assert.notEqual(planned.url, 'https://api.acme.com/orders/${secret:ORDER}');
    assert.equal(planForDisplay(planned).request.url, `https://api.acme.com/orders/${encodeURIComponent('${secret:ORDER}')}`);
  });

  test('a dry run shows {name} for a value nobody gave and lists it as a placeholder', () => {
    const planned = plan(ORDER, { mode: 'dryRun' });
    assert.equal(planned.url, 'https://api.acme.com/orders/{order_id}');
    assert.deepEqual(planned.placeholders, ['order_id']);
    assert.ok(planned.notes.includes('Dry run: no value given for order_id, so the plan shows placeholders; the AI extracts these from the conversation.'));
  });

  test('sending without a required value is an error naming it', () => {
    assert.deepEqual(planError(ORDER), {
      code: 'missing-values',
      message: 'no value for order_id: the AI would extract it from the conversation; give a value to send the request',
      missing: ['order_id'],
    });
  });

  test('a plan with every value has no placeholders', () => {
    assert.equal(plan(ORDER, { values: { order_id: 1 }, mode: 'dryRun' }).placeholders, undefined);
  });
});

describe('query parameters', () => {
  const SEARCH = action({
    endpoint: 'https://api.acme.com/orders?v=2#top',
    parameters: [
      { name: 'fields', in: 'query', value: 'status,carrier' },
      { name: 'status', in: 'query', required: true },
      { name: 'limit', in: 'query' },
      { name: 'page size', in: 'query', value: 10 },
    ],
  });

  test('static values, AI values, then the fragment; the endpoint query stays first', () => {
    const planned = plan(SEARCH, { values: { status: 'in transit', limit: 5 } });
    assert.equal(planned.url, 'https://api.acme.com/orders?v=2&fields=status%2Ccarrier&status=in%20transit&limit=5&page%20size=10#top');
  });

  test('an optional parameter without a value is not sent, with a note', () => {
    const planned = plan(SEARCH, { values: { status: 'open' } });
    assert.equal(planned.url, 'https://api.acme.com/orders?v=2&fields=status%2Ccarrier&status=open&page%20size=10#top');
    assert.ok(planned.notes.includes('Optional query parameters without a value are not sent: limit.'));
  });

  test('a value given for a static parameter is ignored, with a note', () => {
    const planned = plan(SEARCH, { values: { status: 'open', fields: 'all' } });
    assert.match(planned.url, /fields=status%2Ccarrier/);
    assert.ok(planned.notes.includes('Query parameter fields is static in the action: the given value is ignored (the AI is never asked for it).'));
  });

  test('contact queryParams win over static and AI values, and add parameters the action does not declare', () => {
    const config = { contacts: { jane: { queryParams: { fields: 'id', status: 'closed', tenant: 'acme eu', debug: true } } } };
    const planned = plan(SEARCH, { values: { status: 'open' }, config, contact: 'jane' });
    assert.equal(planned.url, 'https://api.acme.com/orders?v=2&fields=id&status=closed&page%20size=10&tenant=acme%20eu&debug=true#top');
    assert.ok(planned.notes.includes('Query parameter tenant is added by contact "jane" (queryParams); the action does not declare it.'));
  });

  test('a required query parameter without a value: placeholder in a dry run, error when sending', () => {
    assert.equal(plan(SEARCH, { mode: 'dryRun' }).url, 'https://api.acme.com/orders?v=2&fields=status%2Ccarrier&status={status}&page%20size=10#top');
    assert.deepEqual(planError(SEARCH).missing, ['status']);
  });

  test('the first query parameter opens the query string', () => {
    const simple = action({ parameters: [{ name: 'q', in: 'query', value: 'a&b' }] });
    assert.equal(plan(simple).url, 'https://api.acme.com/orders?q=a%26b');
  });

  test('a parameter without a valid "in" is not placed anywhere', () => {
    assert.equal(plan(action({ parameters: [{ name: 'q', in: 'header', value: 'x' }] })).url, 'https://api.acme.com/orders');
  });
});
