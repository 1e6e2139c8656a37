// The executor with a plan's connectTo (curl's --connect-to): the connection goes to the given address while the
// URL, the Host header and the TLS server name (SNI and the certificate check) stay the real host's. The server here
// has a certificate for api.test.example only (made with openssl in the test) and records what each client asked for.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { executePlan } from '../../../server/src/engine/execute';
import { closedPort, planFor } from './harness';

const HOST = 'api.test.example';
const BODY = `hello from ${HOST}`;

/** A self-signed certificate whose only name is DNS:`host`. */
function certificateFor(host: string): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-connect-to-'));
  try {
    const run = spawnSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`,
    ], { encoding: 'utf8' });
    assert.ok(!run.error && run.status === 0, `openssl could not make the certificate: ${run.stderr ?? run.error}`);
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface Seen {
  /** The TLS server name of each ClientHello (SNI), in order. */
  servernames: string[];
  /** Each request: its Host header, path and the servername of its TLS socket. */
  requests: { host: string | undefined; url: string; servername: string | false | null | undefined }[];
  connections: number;
}

describe('executePlan with plan.connectTo', () => {
  const certificate = certificateFor(HOST);
  const seen: Seen = { servernames: [], requests: [], connections: 0 };
  let server: https.Server;
  let port: number;

  before(async () => {
    const context = tls.createSecureContext({ key: certificate.key, cert: certificate.cert });
    server = https.createServer({
      key: certificate.key,
      cert: certificate.cert,
      SNICallback: (servername, callback) => {
        seen.servernames.push(servername);
        callback(null, context);
      },
    }, (req, res) => {
      seen.requests.push({ host: req.headers.host, url: req.url ?? '', servername: (req.socket as tls.TLSSocket).servername });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(BODY);
    });
    server.on('connection', () => seen.connections++);
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** What the server saw during `fn`. */
  async function observe<T>(fn: () => Promise<T>): Promise<{ value: T; servernames: string[]; requests: Seen['requests']; connections: number }> {
    const from = { servernames: seen.servernames.length, requests: seen.requests.length, connections: seen.connections };
    const value = await fn();
    return { value, servernames: seen.servernames.slice(from.servernames), requests: seen.requests.slice(from.requests), connections: seen.connections - from.connections };
  }

  test('trusted CA: sent to the local server with Host and TLS name api.test.example, marked as differing from OpenCX', async () => {
    const plan = planFor(`https://${HOST}/v1/orders/7`, { connectTo: { host: HOST, address: `127.0.0.1:${port}` } });
    const { value: result, servernames, requests } = await observe(() => executePlan(plan, { caCertificates: [certificate.cert] }));
    assert.equal(result.outcome, 'success', JSON.stringify(result.error));
    assert.deepEqual(result.ai, { status: 200, body: BODY });
    assert.deepEqual(requests, [{ host: HOST, url: '/v1/orders/7', servername: HOST }]);
    assert.deepEqual(servernames, [HOST]);
    assert.equal(result.request.url, `https://${HOST}/v1/orders/7`, 'the URL shown is the real one');
    assert.equal(result.differsFromOpenCX, true);
    assert.ok(result.notes.some((n) => n.includes(`127.0.0.1:${port} instead of resolving ${HOST} (connectTo): OpenCX always resolves the real host.`)), result.notes.join('\n'));
  });

  test('a port in the URL stays in the Host header; the connection goes to the address\'s port', async () => {
    const plan = planFor(`https://${HOST}:4443/x`, { connectTo: { host: HOST, address: `127.0.0.1:${port}` } });
    const { value: result, requests } = await observe(() => executePlan(plan, { caCertificates: [certificate.cert] }));
    assert.equal(result.outcome, 'success', JSON.stringify(result.error));
    assert.deepEqual(requests, [{ host: `${HOST}:4443`, url: '/x', servername: HOST }]);
  });

  test('without caCertificates: a certificate error, the AI gets "Something went wrong", no request', async () => {
    const plan = planFor(`https://${HOST}/v1/orders/7`, { connectTo: { host: HOST, address: `127.0.0.1:${port}` } });
    const { value: result, servernames, requests, connections } = await observe(() => executePlan(plan));
    assert.equal(result.outcome, 'network-error');
    assert.deepEqual(result.ai, { status: null, body: 'Something went wrong' });
    assert.match(result.error?.code ?? '', /SELF_SIGNED|UNABLE_TO_VERIFY/);
    assert.equal(result.sent, true);
    assert.deepEqual(requests, []);
    assert.equal(connections, 1, 'connectTo sent the connection to the local server');
    assert.deepEqual(servernames, [HOST]);
    assert.equal(result.differsFromOpenCX, true);
  });

  test('the certificate is checked against the URL\'s host, not the address: another name fails even with the CA', async () => {
    const other = 'other.test.example';
    const plan = planFor(`https://${other}/x`, { connectTo: { host: other, address: `127.0.0.1:${port}` } });
    const { value: result, servernames, requests } = await observe(() => executePlan(plan, { caCertificates: [certificate.cert] }));
    assert.equal(result.outcome, 'network-error');
    assert.deepEqual(result.ai, { status: null, body: 'Something went wrong' });
    assert.equal(result.error?.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
    assert.deepEqual(servernames, [other]);
    assert.deepEqual(requests, []);
  });

  test('connectTo for another host does not apply: the URL\'s host is resolved (and .example does not resolve)', async () => {
    const plan = planFor(`https://${HOST}/x`, { connectTo: { host: 'elsewhere.test.example', address: `127.0.0.1:${port}` } });
    const { value: result, connections } = await observe(() => executePlan(plan, { caCertificates: [certificate.cert] }));
    assert.equal(result.outcome, 'network-error');
    assert.match(result.error?.code ?? '', /^(ENOTFOUND|EAI_AGAIN)$/);
    assert.equal(connections, 0);
  });

  test('an address where nothing listens: ECONNREFUSED with that address, "Something went wrong"', async () => {
    const closed = await closedPort();
    const plan = planFor(`https://${HOST}/x`, { connectTo: { host: HOST, address: `127.0.0.1:${closed}` } });
    const result = await executePlan(plan, { caCertificates: [certificate.cert] });
    assert.equal(result.outcome, 'network-error');
    assert.deepEqual(result.ai, { status: null, body: 'Something went wrong' });
    assert.deepEqual(result.error, { code: 'ECONNREFUSED', message: `ECONNREFUSED 127.0.0.1:${closed}` });
  });

  for (const address of ['localhost', '127.0.0.1:99999', '127.0.0.1:0']) {
    test(`an unusable address (${address}, e.g. from a config with errors) is refused with a clear message, not thrown`, async () => {
      const plan = planFor(`https://${HOST}/x`, { connectTo: { host: HOST, address } });
      const { value: result, connections } = await observe(() => executePlan(plan, { caCertificates: [certificate.cert] }));
      assert.equal(result.outcome, 'refused');
      assert.equal(result.sent, false);
      assert.deepEqual(result.ai, { status: null, body: '' });
      assert.equal(result.error?.code, 'INVALID_CONNECT_TO');
      assert.ok(result.error?.message.includes(`"${address}"`), result.error?.message);
      assert.equal(connections, 0);
    });
  }
});
