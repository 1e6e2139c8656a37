// `opencx-actions run` and http:// endpoints: refused the way OpenCX refuses them (exit 1, outcome refused, nothing
// sent, a clear message); `--allow-http` sends to a loopback host only, and the result says OpenCX would not call it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertHeaders, ADDED_WITHOUT_BODY, startServer, type TestServer } from '../unit/execute/harness';
import { writeFile } from './cliHarness';
import { makeTempFolder, parseRun, runCliAsync } from './runHarness';

const PONG = '{"pong":true}';

describe('run: http:// endpoints', () => {
  const temp = makeTempFolder();
  let server: TestServer;

  before(async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(PONG);
    });
  });
  after(async () => {
    await server?.close();
    temp.remove();
  });

  function actionFolder(name: string, endpoint: string): string {
    const folder = path.join(temp.path, name);
    writeFile(folder, 'opencx.config.json', '{}\n');
    writeFile(folder, 'a.action.json', JSON.stringify({
      name: 'Ping', description: 'Ping the local development API and return whether it answered.', method: 'GET', endpoint,
      headers: { Accept: 'application/json' },
    }, null, 2));
    return folder;
  }

  /** Runs and checks that the server saw no connection at all. */
  async function runUnsent(folder: string, args: string[]) {
    const requests = server.requests.length;
    const connections = server.connections;
    const result = await runCliAsync(['run', 'a.action.json', ...args], folder);
    assert.equal(server.requests.length, requests, 'the server got a request');
    assert.equal(server.connections, connections, 'a connection was made');
    return result;
  }

  test('without --allow-http: exit 1, outcome refused, nothing sent, and the message says OpenCX only calls https://', async () => {
    const folder = actionFolder('plain', `http://127.0.0.1:${server.port}/v1/ping`);
    const json = await runUnsent(folder, ['--format', 'json']);
    assert.equal(json.status, 1, json.stderr);
    const result = parseRun(json);
    assert.equal(result.outcome, 'refused');
    assert.deepEqual(result.ai, { status: null, body: '' });
    assert.equal(result.error?.code, 'HTTP_NOT_ALLOWED');
    assert.match(result.error.message, /OpenCX only calls https:\/\/ endpoints/);
    assert.equal(result.request.url, `http://127.0.0.1:${server.port}/v1/ping`);
    const text = await runUnsent(folder, []);
    assert.equal(text.status, 1, text.stderr);
    assert.match(text.stdout.split('\n')[1], /^Not sent: OpenCX only calls https:\/\/ endpoints, and this URL is http:\/\//);
  });

  test('with --allow-http on 127.0.0.1: sent once with the planned headers, exit 0, and marked as differing from OpenCX', async () => {
    const folder = actionFolder('allowed', `http://127.0.0.1:${server.port}/v1/ping`);
    const requests = server.requests.length;
    const json = await runCliAsync(['run', 'a.action.json', '--allow-http', '--format', 'json'], folder);
    assert.equal(json.status, 0, json.stderr);
    const result = parseRun(json);
    assert.equal(result.outcome, 'success');
    assert.deepEqual(result.ai, { status: 200, body: PONG });
    assert.equal(result.differsFromOpenCX, true);
    assert.ok(result.notes.some((n) => n.startsWith('OpenCX would not call this endpoint: it only calls https:// URLs.')), result.notes.join('\n'));
    assert.equal(server.requests.length, requests + 1, 'exactly one request');
    const recorded = server.requests[requests];
    assert.equal(recorded.url, '/v1/ping');
    assertHeaders(recorded, [['User-Agent', 'OpenCX'], ['Accept', 'application/json']], ADDED_WITHOUT_BODY);
    const text = await runCliAsync(['run', 'a.action.json', '--allow-http'], folder);
    assert.equal(text.status, 0, text.stderr);
    assert.deepEqual(text.stdout.split('\n').slice(1, 4), ['What the AI receives: status 200 (answered)', '─'.repeat(60), PONG]);
    assert.match(text.stdout, /^ {2}- OpenCX would not call this endpoint: it only calls https:\/\/ URLs\./m);
  });

  test('with --allow-http but a host that is not loopback: refused, exit 1, nothing sent', async () => {
    // 192.0.2.1 (TEST-NET-1) is never routed: a bug that sent it would time out or fail, not reach anything.
    const folder = actionFolder('remote', 'http://192.0.2.1/v1/ping');
    const json = await runUnsent(folder, ['--allow-http', '--timeout-ms', '2000', '--format', 'json']);
    assert.equal(json.status, 1, json.stderr);
    const result = parseRun(json);
    assert.equal(result.outcome, 'refused');
    assert.equal(result.error?.code, 'HTTP_NOT_ALLOWED');
    assert.match(result.error.message, /only on a loopback host .* not 192\.0\.2\.1/);
  });
});
