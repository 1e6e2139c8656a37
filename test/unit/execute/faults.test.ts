// Failures: what the AI gets is fixed by OpenCX (408 and one sentence for a timeout, `Something went wrong` for
// any network error), and the human gets the underlying error next to it. Real servers on 127.0.0.1 misbehave on
// purpose; the DNS test asks for a name under .invalid, which can never resolve.
import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import net from 'node:net';
import { describe, test } from 'node:test';
import { Agent } from 'undici';
import { executePlan } from '../../../server/src/engine/execute';
import { nodeCertificate } from './certificate';
import { ADDED_WITHOUT_BODY, assertHeaders, closedPort, type Handler, onlyRequest, planFor, plannedPairs, startServer, trustedTls } from './harness';

/** A self-signed certificate for the test servers, and a dispatcher that trusts it. */
const tls = trustedTls();

const NETWORK_ERROR = { status: null, body: 'Something went wrong' };

describe('timeouts', () => {
  test('no answer: status 408 and the sentence, naming the development timeout; marked as differing', async () => {
    const server = await startServer(() => undefined, tls.certificate);
    try {
      const plan = planFor(`${server.origin}/slow`);
      const result = await executePlan(plan, { dispatcher: tls.agent, timeoutMs: 250 });
      assert.equal(result.outcome, 'timeout');
      assert.deepEqual(result.ai, { status: 408, body: 'Request timed out after 250ms' });
      assert.deepEqual(result.error, { code: 'TIMEOUT', message: 'No complete response within 250 ms; the request was aborted.' });
      assert.equal(result.timeoutMs, 250);
      assert.equal(result.differsFromOpenCX, true);
      assert.ok(result.notes.includes('Development timeout of 250 ms: OpenCX always waits 60000 ms, and its AI would then get "Request timed out after 60000ms".'), result.notes.join('\n'));
      assert.equal(result.response.status, null);
      assert.ok(result.response.timing.totalMs >= 250, `total ${result.response.timing.totalMs} ms`);
      assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
    }
  });

  test('a body that stalls after the headers: still a timeout, and the partial response is recorded', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"items":[');
    }, tls.certificate);
    try {
      const plan = planFor(`${server.origin}/stall`);
      const result = await executePlan(plan, { dispatcher: tls.agent, timeoutMs: 300 });
      assert.equal(result.outcome, 'timeout');
      assert.deepEqual(result.ai, { status: 408, body: 'Request timed out after 300ms' });
      assert.equal(result.response.status, 200);
      assert.equal(result.response.bytes, 10);
      assert.ok(result.notes.includes('Status 200 and 10 bytes of the body had arrived before the timeout; the AI gets none of it.'), result.notes.join('\n'));
      assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
    }
  });

  test('a TLS handshake that never completes: the timeout still fires on time, as fetch\'s does', async () => {
    // A TCP server that accepts and stays silent: undici is still connecting when the signal fires (its own
    // connect timeout, 10 s, would come much later).
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const result = await executePlan(planFor(`https://127.0.0.1:${port}/`), { dispatcher: tls.agent, timeoutMs: 200 });
      assert.equal(result.outcome, 'timeout');
      assert.deepEqual(result.ai, { status: 408, body: 'Request timed out after 200ms' });
      assert.equal(result.response.timing.connectMs, null);
      assert.ok(result.response.timing.totalMs < 2000, `settled after ${result.response.timing.totalMs} ms`);
      assert.equal(sockets.length, 1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('without a development timeout the result is OpenCX\'s 60 s, unmarked', async () => {
    const server = await startServer((_req, res) => res.end('fine'), tls.certificate);
    try {
      const plan = planFor(`${server.origin}/`);
      const result = await executePlan(plan, { dispatcher: tls.agent });
      assert.equal(result.timeoutMs, 60000);
      assert.equal(result.differsFromOpenCX, false);
      assert.deepEqual(result.ai, { status: 200, body: 'fine' });
      assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
    }
  });
});

describe('network errors: the AI gets "Something went wrong", the human the cause', () => {
  test('connection refused (a closed port)', async () => {
    const port = await closedPort();
    const result = await executePlan(planFor(`https://127.0.0.1:${port}/orders/1`), { dispatcher: tls.agent });
    assert.equal(result.outcome, 'network-error');
    assert.deepEqual(result.ai, NETWORK_ERROR);
    assert.deepEqual(result.error, { code: 'ECONNREFUSED', message: `ECONNREFUSED 127.0.0.1:${port}` });
    assert.equal(result.response.status, null);
    assert.equal(result.response.timing.connectMs, null);
    assert.equal(result.response.tokens, 3, 'the AI\'s three words');
  });

  test('DNS failure (nope.invalid)', async () => {
    const result = await executePlan(planFor('https://nope.invalid/'), { dispatcher: tls.agent });
    assert.equal(result.outcome, 'network-error');
    assert.deepEqual(result.ai, NETWORK_ERROR);
    // ENOTFOUND from a resolver; EAI_AGAIN where the machine has no resolver at all.
    assert.match(result.error?.message ?? '', /^(ENOTFOUND|EAI_AGAIN) nope\.invalid$/);
  });

  test('an untrusted (self-signed) certificate: no HTTP request is made', async () => {
    const server = await startServer((_req, res) => res.end('never'), tls.certificate);
    try {
      const result = await executePlan(planFor(`${server.origin}/`)); // undici's global dispatcher: default trust store
      assert.equal(result.outcome, 'network-error');
      assert.deepEqual(result.ai, NETWORK_ERROR);
      assert.deepEqual(result.error, { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate' });
      assert.equal(server.requests.length, 0);
      assert.equal(server.connections, 1, 'one TLS handshake was tried');
    } finally {
      await server.close();
    }
  });

  test('a certificate made with node:crypto alone is trusted through the injected dispatcher', async () => {
    const own = nodeCertificate();
    const trusting = new Agent({ connect: { ca: own.cert } });
    const server = await startServer((_req, res) => res.end('trusted'), own);
    try {
      const plan = planFor(`${server.origin}/`);
      const result = await executePlan(plan, { dispatcher: trusting });
      assert.deepEqual(result.ai, { status: 200, body: 'trusted' });
      assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
      await trusting.close();
    }
  });

  /**
   * A server that sends the headers and 100 of 1000 bytes, then `cut`s the socket once the client has that part.
   * Plain http on loopback (allowHttp): a TLS socket cannot send a TCP reset.
   */
  async function cutMidBody(cut: (socket: net.Socket) => void) {
    let socket: net.Socket | undefined;
    const handler: Handler = (_req, res) => {
      socket = res.socket ?? undefined;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('x'.repeat(100));
    };
    const server = await startServer(handler);
    // Cut only when undici has received a body chunk: the failure is then in the middle of the body, every time.
    const onChunk = () => {
      if (socket) cut(socket);
      socket = undefined;
    };
    diagnostics.subscribe('undici:request:bodyChunkReceived', onChunk);
    try {
      const plan = planFor(`${server.origin}/big`);
      const result = await executePlan(plan, { allowHttp: true });
      assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
      return result;
    } finally {
      diagnostics.unsubscribe('undici:request:bodyChunkReceived', onChunk);
      await server.close();
    }
  }

  test('connection reset (RST) in the middle of the body', async () => {
    const result = await cutMidBody((socket) => socket.resetAndDestroy());
    assert.equal(result.outcome, 'network-error');
    assert.deepEqual(result.ai, NETWORK_ERROR);
    assert.deepEqual(result.error, { code: 'ECONNRESET', message: 'ECONNRESET' });
    assert.equal(result.response.status, 200);
    assert.equal(result.response.bytes, 100);
    assert.ok(result.notes.includes('Status 200 and 100 bytes of the body had arrived before the failure; the AI gets none of it.'), result.notes.join('\n'));
  });

  test('connection closed (FIN) in the middle of the body', async () => {
    const result = await cutMidBody((socket) => socket.destroy());
    assert.equal(result.outcome, 'network-error');
    assert.deepEqual(result.ai, NETWORK_ERROR);
    assert.deepEqual(result.error, { code: 'UND_ERR_SOCKET', message: 'UND_ERR_SOCKET: other side closed' });
    assert.equal(result.response.bytes, 100);
  });
});
