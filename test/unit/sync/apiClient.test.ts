// The OpenCX API client against a real HTTPS server on 127.0.0.1 (test/fakes/opencxApi.ts): auth, scopes, the two
// list shapes, 429 with Retry-After, and the 100-a-minute limit on a fake clock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError, OpenCxApiClient, retryAfterMs } from '../../../server/src/engine/sync/apiClient';
import { RateLimiter, type Clock } from '../../../server/src/engine/sync/rateLimit';
import { remoteAction, startFakeApi, type FakeApi } from '../../fakes/opencxApi';

/** A clock whose sleeps pass at once and move time forward, recording how long each was. */
function fakeClock(start = 0): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return { slept, now: () => now, sleep: async (ms) => { slept.push(ms); now += Math.max(0, ms); } };
}

describe('OpenCX API client', () => {
  let api: FakeApi;
  const client = (key = 'ocx_live_read_write', clock?: Clock) => new OpenCxApiClient({ baseUrl: api.baseUrl, key, caCertificates: [api.ca], clock });

  before(async () => {
    api = await startFakeApi({ keys: { ocx_live_read_write: ['actions:read', 'actions:write'], ocx_live_read: ['actions:read'] }, actions: [remoteAction('act_1', 'Look up order')] });
  });
  after(() => api.close());

  test('lists, gets, creates and updates with the bearer key', async () => {
    const c = client();
    assert.deepEqual((await c.listActions()).map((a) => a.id), ['act_1']);
    assert.equal((await c.getAction('act_1')).name, 'Look up order');
    const created = await c.createAction({ name: 'Refund order', api_endpoint: 'https://api.shop.example/refunds' });
    assert.match(created.id, /^act_/);
    assert.equal((await c.updateAction(created.id, { description: 'Refund an order in full.' })).description, 'Refund an order in full.');
    assert.deepEqual(api.requests.slice(-4).map((r) => `${r.method} ${r.path}`), ['GET /actions', 'GET /actions/act_1', 'POST /actions', `PATCH /actions/${created.id}`]);
    assert.equal(api.requests.at(-1)!.headers.authorization, 'Bearer ocx_live_read_write');
    await c.close();
  });

  test('accepts { "data": [...] } as well as a bare array', async () => {
    const wrapped = await startFakeApi({ keys: { k: ['actions:read'] }, actions: [remoteAction('act_9', 'Track parcel')], listShape: 'data' });
    try {
      assert.deepEqual((await new OpenCxApiClient({ baseUrl: wrapped.baseUrl, key: 'k', caCertificates: [wrapped.ca] }).listActions()).map((a) => a.id), ['act_9']);
    } finally {
      await wrapped.close();
    }
  });

  test('401 says the key was refused, 403 names the scope the key needs; neither message holds the key', async () => {
    await assert.rejects(client('ocx_live_wrong').listActions(), (e: ApiError) => e.status === 401 && /the API key was refused/.test(e.message) && !e.message.includes('ocx_live_wrong'));
    await assert.rejects(client('ocx_live_read').createAction({ name: 'x' }), (e: ApiError) => e.status === 403 && /lacks the scope actions:write/.test(e.message) && !e.message.includes('ocx_live_read'));
  });

  test('a 429 waits for Retry-After, then succeeds', async () => {
    const clock = fakeClock();
    api.rateLimitNext(2, 7);
    assert.equal((await client(undefined, clock).listActions()).length >= 1, true);
    assert.deepEqual(clock.slept, [7000, 7000]);
  });

  test('a server that keeps answering 429 is reported after three retries', async () => {
    api.rateLimitNext(10, 1);
    await assert.rejects(client(undefined, fakeClock()).listActions(), /429, rate limited/);
    api.rateLimitNext(0, 0);
  });

  test('Retry-After as seconds or as an HTTP date; a minute when absent', () => {
    assert.equal(retryAfterMs('12', 0), 12_000);
    assert.equal(retryAfterMs(new Date(90_000).toUTCString(), 30_000), 60_000);
    assert.equal(retryAfterMs(undefined, 0), 60_000);
  });
});

describe('rate limit', () => {
  test('never more than 100 requests in any minute: 250 requests take two full waits', async () => {
    const clock = fakeClock(1_000_000);
    const limiter = new RateLimiter(clock);
    const times: number[] = [];
    for (let i = 0; i < 250; i++) {
      await limiter.take();
      times.push(clock.now());
    }
    for (let i = 100; i < times.length; i++) assert.ok(times[i] - times[i - 100] >= 60_000, `request ${i} came ${times[i] - times[i - 100]} ms after request ${i - 100}`);
    assert.equal(times.at(-1)! - times[0], 120_000);
  });
});

describe('a 250-action push', () => {
  test('sends 250 creates with never more than 100 in any minute of the (fake) clock', async () => {
    const { applyPush } = await import('../../../server/src/engine/sync/apply');
    const { planPush } = await import('../../../server/src/engine/sync/push');
    const server = await startFakeApi({ keys: { k: ['actions:read', 'actions:write'] } });
    try {
      const clock = fakeClock(5_000_000);
      const files = Array.from({ length: 250 }, (_, i) => ({ id: `/p/a${i}.action.json`, action: { name: `Action number ${i}`, description: `Look up thing number ${i} and return its status.`, method: 'GET', endpoint: `https://api.example.com/things/${i}` } as Record<string, unknown> }));
      const client = new OpenCxApiClient({ baseUrl: server.baseUrl, key: 'k', caCertificates: [server.ca], clock });
      const sentAt: number[] = [];
      const timed = new Proxy(client, { get: (target, prop) => (prop === 'createAction' ? async (body: Record<string, unknown>) => { const r = await target.createAction(body); sentAt.push(clock.now()); return r; } : Reflect.get(target, prop)) });
      const done = await applyPush(planPush(files, []), new Map(files.map((f) => [f.id, f.action])), timed);
      assert.equal(done.length, 250);
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 250);
      for (let i = 100; i < sentAt.length; i++) assert.ok(sentAt[i] - sentAt[i - 100] >= 60_000, `request ${i}`);
      assert.ok(sentAt.at(-1)! - sentAt[0] >= 120_000);
      await client.close();
    } finally {
      await server.close();
    }
  });
});
