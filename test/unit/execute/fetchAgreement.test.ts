// The executor imitates fetch (redirects.ts: how fetch follows redirects; responseText.ts: how fetch's text()
// decodes a body) because it must record every hop and byte count, which fetch hides. Here both run against the
// same local HTTPS servers, case by case: the executor must end where undici.fetch ends, with the same text, and
// each server must receive the same requests from both (method, path, body, the headers the rules drop or keep).
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { describe, test } from 'node:test';
import { fetch } from 'undici';
import { executePlan } from '../../../server/src/engine/execute';
import type { RequestPlan } from '../../../server/src/engine/model/plan';
import { header, planFor, type RecordedRequest, startServer, trustedTls, USER_AGENT } from './harness';

const tls = trustedTls();

/** What a server is to answer for a path: status, headers, body bytes. */
type Answer = [number, Record<string, string>, Buffer | string];

/** Headers whose presence the redirect rules decide; the rest (Accept-Encoding, Sec-Fetch-Mode…) fetch adds itself. */
const RULED_HEADERS = ['authorization', 'cookie', 'content-type', 'content-language', 'x-custom'];

/** A request as far as the rules decide it: method, path, body, and which ruled headers arrived with what value. */
function ruled(r: RecordedRequest): unknown {
  const headers = r.headers.filter(([name]) => RULED_HEADERS.includes(name.toLowerCase())).map(([n, v]) => `${n.toLowerCase()}: ${v}`).sort();
  return { method: r.method, url: r.url, body: r.body.toString('utf8'), headers };
}

/** The same request through the executor and through undici.fetch; what each got and what each server received. */
async function both(plan: RequestPlan, servers: { requests: RecordedRequest[] }[]) {
  const before = servers.map((s) => s.requests.length);
  const ours = await executePlan(plan, { dispatcher: tls.agent });
  const middle = servers.map((s) => s.requests.length);
  let theirs: { status: number; text: string } | { error: string };
  try {
    const body = plan.body ? JSON.stringify(plan.body.value) : undefined;
    const response = await fetch(plan.url, { method: plan.method, headers: plan.headers.map((h) => [h.name, h.value]), body, dispatcher: tls.agent });
    theirs = { status: response.status, text: await response.text() };
  } catch (error) {
    theirs = { error: String((error as Error).cause ?? error) };
  }
  const received = servers.map((s, i) => ({
    ours: s.requests.slice(before[i], middle[i]).map(ruled),
    theirs: s.requests.slice(middle[i]).map(ruled),
  }));
  return { ours, theirs, received };
}

/** Asserts that the executor and fetch agree: same final status and text, or both a network error. */
function assertAgree(run: Awaited<ReturnType<typeof both>>, label: string): void {
  const { ours, theirs, received } = run;
  if ('error' in theirs) {
    assert.equal(ours.outcome, 'network-error', `${label}: fetch failed (${theirs.error}), the executor got ${ours.outcome}`);
  } else {
    assert.ok(ours.outcome === 'success' || ours.outcome === 'http-error', `${label}: fetch got ${theirs.status}, the executor ${ours.outcome} (${ours.error?.message})`);
    assert.equal(ours.ai.status, theirs.status, `${label}: status`);
    assert.equal(ours.ai.body, theirs.text, `${label}: text`);
  }
  received.forEach((r, i) => assert.deepEqual(r.ours, r.theirs, `${label}: what server ${i} received`));
  assert.ok(received.some((r) => r.ours.length > 0), `${label}: nothing was sent, so nothing was compared`);
}

/** A server answering by path; `answers` may be filled after it starts (routes that name another server). */
async function routed(answers: Record<string, Answer>) {
  return startServer((req, res) => {
    const [status, headers, body] = answers[(req.url ?? '').split('?')[0]] ?? [599, {}, 'no route'];
    res.writeHead(status, headers);
    res.end(body);
  }, tls.certificate);
}

const JSON_BODY = { format: 'json' as const, value: { orderId: 12345, reason: 'damaged' } };
const BODY_HEADERS = [USER_AGENT, header('Content-Type', 'application/json', 'default'), header('Content-Language', 'en'), header('X-Custom', 'kept')];

describe('the executor and undici.fetch on the same servers', () => {
  test('redirects: every status × method, same origin, with and without a body', async () => {
    const answers: Record<string, Answer> = { '/final': [200, { 'Content-Type': 'application/json' }, '{"ok":true}'] };
    for (const status of [300, 301, 302, 303, 307, 308]) answers[`/s${status}`] = [status, { Location: '/final' }, `moved ${status}`];
    answers['/no-location'] = [302, {}, 'a 302 without Location'];
    const server = await routed(answers);
    try {
      let cases = 0;
      for (const path of [...[300, 301, 302, 303, 307, 308].map((s) => `/s${s}`), '/no-location']) {
        for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
          const withBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
          const plan = planFor(`${server.origin}${path}`, withBody ? { method, headers: BODY_HEADERS, body: JSON_BODY } : { method, headers: [USER_AGENT, header('X-Custom', 'kept')] });
          assertAgree(await both(plan, [server]), `${method} ${path}`);
          cases++;
        }
      }
      assert.equal(cases, 35);
    } finally {
      await server.close();
    }
  });

  test('redirects to another origin without credentials: followed as fetch follows them, headers kept, for each status', async () => {
    const other = await routed({ '/landing': [200, {}, 'landed'] });
    const answers: Record<string, Answer> = { '/same': [200, {}, 'same origin'] };
    const server = await routed(answers);
    for (const status of [301, 302, 303, 307, 308]) answers[`/cross${status}`] = [status, { Location: `${other.origin}/landing` }, ''];
    try {
      const plain = [USER_AGENT, header('X-Custom', 'kept')];
      for (const status of [301, 302, 303, 307, 308]) {
        for (const method of ['GET', 'POST'] as const) {
          const plan = planFor(`${server.origin}/cross${status}`, method === 'POST'
            ? { method, headers: [...plain, header('Content-Type', 'application/json', 'default')], body: JSON_BODY }
            : { method, headers: plain });
          assertAgree(await both(plan, [server, other]), `${method} cross-origin ${status}`);
        }
      }
    } finally {
      await server.close();
      await other.close();
    }
  });

  // The one deliberate difference (docs/assumptions.md, "Security: what you can rely on"): fetch follows a
  // cross-origin redirect with credentials, dropping only Authorization and Cookie; the executor refuses it.
  test('redirects to another origin with credentials: fetch follows, the executor refuses and the other origin gets nothing', async () => {
    const other = await routed({ '/landing': [200, {}, 'landed'] });
    const answers: Record<string, Answer> = {};
    const server = await routed(answers);
    for (const status of [301, 302, 303, 307, 308]) answers[`/cross${status}`] = [status, { Location: `${other.origin}/landing` }, ''];
    try {
      const credentials = [USER_AGENT, header('Authorization', 'Bearer abc'), header('Cookie', 'session=1'), header('X-Custom', 'kept')];
      for (const status of [301, 302, 303, 307, 308]) {
        const run = await both(planFor(`${server.origin}/cross${status}`, { method: 'GET', headers: credentials }), [server, other]);
        assert.equal(run.ours.outcome, 'refused', `cross-origin ${status}`);
        assert.deepEqual(run.received[1].ours, [], `cross-origin ${status}: the other origin received nothing from the executor`);
        assert.ok('status' in run.theirs && run.theirs.status === 200, `cross-origin ${status}: fetch followed it`);
      }
    } finally {
      await server.close();
      await other.close();
    }
  });

  test('redirect limits and bad targets: 20 hops followed, a 21st, a non-HTTP(S) and an invalid Location fail both', async () => {
    const answers: Record<string, Answer> = {};
    for (let i = 0; i < 21; i++) answers[`/hop${i}`] = [302, { Location: `/hop${i + 1}` }, ''];
    answers['/hop21'] = [200, {}, 'after 21 redirects'];
    answers['/hop20'] = [200, {}, 'after 20 redirects'];
    answers['/long0'] = [302, { Location: '/long1' }, ''];
    for (let i = 1; i < 22; i++) answers[`/long${i}`] = [302, { Location: `/long${i + 1}` }, ''];
    answers['/ftp'] = [302, { Location: 'ftp://127.0.0.1/file' }, ''];
    answers['/invalid'] = [302, { Location: 'https://[::1' }, ''];
    const server = await routed(answers);
    try {
      for (const path of ['/hop0', '/long0', '/ftp', '/invalid']) assertAgree(await both(planFor(`${server.origin}${path}`), [server]), path);
    } finally {
      await server.close();
    }
  });

  test('content codings: decoded as fetch\'s text() decodes them, or left alone, or a failure', async () => {
    const text = Buffer.from('{"orders":[{"id":1,"note":"déjà vu ✓"}]}'.repeat(40));
    const gzip = zlib.gzipSync(text);
    const answers: Record<string, Answer> = {
      '/gzip': [200, { 'Content-Encoding': 'gzip' }, gzip],
      '/x-gzip': [200, { 'Content-Encoding': 'x-gzip' }, gzip],
      '/upper': [200, { 'Content-Encoding': 'GZIP' }, gzip],
      '/deflate': [200, { 'Content-Encoding': 'deflate' }, zlib.deflateSync(text)],
      '/deflate-raw': [200, { 'Content-Encoding': 'deflate' }, zlib.deflateRawSync(text)],
      '/br': [200, { 'Content-Encoding': 'br' }, zlib.brotliCompressSync(text)],
      '/two': [200, { 'Content-Encoding': 'deflate, gzip' }, zlib.gzipSync(zlib.deflateSync(text))],
      '/identity': [200, { 'Content-Encoding': 'identity' }, text],
      '/unknown': [200, { 'Content-Encoding': 'compress' }, gzip],
      '/known-and-unknown': [200, { 'Content-Encoding': 'gzip, compress' }, gzip],
      '/corrupt': [200, { 'Content-Encoding': 'gzip' }, Buffer.concat([gzip.subarray(0, 20), Buffer.from('not gzip at all')])],
      '/truncated': [200, { 'Content-Encoding': 'gzip' }, gzip.subarray(0, gzip.length - 12)],
      '/error-page': [502, { 'Content-Encoding': 'gzip', 'Content-Type': 'text/html' }, zlib.gzipSync('<html>bad gateway</html>')],
      '/bom-latin1': [200, {}, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('caf\xe9 ok', 'latin1')])],
    };
    const server = await routed(answers);
    try {
      for (const path of Object.keys(answers)) assertAgree(await both(planFor(`${server.origin}${path}`), [server]), path);
    } finally {
      await server.close();
    }
  });
});
