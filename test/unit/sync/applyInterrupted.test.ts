// A push that stops half-way (an API failure, or Cancel in VS Code) against the fake OpenCX API: the files OpenCX
// already answered for are recorded before the next request, so the next push does not create them twice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiError, OpenCxApiClient } from '../../../server/src/engine/sync/apiClient';
import { applyPush, type PushedFile } from '../../../server/src/engine/sync/apply';
import { planPush } from '../../../server/src/engine/sync/push';
import type { Clock } from '../../../server/src/engine/sync/rateLimit';
import { startFakeApi, type FakeApi } from '../../fakes/opencxApi';

const INSTANT: Clock = { now: () => 0, sleep: async () => undefined };
const action = (name: string) => ({ name, description: `${name}: look it up by its number and return its status.`, method: 'GET', endpoint: 'https://api.shop.example/x' });

describe('an interrupted push', () => {
  let api: FakeApi;
  before(async () => {
    api = await startFakeApi({ keys: { k: ['actions:read', 'actions:write'] } });
  });
  after(() => api.close());

  test('a failure on the second create: the first file was recorded before it, then the error', async () => {
    const actions = new Map([['/p/a.action.json', action('First')], ['/p/b.action.json', action('Second')]]);
    const plan = planPush([...actions].map(([id, a]) => ({ id, action: a })), []);
    const client = new OpenCxApiClient({ baseUrl: api.baseUrl, key: 'k', caCertificates: [api.ca], clock: INSTANT });
    const recorded: PushedFile[] = [];
    await assert.rejects(applyPush(plan, actions, client, (file) => {
      recorded.push(file);
      api.rateLimitNext(4, 0); // the next request gets 429 four times: past the client's three retries
    }), (error: unknown) => error instanceof ApiError && /429/.test(error.message));
    assert.deepEqual(recorded.map((f) => [f.id, f.kind]), [['/p/a.action.json', 'created']]);
    assert.equal(JSON.parse(recorded[0].text).remote.id, recorded[0].remoteId);
    assert.deepEqual([...api.actions.values()].map((a) => a.name), ['First']);
    await client.close();
  });

  test('a cancelled client sends nothing more and says so', async () => {
    const abort = new AbortController();
    abort.abort();
    const before = api.requests.length;
    const client = new OpenCxApiClient({ baseUrl: api.baseUrl, key: 'k', caCertificates: [api.ca], clock: INSTANT, signal: abort.signal });
    await assert.rejects(client.listActions(), /GET https:\/\/127\.0\.0\.1:\d+\/actions was cancelled before it was sent/);
    assert.equal(api.requests.length, before);
    await client.close();
  });

  test('an untrusted certificate is named as such, with where to add the CA', async () => {
    const client = new OpenCxApiClient({ baseUrl: api.baseUrl, key: 'k', clock: INSTANT });
    await assert.rejects(client.listActions(), /the server's TLS certificate is not trusted \(.+\); add its CA to opencx\.run\.caCertificates \(VS Code\) or NODE_EXTRA_CA_CERTS \(CLI\)/);
    await client.close();
  });
});
