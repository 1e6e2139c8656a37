// maskForDisplay and friends: references stay, literal credentials never show.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatJsonPath, locationLabel, maskForDisplay, maskUrlForDisplay, planForDisplay } from '../../../server/src/engine/resolve';
import { action, plan } from './support';

describe('maskForDisplay', () => {
  const cases: [string, string, string][] = [
    ['Authorization', 'Bearer ${secret:TOKEN}', 'Bearer ${secret:TOKEN}'],
    ['Authorization', 'Bearer abc123', 'Bearer ••••••'],
    ['authorization', 'basic dXNlcjpwYXNz', 'basic ••••••'],
    ['Authorization', 'abc123', '••••••'],
    ['Authorization', 'Bearer ', 'Bearer '],
    ['X-Api-Key', 'k-123', '••••••'],
    ['x-api-key', '${secret:K}', '${secret:K}'],
    ['Cookie', 'session=abc', '••••••'],
    ['X-Auth-Token', 'pre-${secret:T}-post', '••••••${secret:T}••••••'],
    ['Accept', 'application/json', 'application/json'],
    ['X-Trace', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', '••••••'],
    ['X-Custom', 'sk_live_abcdefghij', '••••••'],
    ['x-opencx-session-id', '11111111-2222-4333-8444-555555555555', '11111111-2222-4333-8444-555555555555'],
    ['X-Contact-Email', 'jane@example.com', 'jane@example.com'],
  ];
  for (const [name, value, shown] of cases) {
    test(`${name}: ${value}`, () => assert.equal(maskForDisplay(name, value), shown));
  }
});

describe('maskUrlForDisplay', () => {
  test('query values named like credentials', () => {
    assert.equal(maskUrlForDisplay('https://a.test/x?api_key=abc&q=1&token=${secret:T}#f'), 'https://a.test/x?api_key=••••••&q=1&token=${secret:T}#f');
    assert.equal(maskUrlForDisplay('https://a.test/x'), 'https://a.test/x');
  });
});

describe('formatJsonPath and locationLabel', () => {
  test('plain keys with dots, odd keys quoted, indexes in brackets', () => {
    assert.equal(formatJsonPath(['environments', 'staging', 'globalVariables', 'X-Shop-Region']), 'environments.staging.globalVariables.X-Shop-Region');
    assert.equal(formatJsonPath(['parameters', 0, 'value']), 'parameters[0].value');
    assert.equal(formatJsonPath(['contacts', 'a.b', 'headers']), 'contacts["a.b"].headers');
    assert.equal(locationLabel({ file: 'file:///w/my%20org/opencx.config.json', path: [] }), 'opencx.config.json');
  });
});

describe('planForDisplay', () => {
  test('the JSON shape, with winners and shadowed values masked', () => {
    const planned = plan(action({ headers: { Authorization: 'Bearer literal-token' } }), { config: { globalVariables: { authorization: 'Token ${secret:T}' } } });
    assert.deepEqual(planForDisplay(planned), {
      request: {
        method: 'GET',
        url: 'https://api.acme.com/orders',
        headers: [
          { name: 'User-Agent', value: 'OpenCX', source: 'default', shadowed: [] },
          { name: 'authorization', value: 'Token ${secret:T}', source: 'globalVariable', shadowed: [{ source: 'action', value: 'Bearer ••••••' }] },
        ],
        body: null,
      },
      visibleToContact: true,
      notes: planned.notes,
    });
  });

  test('body fields named like credentials are masked', () => {
    const planned = plan(action({ method: 'POST', body: { type: 'object', properties: { password: { type: 'string' }, name: { type: 'string' } } } }), { values: { password: 'hunter2', name: 'Jo' } });
    assert.deepEqual(planForDisplay(planned).request.body, { password: '••••••', name: 'Jo' });
  });
});
