// Secrets: filled from the injected SecretSource at send time only, in each place's syntax; never in the result,
// even when the server echoes them back; a missing one stops the run before anything is sent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { executePlan, type ExecutionResult } from '../../../server/src/engine/execute';
import type { RequestPlan } from '../../../server/src/engine/model/plan';
import { ADDED_WITH_BODY, assertHeaders, header, onlyRequest, planFor, plannedPairs, secretsOf, startServer, trustedTls, USER_AGENT } from './harness';

/** A self-signed certificate for the test servers, and a dispatcher that trusts it. */
const tls = trustedTls();

const VALUES = {
  API_TOKEN: 'tok_live_8f3Kq9Zx',
  QUERY_KEY: 'k/ey+1=&x',
  PATH_ID: 'acct 42',
  BODY_SECRET: 's3cr"et\\pw',
};

/** Every form a value could take in a result: raw, percent-encoded, JSON-escaped. */
function assertNoSecretIn(result: ExecutionResult): void {
  const json = JSON.stringify(result);
  for (const [name, value] of Object.entries(VALUES)) {
    for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
      assert.ok(!json.includes(form), `the value of ${name} (as ${form}) is in the result`);
    }
  }
}

/** Secrets in a header, in the path (the URL parser's `$%7B…%7D`), in the query (URLSearchParams' `%24%7B…%7D`), in a JSON body. */
function secretPlan(origin: string): RequestPlan {
  return planFor(`${origin}/accounts/$%7Bsecret:PATH_ID%7D/orders?key=%24%7Bsecret%3AQUERY_KEY%7D&expand=items`, {
    method: 'POST',
    headers: [
      USER_AGENT,
      header('Content-Type', 'application/json', 'default'),
      header('Authorization', 'Bearer ${secret:API_TOKEN}', 'globalVariable', [{ source: 'action', value: 'Bearer placeholder' }]),
    ],
    body: { format: 'json', value: { password: '${secret:BODY_SECRET}', note: 'plain' } },
  });
}

describe('secrets are filled at send time', () => {
  test('the server gets every value, in each place\'s syntax; the result holds only references', async () => {
    const server = await startServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(`you sent ${req.headers.authorization}`); // an echoing server: the value comes back in the body
    }, tls.certificate);
    try {
      const secrets = secretsOf(VALUES);
      const plan = secretPlan(server.origin);
      const result = await executePlan(plan, { dispatcher: tls.agent, secrets });
      const received = onlyRequest(server);
      assertHeaders(received, plannedPairs(plan, VALUES), ADDED_WITH_BODY);
      assert.equal(received.url, '/accounts/acct%2042/orders?key=k%2Fey%2B1%3D%26x&expand=items');
      assert.equal(new URL(received.url, server.origin).searchParams.get('key'), VALUES.QUERY_KEY);
      assert.deepEqual(JSON.parse(received.body.toString()), { password: VALUES.BODY_SECRET, note: 'plain' });
      assert.deepEqual(secrets.asked.sort(), ['API_TOKEN', 'BODY_SECRET', 'PATH_ID', 'QUERY_KEY']);

      assert.equal(result.outcome, 'success');
      assert.deepEqual(result.ai, { status: 200, body: 'you sent Bearer ${secret:API_TOKEN}' });
      assert.equal(result.response.bytes, Buffer.byteLength(`you sent Bearer ${VALUES.API_TOKEN}`), 'counted on what the AI gets');
      assert.ok(result.notes.includes('The response contains the value of a secret; it is shown here as its ${secret:NAME} reference (the AI receives the value).'));
      assert.deepEqual(result.request.headers[2], { name: 'Authorization', value: 'Bearer ${secret:API_TOKEN}', source: 'globalVariable', shadowed: [{ source: 'action', value: 'Bearer placeholder' }] });
      assert.equal(result.request.url, plan.url);
      assert.equal(result.request.body, '{"password":"${secret:BODY_SECRET}","note":"plain"}');
      assertNoSecretIn(result);
    } finally {
      await server.close();
    }
  });

  test('a multipart body: fields filled raw, the boundary added to the Content-Type', async () => {
    const server = await startServer((_req, res) => res.end('stored'), tls.certificate);
    try {
      const plan = planFor(`${server.origin}/upload`, {
        method: 'POST',
        headers: [USER_AGENT, header('Content-Type', 'multipart/form-data', 'default')],
        body: { format: 'multipart', value: { token: '${secret:BODY_SECRET}', count: 3 } },
      });
      const result = await executePlan(plan, { dispatcher: tls.agent, secrets: secretsOf(VALUES) });
      assert.deepEqual(result.ai, { status: 200, body: 'stored' });
      const received = onlyRequest(server);
      const contentType = received.headers.find(([name]) => name === 'Content-Type')?.[1] ?? '';
      const boundary = /^multipart\/form-data; boundary=(----OpenCXFormBoundary[0-9a-f]{24})$/.exec(contentType)?.[1];
      assert.ok(boundary, contentType);
      assertHeaders(received, [['User-Agent', 'OpenCX'], ['Content-Type', contentType]], ADDED_WITH_BODY);
      const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      assert.equal(received.body.toString(), `${part('token', VALUES.BODY_SECRET)}${part('count', '3')}--${boundary}--\r\n`);
      assert.equal(result.request.body, `${part('token', '${secret:BODY_SECRET}')}${part('count', '3')}--${boundary}--\r\n`);
      assertNoSecretIn(result);
    } finally {
      await server.close();
    }
  });
});

describe('a secret without a value stops the run before anything is sent', () => {
  test('missing: refused, the message names the secret and where it is used', async () => {
    const server = await startServer((_req, res) => res.end('should not be reached'), tls.certificate);
    try {
      const { API_TOKEN: _missing, ...others } = VALUES;
      const result = await executePlan(secretPlan(server.origin), { dispatcher: tls.agent, secrets: secretsOf(others) });
      assert.equal(result.outcome, 'refused');
      assert.deepEqual(result.ai, { status: null, body: '' });
      assert.deepEqual(result.error, { code: 'MISSING_SECRET', message: 'Not sent: secret API_TOKEN has no value (used in header Authorization). Set it and run again.' });
      assert.equal(result.sent, false);
      assert.equal(result.request.headers[2].value, 'Bearer ${secret:API_TOKEN}');
      assert.equal(server.connections, 0);
      assert.equal(server.requests.length, 0);
      assertNoSecretIn(result);
    } finally {
      await server.close();
    }
  });

  test('no SecretSource, an empty value, a failing source: each named', async () => {
    const plan = planFor('https://127.0.0.1:1/x', { headers: [USER_AGENT, header('X-Key', '${secret:EMPTY}'), header('X-Other', '${secret:BROKEN}')] });
    const none = await executePlan(plan);
    assert.equal(none.error?.message, 'Not sent: secret BROKEN has no value (used in header X-Other); secret EMPTY has no value (used in header X-Key). Set them and run again.');
    const failing = await executePlan(plan, {
      secrets: { get: async (name) => { if (name === 'BROKEN') throw new Error('keychain locked'); return ''; } },
    });
    assert.equal(failing.error?.message, 'Not sent: secret BROKEN could not be read (keychain locked); secret EMPTY has no value (used in header X-Key). Set them and run again.');
    assert.equal(failing.outcome, 'refused');
  });
});
