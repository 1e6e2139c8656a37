// Where the API is and which key it takes (shared by the CLI and VS Code), and the remote side of the push plan's
// diff: what OpenCX has, written as our file with the local file's order and formatting.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiTargetOf, DEFAULT_API_BASE_URL, minimalConfigText } from '../../../server/src/engine/sync/apiTarget';
import { planPull } from '../../../server/src/engine/sync/pull';
import { remoteVersionText } from '../../../server/src/engine/sync/remoteVersion';
import type { RemoteAction } from '../../../server/src/engine/sync/types';
import { remoteAction } from '../../fakes/opencxApi';

const CONFIG = {
  api: { baseUrl: 'https://api.open.cx', key: '${secret:PROD_KEY}' },
  environments: { staging: { api: { baseUrl: 'https://staging.open.cx', key: '${secret:STAGING_KEY}' } }, local: {} },
};

describe('apiTargetOf', () => {
  test('no config: OpenCX\'s base URL, no key secret (then OPENCX_API_KEY or the stored key)', () => {
    assert.equal(DEFAULT_API_BASE_URL, 'https://api.open.cx');
    assert.deepEqual(apiTargetOf(undefined, undefined, undefined), { ok: true, target: { baseUrl: 'https://api.open.cx' } });
    assert.deepEqual(apiTargetOf(undefined, undefined, undefined, 'https://127.0.0.1:9'), { ok: true, target: { baseUrl: 'https://127.0.0.1:9' } });
    assert.deepEqual(apiTargetOf(undefined, undefined, undefined, ''), { ok: true, target: { baseUrl: 'https://api.open.cx' } });
  });

  test('the config\'s api, overlaid per environment key by key; the fallback only when no base URL is configured', () => {
    assert.deepEqual(apiTargetOf(CONFIG, undefined, 'c.json', 'https://ignored'), { ok: true, target: { baseUrl: 'https://api.open.cx', keySecret: 'PROD_KEY' } });
    assert.deepEqual(apiTargetOf(CONFIG, 'staging', 'c.json'), { ok: true, target: { baseUrl: 'https://staging.open.cx', keySecret: 'STAGING_KEY', environment: 'staging' } });
    assert.deepEqual(apiTargetOf(CONFIG, 'local', 'c.json'), { ok: true, target: { baseUrl: 'https://api.open.cx', keySecret: 'PROD_KEY', environment: 'local' } });
    assert.deepEqual(apiTargetOf({ ...CONFIG, defaultEnvironment: 'staging' }, undefined, 'c.json'), { ok: true, target: { baseUrl: 'https://staging.open.cx', keySecret: 'STAGING_KEY', environment: 'staging' } });
  });

  test('errors worded for people: unknown environment, http, a literal key', () => {
    assert.deepEqual(apiTargetOf(CONFIG, 'prod', 'c.json'), { ok: false, usage: true, message: '--env "prod" is not defined in c.json; available: staging, local' });
    assert.deepEqual(apiTargetOf({ api: { baseUrl: 'http://api.open.cx' } }, undefined, 'c.json'), { ok: false, usage: true, message: 'api.baseUrl must be https://; got "http://api.open.cx"' });
    const literal = apiTargetOf({ api: { key: 'ocx_live_abc' } }, undefined, 'c.json');
    assert.ok(!literal.ok && /must be a \$\{secret:NAME\} reference, never the key itself/.test(literal.message) && !literal.message.includes('ocx_live_abc'));
  });

  test('the minimal config names the base URL only', () => {
    assert.equal(minimalConfigText('https://api.open.cx'), '{\n  "api": {\n    "baseUrl": "https://api.open.cx"\n  }\n}\n');
  });
});

describe('remoteVersionText', () => {
  const remote = (extra: Record<string, unknown> = {}) => remoteAction('act_1', 'Look up order', extra) as unknown as RemoteAction;
  const pulled = () => planPull([remote()], [], { actionsDir: '/p/actions', force: false }).writes[0].text;

  test('a freshly pulled file: the remote version is the file itself', () => {
    assert.equal(remoteVersionText(pulled(), remote()), pulled());
  });

  test('an edited description: only that line differs, local-only fields and order kept', () => {
    const local = JSON.parse(pulled());
    const edited = JSON.stringify({ headers: { Accept: 'application/json' }, ...local, description: 'Edited here.' }, null, 4) + '\n';
    const theirs = remoteVersionText(edited, remote());
    assert.equal(theirs, edited.replace('"Edited here."', JSON.stringify(local.description)));
  });

  test('a remote change: the remote\'s value and updatedAt; a field only here is removed on the remote side', () => {
    const local = JSON.parse(pulled());
    const withTags = JSON.stringify({ ...local, tags: ['orders'] }, null, 2) + '\n';
    const theirs = JSON.parse(remoteVersionText(withTags, remote({ name: 'Find order', updated_at: '2026-02-01T00:00:00Z' })));
    assert.equal(theirs.name, 'Find order');
    assert.equal(theirs.remote.updatedAt, '2026-02-01T00:00:00Z');
    assert.equal(theirs.tags, undefined);
  });

  test('no local file (a remote-only action): the file a pull would create', () => {
    assert.equal(remoteVersionText(undefined, remote()), pulled());
  });
});
