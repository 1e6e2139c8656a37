// Redirects, followed as fetch follows them: each hop recorded, methods and bodies changed by fetch's rules,
// credentials kept from another origin, at most 20. Each URL of a chain gets exactly one request.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { executePlan } from '../../../server/src/engine/execute';
import type { RequestPlan } from '../../../server/src/engine/model/plan';
import { ADDED_WITH_BODY, ADDED_WITHOUT_BODY, assertHeaders, header, planFor, plannedPairs, type RecordedRequest, startServer, type TestServer, trustedTls, USER_AGENT } from './harness';

/** A self-signed certificate for the test servers, and a dispatcher that trusts it. */
const tls = trustedTls();

/** A server answering by path: `routes[path]` is [status, headers, body]. */
function routed(routes: Record<string, [number, Record<string, string>, string]>) {
  return startServer((req, res) => {
    const [status, headers, body] = routes[req.url ?? ''] ?? [599, {}, 'no route'];
    res.writeHead(status, headers);
    res.end(body);
  }, tls.certificate);
}

/** The one request `server` got for `path` (fails if it got none or several). */
function requestFor(server: TestServer, path: string): RecordedRequest {
  const matching = server.requests.filter((r) => r.url === path);
  assert.equal(matching.length, 1, `${path} got ${matching.length} requests`);
  return matching[0];
}

const CONTENT_TYPE_JSON = header('Content-Type', 'application/json', 'default');

function postPlan(url: string): RequestPlan {
  return planFor(url, { method: 'POST', headers: [USER_AGENT, CONTENT_TYPE_JSON], body: { format: 'json', value: { orderId: 12345, reason: 'damaged' } } });
}

describe('redirects', () => {
  test('302 after GET: followed, the hop recorded, the AI gets the last response', async () => {
    const server = await routed({ '/old': [302, { Location: '/new' }, 'moved'], '/new': [200, {}, '{"order":1}'] });
    try {
      const plan = planFor(`${server.origin}/old`);
      const result = await executePlan(plan, { dispatcher: tls.agent });
      assert.equal(result.outcome, 'success');
      assert.deepEqual(result.ai, { status: 200, body: '{"order":1}' });
      assert.deepEqual(result.redirects, [{ method: 'GET', url: `${server.origin}/old`, status: 302, location: '/new', to: `${server.origin}/new` }]);
      assert.equal(result.request.url, `${server.origin}/new`);
      for (const path of ['/old', '/new']) assertHeaders(requestFor(server, path), plannedPairs(plan), ADDED_WITHOUT_BODY);
      assert.equal(server.requests.length, 2);
    } finally {
      await server.close();
    }
  });

  test('a chain 301 → 302 → 307 → 308 → 200, every hop in order', async () => {
    const server = await routed({
      '/a': [301, { Location: '/b' }, ''],
      '/b': [302, { Location: '/c' }, ''],
      '/c': [307, { Location: '/d' }, ''],
      '/d': [308, { Location: '/e' }, ''],
      '/e': [404, { 'Content-Type': 'text/plain' }, 'order 12345 not found'],
    });
    try {
      const plan = planFor(`${server.origin}/a`);
      const result = await executePlan(plan, { dispatcher: tls.agent });
      assert.equal(result.outcome, 'http-error');
      assert.deepEqual(result.ai, { status: 404, body: 'order 12345 not found' });
      assert.deepEqual(result.redirects.map((h) => [h.status, h.location, h.url.slice(server.origin.length)]), [
        [301, '/b', '/a'], [302, '/c', '/b'], [307, '/d', '/c'], [308, '/e', '/d'],
      ]);
      for (const path of ['/a', '/b', '/c', '/d', '/e']) assertHeaders(requestFor(server, path), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
    }
  });

  test('303 after POST: GET without the body and without Content-Type', async () => {
    const server = await routed({ '/orders': [303, { Location: '/orders/77' }, ''], '/orders/77': [200, {}, '{"id":77}'] });
    try {
      const plan = postPlan(`${server.origin}/orders`);
      const result = await executePlan(plan, { dispatcher: tls.agent });
      assert.deepEqual(result.ai, { status: 200, body: '{"id":77}' });
      const first = requestFor(server, '/orders');
      assert.equal(first.method, 'POST');
      assert.equal(first.body.toString(), '{"orderId":12345,"reason":"damaged"}');
      assertHeaders(first, plannedPairs(plan), ADDED_WITH_BODY);
      const second = requestFor(server, '/orders/77');
      assert.equal(second.method, 'GET');
      assert.equal(second.body.length, 0);
      assertHeaders(second, [['User-Agent', 'OpenCX']], ADDED_WITHOUT_BODY);
      assert.deepEqual(result.request, { method: 'GET', url: `${server.origin}/orders/77`, headers: [{ name: 'User-Agent', value: 'OpenCX', source: 'default', shadowed: [] }], body: null });
      assert.ok(result.notes.includes('Redirect 303: POST became GET and the body was dropped, as fetch does.'), result.notes.join('\n'));
      assert.ok(result.notes.includes('Redirect 303: Content-Type not sent to the new location, as fetch does.'), result.notes.join('\n'));
    } finally {
      await server.close();
    }
  });

  test('301 after POST also becomes GET (fetch), 307 after POST keeps the method and the body', async () => {
    const server = await routed({
      '/p301': [301, { Location: '/target' }, ''],
      '/p307': [307, { Location: '/target' }, ''],
      '/target': [201, {}, 'created'],
    });
    try {
      const after301 = await executePlan(postPlan(`${server.origin}/p301`), { dispatcher: tls.agent });
      assert.deepEqual(after301.ai, { status: 201, body: 'created' });
      assert.equal(after301.request.method, 'GET');
      const after307 = await executePlan(postPlan(`${server.origin}/p307`), { dispatcher: tls.agent });
      assert.deepEqual(after307.ai, { status: 201, body: 'created' });
      assert.equal(after307.request.method, 'POST');
      assert.equal(after307.request.body, '{"orderId":12345,"reason":"damaged"}');
      const [viaGet, viaPost] = server.requests.filter((r) => r.url === '/target');
      assert.equal(viaGet.method, 'GET');
      assert.equal(viaPost.method, 'POST');
      assert.equal(viaPost.body.toString(), '{"orderId":12345,"reason":"damaged"}');
      assertHeaders(viaPost, plannedPairs(postPlan('')), ADDED_WITH_BODY);
      assert.equal(server.requests.length, 4);
    } finally {
      await server.close();
    }
  });

  test('to another origin, Authorization is not sent; other headers are', async () => {
    const other = await routed({ '/landing': [200, {}, 'landed'] });
    const first = await routed({ '/start': [302, { Location: `${other.origin}/landing` }, ''] });
    try {
      const plan = planFor(`${first.origin}/start`, { headers: [USER_AGENT, header('Authorization', 'Bearer abc', 'globalVariable'), header('X-Tenant', 'acme')] });
      const result = await executePlan(plan, { dispatcher: tls.agent });
      assert.deepEqual(result.ai, { status: 200, body: 'landed' });
      assertHeaders(requestFor(first, '/start'), plannedPairs(plan), ADDED_WITHOUT_BODY);
      assertHeaders(requestFor(other, '/landing'), [['User-Agent', 'OpenCX'], ['X-Tenant', 'acme']], ADDED_WITHOUT_BODY);
      assert.deepEqual(result.request.headers.map((h) => h.name), ['User-Agent', 'X-Tenant']);
      assert.ok(result.notes.includes('Redirect 302: Authorization not sent to the new location, as fetch does.'), result.notes.join('\n'));
    } finally {
      await first.close();
      await other.close();
    }
  });

  test('a 21st redirect is a network error; 20 hops are recorded', async () => {
    const server = await startServer((req, res) => {
      const n = Number((req.url ?? '').slice(2));
      res.writeHead(302, { Location: `/r${n + 1}` });
      res.end();
    }, tls.certificate);
    try {
      const plan = planFor(`${server.origin}/r0`);
      const result = await executePlan(plan, { dispatcher: tls.agent });
      assert.equal(result.outcome, 'network-error');
      assert.deepEqual(result.ai, { status: null, body: 'Something went wrong' });
      assert.deepEqual(result.error, { code: 'REDIRECT_LIMIT', message: 'more than 20 redirects' });
      assert.equal(result.redirects.length, 20);
      assert.equal(server.requests.length, 21);
      for (let n = 0; n <= 20; n++) assertHeaders(requestFor(server, `/r${n}`), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
    }
  });

  test('a redirect to a non-HTTP(S) URL is a network error', async () => {
    const server = await routed({ '/ftp': [302, { Location: 'ftp://files.example/x' }, ''] });
    try {
      const plan = planFor(`${server.origin}/ftp`);
      const result = await executePlan(plan, { dispatcher: tls.agent });
      assert.deepEqual(result.ai, { status: null, body: 'Something went wrong' });
      assert.deepEqual(result.error, { code: 'REDIRECT_BAD_SCHEME', message: 'redirect 302 to a non-HTTP(S) URL: ftp://files.example/x' });
      assertHeaders(requestFor(server, '/ftp'), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
    }
  });
});
