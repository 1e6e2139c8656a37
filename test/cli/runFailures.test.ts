// `opencx-actions run` when the AI would not get an answer: a missing secret (refused, nothing sent), a DNS failure,
// connection refused and a development timeout; exit 1 for each. The servers here run in this process and count
// what they receive; the CLI is spawned without blocking them.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { selfSignedCertificate } from '../unit/execute/certificate';
import { closedPort, startServer, type TestServer } from '../unit/execute/harness';
import { writeFile } from './cliHarness';
import {
  assertNoSecret, DEMO_HOST, DEMO_TOKEN, demoWorkspace, hostCertificate, makeTempFolder, parseRun, runCliAsync, TOKEN_ENV,
} from './runHarness';

const LOOK_UP = ['actions/look-up-order.action.json', '--param', 'order_id=10452'];

describe('run: a missing secret is refused before anything is sent', () => {
  const temp = makeTempFolder();
  let server: TestServer;
  let workspace: string;
  let caFile: string;

  before(async () => {
    const certificate = hostCertificate(DEMO_HOST);
    caFile = writeFile(temp.path, 'ca.pem', certificate.cert);
    server = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-echo': String(req.headers.authorization) });
      res.end(`you sent ${req.headers.authorization}`);
    }, { ...certificate, maker: 'openssl' });
    workspace = demoWorkspace(path.join(temp.path, 'workspace'), server.port);
  });
  after(async () => {
    await server?.close();
    temp.remove();
  });

  test('with the secret set (the control): one request, the token filled in on the wire, masked in the output', async () => {
    const before = server.requests.length;
    const result = await runCliAsync(['run', ...LOOK_UP, '--ca', caFile, '--format', 'json'], workspace, TOKEN_ENV);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, before + 1);
    const authorization = server.requests[before].headers.find(([name]) => name.toLowerCase() === 'authorization');
    assert.ok(authorization?.[1] === `Bearer ${DEMO_TOKEN}`, 'the server got the token in Authorization');
    // The server echoes the token in its body and a header: the CLI prints neither.
    assertNoSecret(result);
    const json = parseRun(result);
    assert.equal(json.ai.body, 'you sent Bearer ${secret:SHOP_API_TOKEN}');
  });

  for (const [label, env] of [['not set', {}], ['set but empty', { OPENCX_SECRET_SHOP_API_TOKEN: '' }]] as const) {
    test(`secret ${label}: exit 1, outcome refused, no connection made, and the message names the secret`, async () => {
      const requests = server.requests.length;
      const connections = server.connections;
      const json = await runCliAsync(['run', ...LOOK_UP, '--ca', caFile, '--format', 'json'], workspace, env);
      assert.equal(json.status, 1, json.stderr);
      const result = parseRun(json);
      assert.equal(result.outcome, 'refused');
      assert.deepEqual(result.ai, { status: null, body: '' });
      assert.equal(result.error?.code, 'MISSING_SECRET');
      assert.match(result.error.message, /SHOP_API_TOKEN/);
      assert.equal(result.response.status, null);
      assert.equal(result.request.headers.find((h) => h.name === 'Authorization')?.value, 'Bearer ${secret:SHOP_API_TOKEN}');
      const text = await runCliAsync(['run', ...LOOK_UP, '--ca', caFile], workspace, env);
      assert.equal(text.status, 1, text.stderr);
      assert.match(text.stdout.split('\n')[1], /^Not sent: .*secret SHOP_API_TOKEN has no value/, 'the reason leads: no empty box, no "0 bytes"');
      assert.doesNotMatch(text.stdout, /What the AI receives|0 bytes/);
      assert.match(text.stdout, /^Request \(not sent\): GET https:\/\/api\.acme-shop\.example\//m);
      // Nothing was sent, so no note may claim a connection was made.
      assert.equal(result.notes.some((n) => /\bConnected to\b/.test(n)), false, result.notes.join('\n'));
      assert.equal(server.requests.length, requests, 'the server got a request');
      assert.equal(server.connections, connections, 'a connection was made');
    });
  }
});

describe('run: network errors and timeouts', () => {
  const temp = makeTempFolder();
  const certificate = selfSignedCertificate();
  let silent: TestServer;
  let caFile: string;

  before(async () => {
    caFile = writeFile(temp.path, 'ca.pem', certificate.cert);
    silent = await startServer(() => undefined, certificate); // never answers
  });
  after(async () => {
    await silent?.close();
    temp.remove();
  });

  /** A folder with its own (empty) config and one GET action to `endpoint`. */
  function actionFolder(name: string, endpoint: string): string {
    const folder = path.join(temp.path, name);
    writeFile(folder, 'opencx.config.json', '{}\n');
    writeFile(folder, 'a.action.json', JSON.stringify({
      name: 'Slow thing', description: 'Look up a slow thing on a local test server, for the run tests.', method: 'GET', endpoint,
    }, null, 2));
    return folder;
  }

  test('environment "staging" has no connectTo: the real host does not resolve, exit 1, "Something went wrong"', async () => {
    const workspace = demoWorkspace(path.join(temp.path, 'staging'), silent.port);
    const connections = silent.connections;
    const json = await runCliAsync(['run', ...LOOK_UP, '--env', 'staging', '--ca', caFile, '--format', 'json'], workspace, TOKEN_ENV);
    assert.equal(json.status, 1, json.stderr);
    assertNoSecret(json);
    const result = parseRun(json);
    assert.equal(result.outcome, 'network-error');
    assert.deepEqual(result.ai, { status: null, body: 'Something went wrong' });
    // ENOTFOUND offline and on the internet (.example never resolves); EAI_AGAIN when no DNS server answers at all.
    assert.match(result.error?.code ?? '', /^(ENOTFOUND|EAI_AGAIN)$/);
    assert.equal(result.error?.message, `${result.error?.code} ${DEMO_HOST}`);
    assert.equal(result.request.headers.find((h) => h.name === 'X-Shop-Region')?.value, 'eu-staging');
    assert.equal(result.notes.some((n) => n.includes('connectTo')), false, result.notes.join('\n'));
    const text = await runCliAsync(['run', ...LOOK_UP, '--env', 'staging', '--ca', caFile], workspace, TOKEN_ENV);
    assert.equal(text.status, 1, text.stderr);
    assert.equal(text.stdout.split('\n')[1], 'What the AI receives: no status (network error)');
    assert.equal(text.stdout.split('\n')[3], 'Something went wrong');
    assert.match(text.stdout, new RegExp(`^Underlying error \\(not given to the AI\\): (ENOTFOUND|EAI_AGAIN) ${DEMO_HOST.replace(/\./g, '\\.')}$`, 'm'));
    assert.equal(silent.connections, connections, 'staging must not use local-demo\'s connectTo');
  });

  test('a server that never answers, with --timeout-ms 300: exit 1, 408 and the sentence with 300ms, marked as differing', async () => {
    const folder = actionFolder('timeout', `https://127.0.0.1:${silent.port}/v1/slow`);
    const requests = silent.requests.length;
    const json = await runCliAsync(['run', 'a.action.json', '--timeout-ms', '300', '--ca', caFile, '--format', 'json'], folder);
    assert.equal(json.status, 1, json.stderr);
    const result = parseRun(json);
    assert.equal(result.outcome, 'timeout');
    assert.deepEqual(result.ai, { status: 408, body: 'Request timed out after 300ms' });
    assert.equal(result.error?.code, 'TIMEOUT');
    assert.equal(result.differsFromOpenCX, true);
    assert.ok(result.notes.some((n) => n.startsWith('Development timeout of 300 ms: OpenCX always waits 60000 ms')), result.notes.join('\n'));
    assert.equal(silent.requests.length, requests + 1, 'exactly one request (no retry)');
    assert.equal(silent.requests[requests].url, '/v1/slow');
    const text = await runCliAsync(['run', 'a.action.json', '--timeout-ms', '300', '--ca', caFile], folder);
    assert.equal(text.status, 1, text.stderr);
    assert.deepEqual(text.stdout.split('\n').slice(1, 4), ['What the AI receives: status 408 (timed out)', '─'.repeat(60), 'Request timed out after 300ms']);
    assert.match(text.stdout, /^Timed out after 300 ms$/m);
  });

  test('without --ca the self-signed test server is a certificate error: exit 1, "Something went wrong"', async () => {
    const folder = actionFolder('untrusted', `https://127.0.0.1:${silent.port}/v1/slow`);
    const requests = silent.requests.length;
    const result = await runCliAsync(['run', 'a.action.json', '--format', 'json'], folder);
    assert.equal(result.status, 1, result.stderr);
    const json = parseRun(result);
    assert.equal(json.outcome, 'network-error');
    assert.deepEqual(json.ai, { status: null, body: 'Something went wrong' });
    assert.match(json.error?.code ?? '', /SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    assert.equal(silent.requests.length, requests, 'no request after a failed handshake');
  });

  test('a connectTo address without a port (a config with errors): exit 1, refused with a clear message, no crash', async () => {
    const workspace = demoWorkspace(path.join(temp.path, 'bad-address'), silent.port, (config) => {
      config.environments['local-demo'].connectTo = { [DEMO_HOST]: 'localhost' };
    });
    const result = await runCliAsync(['run', ...LOOK_UP, '--format', 'json'], workspace, TOKEN_ENV);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    const json = parseRun(result);
    assert.equal(json.outcome, 'refused');
    assert.equal(json.error?.code, 'INVALID_CONNECT_TO');
    assert.match(json.error.message, /connectTo for api\.acme-shop\.example must be address:port .*got "localhost"/);
    assert.ok(json.notes.some((n) => /opencx\.config\.json has 1 error/.test(n)), json.notes.join('\n'));
  });

  test('connection refused: exit 1, "Something went wrong", ECONNREFUSED with the address', async () => {
    const port = await closedPort();
    const folder = actionFolder('refused', `https://127.0.0.1:${port}/v1/x`);
    const result = await runCliAsync(['run', 'a.action.json', '--format', 'json'], folder);
    assert.equal(result.status, 1, result.stderr);
    const json = parseRun(result);
    assert.equal(json.outcome, 'network-error');
    assert.deepEqual(json.ai, { status: null, body: 'Something went wrong' });
    assert.deepEqual(json.error, { code: 'ECONNREFUSED', message: `ECONNREFUSED 127.0.0.1:${port}` });
  });
});
