// Responses that arrive: the AI gets the status and the body verbatim (decoded as fetch's text() does), and the
// human gets outcome, headers, bytes, tokens and timing. Real HTTPS servers on 127.0.0.1 with a certificate made
// for the test and trusted through the injected dispatcher.
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { describe, test } from 'node:test';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { Agent } from 'undici';
import { executePlan, type ExecutionResult } from '../../../server/src/engine/execute';
import { ADDED_WITHOUT_BODY, assertHeaders, type Handler, onlyRequest, planFor, plannedPairs, startServer, type TestServer, trustedTls } from './harness';

/** A self-signed certificate for the test servers, and a dispatcher that trusts it. */
const tls = trustedTls();

/** Starts an HTTPS server with `handler`, runs one plain GET plan against it, checks the server got it once. */
async function runAgainst(handler: Handler, options: { dispatcher?: Agent; path?: string } = {}): Promise<{ result: ExecutionResult; server: TestServer }> {
  const server = await startServer(handler, tls.certificate);
  try {
    const plan = planFor(`${server.origin}${options.path ?? '/orders/12345'}`);
    const result = await executePlan(plan, { dispatcher: options.dispatcher ?? tls.agent });
    assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
    return { result, server };
  } finally {
    await server.close();
  }
}

const reply = (status: number, body: string | Buffer, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body);
};

describe('status and body reach the AI verbatim', () => {
  test('200: success, body as sent, response recorded for the human', async () => {
    const body = '{"order":12345,"status":"shipped","carrier":"UPS"}';
    const { result, server } = await runAgainst(reply(200, body, { 'X-Request-Id': 'abc' }));
    assert.equal(result.outcome, 'success');
    assert.deepEqual(result.ai, { status: 200, body });
    assert.equal(result.response.status, 200);
    assert.equal(result.response.statusText, 'OK');
    assert.equal(result.response.bytes, Buffer.byteLength(body));
    assert.equal(result.response.tokens, 15);
    assert.equal(result.response.tokensEstimated, false);
    assert.deepEqual(result.response.headers.find((h) => h.name === 'X-Request-Id'), { name: 'X-Request-Id', value: 'abc' });
    assert.equal(result.error, null);
    assert.equal(result.sent, true);
    assert.equal(result.differsFromOpenCX, false);
    assert.deepEqual(result.request, {
      method: 'GET',
      url: `${server.origin}/orders/12345`,
      headers: [
        { name: 'User-Agent', value: 'OpenCX', source: 'default', shadowed: [] },
        { name: 'Accept', value: 'application/json', source: 'action', shadowed: [] },
      ],
      body: null,
    });
    assert.deepEqual(result.redirects, []);
    assert.deepEqual(JSON.parse(JSON.stringify(result)), result, 'the result is plain JSON');
  });

  test('404 with a short human-readable body: http-error, body verbatim', async () => {
    const { result } = await runAgainst(reply(404, 'order 12345 not found', { 'Content-Type': 'text/plain' }));
    assert.equal(result.outcome, 'http-error');
    assert.deepEqual(result.ai, { status: 404, body: 'order 12345 not found' });
    assert.equal(result.error, null);
  });

  test('500 with an HTML page: http-error, the page verbatim', async () => {
    const page = '<html><body><h1>Internal Server Error</h1>\n<pre>at Orders.find (orders.js:12)</pre></body></html>';
    const { result } = await runAgainst(reply(500, page, { 'Content-Type': 'text/html' }));
    assert.equal(result.outcome, 'http-error');
    assert.deepEqual(result.ai, { status: 500, body: page });
  });

  test('204 without a body: success with an empty text', async () => {
    const { result } = await runAgainst((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    assert.equal(result.outcome, 'success');
    assert.deepEqual(result.ai, { status: 204, body: '' });
    assert.equal(result.response.bytes, 0);
    assert.equal(result.response.tokens, 0);
  });

  test('a 3xx without Location is not followed: http-error with its body', async () => {
    const { result } = await runAgainst(reply(302, 'moved somewhere', { 'Content-Type': 'text/plain' }));
    assert.equal(result.outcome, 'http-error');
    assert.deepEqual(result.ai, { status: 302, body: 'moved somewhere' });
    assert.deepEqual(result.redirects, []);
  });

  test('repeated response headers are each listed, in order', async () => {
    const { result } = await runAgainst((_req, res) => {
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
    });
    assert.deepEqual(result.ai, { status: 200, body: 'ok' });
    assert.deepEqual(result.response.headers.filter((h) => h.name === 'Set-Cookie').map((h) => h.value), ['a=1', 'b=2']);
  });
});

describe('bodies are decoded as fetch text() does', () => {
  test('bytes that are not UTF-8 become U+FFFD exactly as TextDecoder gives them', async () => {
    const bytes = Buffer.from([0x50, 0x4e, 0x47, 0x89, 0xc3, 0x28, 0xf0, 0x9f, 0x98, 0x41, 0xed, 0xa0, 0x80, 0xff, 0xfe, 0x00, 0xe2, 0x82, 0xac]);
    const { result } = await runAgainst(reply(200, bytes, { 'Content-Type': 'image/png' }));
    const expected = new TextDecoder().decode(bytes);
    assert.equal(expected, 'PNG\uFFFD\uFFFD(\uFFFDA\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\u0000€', 'the decoding the AI gets, spelled out');
    assert.deepEqual(result.ai, { status: 200, body: expected });
    assert.equal(result.response.bytes, bytes.length);
  });

  test('a leading byte-order mark is removed, as fetch text() does', async () => {
    const { result } = await runAgainst(reply(200, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"ok":true}')])));
    assert.deepEqual(result.ai, { status: 200, body: '{"ok":true}' });
    assert.equal(result.response.bytes, 14);
  });

  test('a gzip-encoded body is decompressed, as fetch does, and the note says so', async () => {
    const body = '{"items":[' + '"x",'.repeat(200) + '"y"]}';
    const { result } = await runAgainst(reply(200, zlib.gzipSync(body), { 'Content-Encoding': 'gzip' }));
    assert.deepEqual(result.ai, { status: 200, body });
    assert.equal(result.response.bytes, Buffer.byteLength(body));
    assert.ok(result.notes.some((n) => n.startsWith('The body was sent with Content-Encoding gzip (')), result.notes.join('\n'));
  });

  test('a corrupt gzip body is a network error, as fetch fails it', async () => {
    const { result } = await runAgainst(reply(200, Buffer.from('not gzip at all'), { 'Content-Encoding': 'gzip' }));
    assert.equal(result.outcome, 'network-error');
    assert.deepEqual(result.ai, { status: null, body: 'Something went wrong' });
    assert.equal(result.error?.code, 'Z_DATA_ERROR');
  });

  test('a 50 MB body reaches the AI whole; tokens are estimated from samples', async () => {
    const unit = Buffer.from('{"sku":"A-1","name":"Crème brûlée","price":"12 €"},\n'.padEnd(1024, ' '));
    const size = 50 * 1024 * 1024;
    const bytes = Buffer.alloc(size);
    for (let offset = 0; offset < size; offset += unit.length) unit.copy(bytes, offset);
    const expected = new TextDecoder().decode(bytes);
    const { result } = await runAgainst(reply(200, bytes));
    assert.equal(result.outcome, 'success');
    assert.equal(result.ai.status, 200);
    assert.equal(result.ai.body.length, expected.length);
    assert.ok(result.ai.body === expected, 'the AI text is the whole body (not printed: 50 MB)');
    assert.equal(result.response.bytes, size);
    assert.equal(result.response.tokensEstimated, true);
    // The body repeats every KiB, so 1/50 of it counted exactly, times 50, is the true count (to a token per seam).
    const exactFor50 = countTokens(new TextDecoder().decode(bytes.subarray(0, size / 50))) * 50;
    const error = Math.abs(result.response.tokens - exactFor50) / exactFor50;
    assert.ok(error < 0.02, `estimate ${result.response.tokens} vs ${exactFor50} tokens`);
  });
});

describe('timing, with the injected clock', () => {
  test('a new connection: connect, first byte and total in the order they happen', async () => {
    const fresh = new Agent({ connect: { ca: tls.certificate.cert } });
    let ticks = 0;
    const server = await startServer(reply(200, 'ok'), tls.certificate);
    try {
      const plan = planFor(`${server.origin}/`);
      const result = await executePlan(plan, { dispatcher: fresh, clock: { now: () => 10 * ticks++ } });
      // Clock reads: start 0, connected 10, headers 20, end 30.
      assert.deepEqual(result.response.timing, { connectMs: 10, firstByteMs: 20, totalMs: 30, connectionReused: false });
      assert.deepEqual(result.ai, { status: 200, body: 'ok' });
      assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
      await fresh.close();
    }
  });

  test('a kept-alive connection is reused: no connect time, and it says so', async () => {
    const fresh = new Agent({ connect: { ca: tls.certificate.cert } });
    const server = await startServer(reply(200, 'ok'), tls.certificate);
    try {
      await executePlan(planFor(`${server.origin}/first`), { dispatcher: fresh });
      // undici hands the connection back to its pool in a setImmediate after the response; let that happen.
      await new Promise((resolve) => setImmediate(resolve));
      let ticks = 0;
      const result = await executePlan(planFor(`${server.origin}/second`), { dispatcher: fresh, clock: { now: () => 10 * ticks++ } });
      assert.deepEqual(result.response.timing, { connectMs: null, firstByteMs: 10, totalMs: 20, connectionReused: true });
      assert.deepEqual(result.ai, { status: 200, body: 'ok' });
      assert.equal(server.connections, 1);
      assert.deepEqual(server.requests.map((r) => r.url), ['/first', '/second']);
      for (const received of server.requests) assertHeaders(received, plannedPairs(planFor(server.origin)), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
      await fresh.close();
    }
  });
});
