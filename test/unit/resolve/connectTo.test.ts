// An environment's `connectTo` (development only, like curl's --connect-to): the plan carries it only for the URL's
// host and only in the environment that writes it; the plan text says so; the schema checks its keys and addresses.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatPlanText } from '../../../server/src/engine/resolve/planText';
import { assertFindings, configText, error, lint, rangeOfText } from '../helpers';
import { action, plan } from './support';

const HOST = 'api.acme.com';
const CONFIG = {
  environments: {
    local: { connectTo: { [HOST]: '127.0.0.1:8443', 'auth.acme.com': '127.0.0.1:9443' } },
    staging: { globalVariables: { 'X-Region': 'staging' } },
    v6: { connectTo: { [HOST]: '[::1]:8443' } },
  },
};
const ORDERS = action({ endpoint: `https://${HOST}/orders/{order_id}`, parameters: [{ name: 'order_id', in: 'path', required: true }] });
const values = { order_id: '7' };

describe('plan.connectTo', () => {
  test('set for the URL\'s host in the environment that writes it', () => {
    const planned = plan(ORDERS, { config: CONFIG, environment: 'local', values });
    assert.deepEqual(planned.connectTo, { host: HOST, address: '127.0.0.1:8443' });
    // The URL, and so the Host header and the TLS name, stay the real host's.
    assert.equal(planned.url, `https://${HOST}/orders/7`);
    assert.equal(planned.headers.some((h) => h.name.toLowerCase() === 'host'), false);
  });

  test('each host gets its own entry', () => {
    const planned = plan(action({ endpoint: 'https://auth.acme.com/token' }), { config: CONFIG, environment: 'local' });
    assert.deepEqual(planned.connectTo, { host: 'auth.acme.com', address: '127.0.0.1:9443' });
  });

  test('an IPv6 address is passed on as written', () => {
    assert.deepEqual(plan(ORDERS, { config: CONFIG, environment: 'v6', values }).connectTo, { host: HOST, address: '[::1]:8443' });
  });

  test('a port in the endpoint does not prevent the match (the address gives the port to connect to)', () => {
    const planned = plan(action({ endpoint: `https://${HOST}:8080/x` }), { config: CONFIG, environment: 'local' });
    assert.deepEqual(planned.connectTo, { host: HOST, address: '127.0.0.1:8443' });
    assert.equal(planned.url, `https://${HOST}:8080/x`);
  });

  test('absent for another host, a subdomain or a parent domain', () => {
    for (const endpoint of ['https://api.other.com/x', `https://eu.${HOST}/x`, 'https://acme.com/x']) {
      const planned = plan(action({ endpoint }), { config: CONFIG, environment: 'local' });
      assert.equal('connectTo' in planned, false, endpoint);
    }
  });

  test('absent in an environment that does not write it, at the top level, and without a config', () => {
    assert.equal('connectTo' in plan(ORDERS, { config: CONFIG, environment: 'staging', values }), false);
    assert.equal('connectTo' in plan(ORDERS, { config: CONFIG, values }), false);
    assert.equal('connectTo' in plan(ORDERS, { values }), false);
  });

  test('the default environment applies when none is chosen', () => {
    assert.deepEqual(plan(ORDERS, { config: { ...CONFIG, defaultEnvironment: 'local' }, values }).connectTo, { host: HOST, address: '127.0.0.1:8443' });
    assert.equal('connectTo' in plan(ORDERS, { config: { ...CONFIG, defaultEnvironment: 'local' }, environment: 'staging', values }), false);
  });

  test('host names compare case-insensitively: an upper-case key and an upper-case endpoint still match', () => {
    const config = { environments: { local: { connectTo: { 'API.Acme.com': '127.0.0.1:8443' } } } };
    assert.deepEqual(plan(ORDERS, { config, environment: 'local', values }).connectTo, { host: HOST, address: '127.0.0.1:8443' });
    const upper = plan(action({ endpoint: 'https://API.ACME.COM/x' }), { config: CONFIG, environment: 'local' });
    assert.deepEqual(upper.connectTo, { host: HOST, address: '127.0.0.1:8443' });
  });

  test('a dry run (placeholders in the path) keeps connectTo', () => {
    const planned = plan(ORDERS, { config: CONFIG, environment: 'local', mode: 'dryRun' });
    assert.deepEqual(planned.connectTo, { host: HOST, address: '127.0.0.1:8443' });
  });
});

describe('formatPlanText and connectTo', () => {
  const LINE = `Connects to 127.0.0.1:8443 instead of resolving ${HOST} (connectTo, development only: OpenCX resolves the real host)`;

  test('the plan text says where it connects, right after the request line and scope', () => {
    const lines = formatPlanText(plan(ORDERS, { config: CONFIG, environment: 'local', values })).split('\n');
    assert.equal(lines[0], `GET https://${HOST}/orders/7`);
    assert.equal(lines[2], LINE);
  });

  test('no such line without connectTo', () => {
    const text = formatPlanText(plan(ORDERS, { config: CONFIG, environment: 'staging', values }));
    assert.equal(text.includes('Connects to'), false, text);
    assert.equal(text.includes('connectTo'), false, text);
  });
});

describe('opencx.config.json: environments.<name>.connectTo', () => {
  const ADDRESS = 'a connectTo value is address:port, like "127.0.0.1:8443"';
  const configWith = (connectTo: unknown) => configText({ environments: { dev: { connectTo } } });

  test('valid: a host name to address:port, IPv4, IPv6 in brackets, or a name', () => {
    assertFindings('config', configWith({ [HOST]: '127.0.0.1:8443', 'b.acme.com': '[::1]:443', 'c.acme.com': 'localhost:8443' }), []);
  });

  for (const bad of ['localhost', '127.0.0.1', '127.0.0.1:', ':8443', '127.0.0.1:8443/x', 'https://127.0.0.1:8443', '::1:8443']) {
    test(`an address without a usable port is an error: ${JSON.stringify(bad)}`, () => {
      const text = configWith({ [HOST]: bad });
      assertFindings('config', text, [error('invalid-format', rangeOfText(text, JSON.stringify(bad)), `${ADDRESS}; got ${JSON.stringify(bad)}`)]);
    });
  }

  for (const port of ['0', '65536', '99999']) {
    test(`a port outside 1-65535 is an error: ${port}`, () => {
      const text = configWith({ [HOST]: `127.0.0.1:${port}` });
      assertFindings('config', text, [error('invalid-format', rangeOfText(text, `"127.0.0.1:${port}"`), `${ADDRESS}; got "127.0.0.1:${port}"`)]);
    });
  }

  test('a key that is a URL, not a host name, is an error on the key', () => {
    const text = configWith({ 'https://api.acme.com': '127.0.0.1:8443' });
    assertFindings('config', text, [error('invalid-format', rangeOfText(text, '"https://api.acme.com"'), 'a connectTo key is a host name, like "api.acme.com"; got "https://api.acme.com"')]);
  });

  test('a number is not an address', () => {
    const text = configWith({ [HOST]: 8443 });
    assertFindings('config', text, [error('wrong-type', rangeOfText(text, '8443'), `environments.dev.connectTo["${HOST}"] must be a string; got a number (8443)`)]);
  });

  test('connectTo exists only per environment: at the top level it is an unknown property', () => {
    const text = configText({ connectTo: { [HOST]: '127.0.0.1:8443' } });
    assert.deepEqual(lint('config', text).map((f) => [f.code, f.range]), [['unknown-property', rangeOfText(text, '"connectTo"')]]);
  });
});
