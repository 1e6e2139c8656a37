// Redirects that would hand credentials to someone else: to another origin (127.0.0.2 plays the other host, or
// another port) while the request carries a secret, a global variable or contact header, or a literal credential;
// and https → http. Each case asserts what the other origin received (nothing: not even a connection) and the outcome.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { executePlan } from '../../../server/src/engine/execute';
import type { PlannedHeader, RequestPlan } from '../../../server/src/engine/model/plan';
import { ADDED_WITHOUT_BODY, assertHeaders, header, planFor, secretsOf, startServer, type TestServer, trustedTls, USER_AGENT } from './harness';

const tls = trustedTls();

const API_KEY = 'k3y-Canary-7f2a9c41-never-forward';
const QUERY_SECRET = 'q-Canary-51d0e2b7';
const BODY_SECRET = 'b-Canary-c44e91aa';
const secrets = () => secretsOf({ API_KEY, QUERY_SECRET, BODY_SECRET });

/** The server the redirects point to: answers 200 to anything, records everything. */
function otherHost(scheme: 'https' | 'http' = 'https'): Promise<TestServer> {
  return startServer((_req, res) => res.end('the other host answered'), scheme === 'https' ? tls.certificate : undefined, '127.0.0.2');
}

/** A server on 127.0.0.1 that redirects every request to `target` with `status`. */
function redirecting(status: number, target: () => string): Promise<TestServer> {
  return startServer((_req, res) => {
    res.writeHead(status, { Location: target() });
    res.end();
  }, tls.certificate);
}

async function withServers(status: number, scheme: 'https' | 'http', check: (first: TestServer, other: TestServer) => Promise<void>): Promise<void> {
  const other = await otherHost(scheme);
  const first = await redirecting(status, () => `${other.origin}/landing?from=redirect`);
  try {
    await check(first, other);
  } finally {
    await first.close();
    await other.close();
  }
}

/** The other origin got nothing at all: no connection, so no request, no header, no body. */
function assertUntouched(other: TestServer): void {
  assert.equal(other.connections, 0, 'the other origin got a connection');
  assert.equal(other.requests.length, 0, 'the other origin got a request');
}

function assertNoValue(result: unknown): void {
  const text = JSON.stringify(result);
  for (const value of [API_KEY, QUERY_SECRET, BODY_SECRET]) assert.ok(!text.includes(value), `the result holds the value of a secret: ${value}`);
}

const withHeader = (h: PlannedHeader, url: string, extra: Partial<RequestPlan> = {}) => planFor(url, { headers: [USER_AGENT, h, header('X-Tenant', 'acme')], ...extra });

describe('redirects to another origin with credentials: not followed', () => {
  const refusals: [string, number, (url: string) => RequestPlan, string][] = [
    ['a secret in an action header (307)', 307, (url) => withHeader(header('X-Api-Key', '${secret:API_KEY}'), url), 'secret API_KEY (header X-Api-Key)'],
    ['a secret in the query (302)', 302, (url) => planFor(`${url}?key=\${secret:QUERY_SECRET}`), 'secret QUERY_SECRET (URL)'],
    ['a secret in the body (308)', 308, (url) => planFor(url, { method: 'POST', headers: [USER_AGENT, header('Content-Type', 'application/json', 'default')], body: { format: 'json', value: { token: '${secret:BODY_SECRET}', n: 1 } } }), 'secret BODY_SECRET (body)'],
    ['a global variable header, even with a plain value (301)', 301, (url) => withHeader(header('X-Shop-Region', 'eu', 'globalVariable'), url), 'header X-Shop-Region (global variable)'],
    ['a contact header (303)', 303, (url) => withHeader(header('X-Customer', 'jane', 'contact'), url), 'header X-Customer (contact (widget) header)'],
    ['an action header whose literal value looks like a credential (307)', 307, (url) => withHeader(header('X-Token', 'sk_live_51HabcdefGHIJKLmnop'), url), 'header X-Token (a literal credential in the action)'],
  ];
  for (const [name, status, planOf, carried] of refusals) {
    test(name, async () => {
      await withServers(status, 'https', async (first, other) => {
        const result = await executePlan(planOf(`${first.origin}/start`), { dispatcher: tls.agent, secrets: secrets() });
        assertUntouched(other);
        assert.equal(first.requests.length, 1);
        assert.equal(result.outcome, 'refused');
        assert.equal(result.sent, true);
        assert.equal(result.error?.code, 'REDIRECT_CARRIES_CREDENTIALS');
        assert.deepEqual(result.ai, { status: null, body: '' });
        assert.equal(result.response.status, status);
        assert.deepEqual(result.redirects, []);
        assert.equal(result.differsFromOpenCX, true);
        const message = result.error?.message ?? '';
        assert.ok(message.startsWith(`Redirect ${status} to another origin, ${other.origin}, not followed`), message);
        assert.ok(message.includes(carried), message);
        assert.ok(message.includes('OpenCX would follow it (fetch does)'), message);
        assert.ok(result.notes.includes(message), result.notes.join('\n'));
        assertNoValue(result);
      });
    });
  }

  test('the note says what OpenCX would have sent there: headers fetch keeps, the 307 body, and which secrets', async () => {
    await withServers(307, 'https', async (first, other) => {
      const plan = planFor(`${first.origin}/start`, {
        method: 'POST',
        headers: [USER_AGENT, header('Content-Type', 'application/json', 'default'), header('Authorization', 'Bearer ${secret:API_KEY}', 'globalVariable'), header('X-Api-Key', '${secret:API_KEY}')],
        body: { format: 'json', value: { token: '${secret:BODY_SECRET}' } },
      });
      const result = await executePlan(plan, { dispatcher: tls.agent, secrets: secrets() });
      assertUntouched(other);
      assert.ok(result.error?.message.includes(`OpenCX would follow it (fetch does) and send ${other.origin} the headers User-Agent, Content-Type, X-Api-Key and the body, with the secrets API_KEY, BODY_SECRET.`), result.error?.message);
      assertNoValue(result);
    });
  });

  test('another port on the same host is another origin', async () => {
    const other = await startServer((_req, res) => res.end('other port'), tls.certificate);
    const first = await redirecting(302, () => `${other.origin}/x`);
    try {
      const result = await executePlan(withHeader(header('X-Api-Key', '${secret:API_KEY}'), `${first.origin}/start`), { dispatcher: tls.agent, secrets: secrets() });
      assertUntouched(other);
      assert.equal(result.outcome, 'refused');
      assert.equal(result.error?.code, 'REDIRECT_CARRIES_CREDENTIALS');
    } finally {
      await first.close();
      await other.close();
    }
  });
});

describe('other redirects', () => {
  test('to another origin without credentials: followed, with a note naming the origin and what was sent', async () => {
    await withServers(302, 'https', async (first, other) => {
      const plan = withHeader(header('Accept', 'application/json'), `${first.origin}/start`);
      const result = await executePlan(plan, { dispatcher: tls.agent });
      assert.equal(result.outcome, 'success');
      assert.deepEqual(result.ai, { status: 200, body: 'the other host answered' });
      assert.equal(other.requests.length, 1);
      assertHeaders(other.requests[0], [['User-Agent', 'OpenCX'], ['Accept', 'application/json'], ['X-Tenant', 'acme']], ADDED_WITHOUT_BODY);
      assert.ok(result.notes.includes(`Redirect 302 to another origin, ${other.origin}: followed as fetch does (the request carries no credential); sent there: User-Agent, Accept, X-Tenant.`), result.notes.join('\n'));
    });
  });

  test('same origin with a secret: followed as before, the secret sent again', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/old') res.writeHead(308, { Location: '/new' }).end();
      else res.end('new');
    }, tls.certificate);
    try {
      const result = await executePlan(withHeader(header('X-Api-Key', '${secret:API_KEY}'), `${server.origin}/old`), { dispatcher: tls.agent, secrets: secrets() });
      assert.equal(result.outcome, 'success');
      assert.equal(server.requests.length, 2);
      assert.deepEqual(server.requests.map((r) => r.headers.find(([n]) => n === 'X-Api-Key')?.[1]), [API_KEY, API_KEY]);
      assertNoValue(result);
    } finally {
      await server.close();
    }
  });
});

describe('https → http', () => {
  test('never followed, even without credentials; the result says OpenCX would follow it', async () => {
    await withServers(302, 'http', async (first, other) => {
      const result = await executePlan(planFor(`${first.origin}/start`), { dispatcher: tls.agent });
      assertUntouched(other);
      assert.equal(result.outcome, 'refused');
      assert.equal(result.error?.code, 'REDIRECT_TO_HTTP');
      assert.equal(result.error?.message, `Redirect 302 from https to plain http (${other.origin}) not followed. OpenCX would follow it (fetch does) and send the headers User-Agent, Accept unencrypted. Make the endpoint redirect to https:// (or not at all).`);
    });
  });

  test('with http allowed for development, still refused to a host that is not loopback', async () => {
    const first = await redirecting(307, () => 'http://203.0.113.7/landing');
    try {
      const result = await executePlan(planFor(`${first.origin}/start`), { dispatcher: tls.agent, allowHttp: true });
      assert.equal(result.outcome, 'refused');
      assert.equal(result.error?.code, 'REDIRECT_TO_HTTP');
    } finally {
      await first.close();
    }
  });

  test('loopback → loopback with http allowed: followed, with a note that OpenCX would follow it unencrypted', async () => {
    await withServers(302, 'http', async (first, other) => {
      const result = await executePlan(planFor(`${first.origin}/start`), { dispatcher: tls.agent, allowHttp: true });
      assert.equal(result.outcome, 'success');
      assert.equal(other.requests.length, 1);
      assert.ok(result.notes.some((n) => n.startsWith('Redirect 302 from https to http://127.0.0.2:') && n.includes('OpenCX would follow it too (fetch does), and send the request unencrypted.')), result.notes.join('\n'));
    });
  });

  test('loopback → loopback with http allowed but a secret in a header: refused by the credential rule', async () => {
    await withServers(302, 'http', async (first, other) => {
      const result = await executePlan(withHeader(header('X-Api-Key', '${secret:API_KEY}'), `${first.origin}/start`), { dispatcher: tls.agent, allowHttp: true, secrets: secrets() });
      assertUntouched(other);
      assert.equal(result.error?.code, 'REDIRECT_CARRIES_CREDENTIALS');
    });
  });
});
