// `opencx-actions pull` against the fake OpenCX API (HTTPS on 127.0.0.1, its certificate trusted through
// NODE_EXTRA_CA_CERTS as a company CA would be): formats, exit codes, conflicts, and the key never printed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { remoteAction, startFakeApi, type FakeApi } from '../fakes/opencxApi';
import { tempFolder, writeFile } from './cliHarness';
import { runCliAsync } from './runHarness';

const KEY = 'ocx_live_pull_test_key';

describe('pull', () => {
  let api: FakeApi;
  let caFile = '';

  before(async () => {
    api = await startFakeApi({ keys: { [KEY]: ['actions:read'], ocx_live_nothing: [] }, actions: [remoteAction('act_1', 'Look up order'), remoteAction('act_2', 'Track parcel', { enabled_on_channel: { channels: ['web', 'whatsapp'] } })] });
  });
  after(() => api.close());

  function project(t: Parameters<typeof tempFolder>[0], api_: Record<string, unknown> = { key: '${secret:OPENCX_KEY}' }): string {
    const folder = tempFolder(t);
    caFile = writeFile(folder, 'ca.pem', api.ca);
    writeFile(folder, 'opencx.config.json', JSON.stringify({ api: { baseUrl: api.baseUrl, ...api_ }, environments: { staging: { api: { key: '${secret:STAGING_KEY}' } } } }, null, 2));
    return folder;
  }
  const env = (extra: Record<string, string> = {}) => ({ NODE_EXTRA_CA_CERTS: caFile, OPENCX_SECRET_OPENCX_KEY: KEY, ...extra });

  test('into an empty folder: one file per action in actions/, JSON summary, exit 0; the files lint without schema errors', async (t) => {
    const folder = project(t);
    const run = await runCliAsync(['pull', '--format', 'json'], folder, env());
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { created: ['actions/look-up-order.action.json', 'actions/track-parcel.action.json'], updated: [], unchanged: [], conflicts: [] });
    const parcel = JSON.parse(fs.readFileSync(path.join(folder, 'actions/track-parcel.action.json'), 'utf8'));
    assert.deepEqual(parcel.channels, ['widget', 'whatsapp']);
    assert.equal(parcel.remote.id, 'act_2');
    assert.equal(parcel.remote.segmentsUnknown, true);
    const lint = await runCliAsync(['lint', 'actions', '--format', 'json'], folder, {});
    const codes = (JSON.parse(lint.stdout) as { code: string; severity: string }[]);
    assert.deepEqual(codes.filter((f) => f.severity === 'error'), [], lint.stdout);
    assert.ok(!run.stdout.includes(KEY) && !run.stderr.includes(KEY));
    assert.equal(api.requests.at(-1)!.headers.authorization, `Bearer ${KEY}`);
  });

  test('again: unchanged; after a local edit: a conflict (exit 1) left alone; --force overwrites it', async (t) => {
    const folder = project(t);
    assert.equal((await runCliAsync(['pull'], folder, env())).status, 0);
    const again = await runCliAsync(['pull', '--format', 'json'], folder, env());
    assert.deepEqual(JSON.parse(again.stdout).unchanged, ['actions/look-up-order.action.json', 'actions/track-parcel.action.json']);
    const file = path.join(folder, 'actions/look-up-order.action.json');
    const edited = fs.readFileSync(file, 'utf8').replace('"Look up order"', '"Look up an order"');
    fs.writeFileSync(file, edited);
    const conflict = await runCliAsync(['pull'], folder, env());
    assert.equal(conflict.status, 1);
    assert.match(conflict.stdout, /^pulled: 0 created, 0 updated, 1 unchanged, 1 conflicts\n/);
    assert.match(conflict.stdout, /conflicts \(changed here since the last pull; --force overwrites\):\n {2}actions\/look-up-order\.action\.json/);
    assert.equal(fs.readFileSync(file, 'utf8'), edited);
    const forced = await runCliAsync(['pull', '--force', '--format', 'json'], folder, env());
    assert.equal(forced.status, 0);
    assert.deepEqual(JSON.parse(forced.stdout).updated, ['actions/look-up-order.action.json']);
    assert.match(fs.readFileSync(file, 'utf8'), /"name": "Look up order"/);
  });

  test('--out DIR, and OPENCX_API_KEY when the config names no key', async (t) => {
    const folder = project(t, {});
    const run = await runCliAsync(['pull', '--out', '.', '--format', 'json'], folder, { NODE_EXTRA_CA_CERTS: caFile, OPENCX_API_KEY: KEY });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).created.length, 2);
  });

  test('no opencx.config.json above --out: the default base URL (OPENCX_API_BASE_URL stands in for it here), then a minimal config that later pulls use', async (t) => {
    const folder = tempFolder(t);
    assert.equal(fs.existsSync(path.join(path.dirname(folder), 'opencx.config.json')), false, 'the temp folder has no config above it');
    caFile = writeFile(folder, 'ca.pem', api.ca);
    const out = path.join(folder, 'org');
    const before = api.requests.length;
    const run = await runCliAsync(['pull', '--out', 'org', '--format', 'json'], folder, { NODE_EXTRA_CA_CERTS: caFile, OPENCX_API_KEY: KEY, OPENCX_API_BASE_URL: api.baseUrl });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).created, ['org/actions/look-up-order.action.json', 'org/actions/track-parcel.action.json']);
    assert.deepEqual(api.requests.slice(before).map((r) => `${r.method} ${r.path}`), ['GET /actions']);
    assert.equal(fs.readFileSync(path.join(out, 'opencx.config.json'), 'utf8'), `{\n  "api": {\n    "baseUrl": "${api.baseUrl}"\n  }\n}\n`);
    // The written config is found now: no base URL from the environment is needed, and nothing changed remotely.
    const again = await runCliAsync(['pull', '--format', 'json'], out, { NODE_EXTRA_CA_CERTS: caFile, OPENCX_API_KEY: KEY });
    assert.equal(again.status, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).unchanged.length, 2);
    assert.ok(!fs.readFileSync(path.join(out, 'opencx.config.json'), 'utf8').includes(KEY));
  });

  test('no config: --env needs one, a missing key is exit 2 before any request, and no config is written (the default base URL itself: test/unit/sync/apiTargetAndRemoteVersion)', async (t) => {
    const folder = tempFolder(t);
    const run = await runCliAsync(['pull', '--env', 'staging'], folder, {});
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--env "staging" needs an opencx\.config\.json at or above/);
    const noKey = await runCliAsync(['pull'], folder, {});
    assert.equal(noKey.status, 2);
    assert.match(noKey.stderr, /no API key: export OPENCX_API_KEY/);
    assert.equal(fs.existsSync(path.join(folder, 'opencx.config.json')), false, 'no config is written when nothing was pulled');
  });

  test('exit 2: a key without the scope (403 names actions:read), a refused key (401), no key, an unknown --env', async (t) => {
    const folder = project(t);
    const forbidden = await runCliAsync(['pull'], folder, env({ OPENCX_SECRET_OPENCX_KEY: 'ocx_live_nothing' }));
    assert.equal(forbidden.status, 2);
    assert.match(forbidden.stderr, /403, the API key lacks the scope actions:read/);
    const refused = await runCliAsync(['pull'], folder, env({ OPENCX_SECRET_OPENCX_KEY: 'ocx_live_unknown' }));
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /401, the API key was refused/);
    assert.ok(!refused.stderr.includes('ocx_live_unknown'));
    const noKey = await runCliAsync(['pull'], folder, { NODE_EXTRA_CA_CERTS: caFile });
    assert.equal(noKey.status, 2);
    assert.match(noKey.stderr, /the API key \$\{secret:OPENCX_KEY\} is not set: export OPENCX_SECRET_OPENCX_KEY/);
    const staging = await runCliAsync(['pull', '--env', 'staging'], folder, env());
    assert.equal(staging.status, 2, 'the staging environment has its own key, which is not set');
    assert.match(staging.stderr, /STAGING_KEY/);
    const unknown = await runCliAsync(['pull', '--env', 'nowhere'], folder, env());
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--env "nowhere" is not defined/);
  });
});
