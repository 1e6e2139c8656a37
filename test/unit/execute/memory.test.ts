// Bounded memory: an endless body and a gzip bomb, on real local servers, with the peak resident memory of this
// process sampled through process.memoryUsage() while the run lasts. The figures are printed as diagnostics.
import assert from 'node:assert/strict';
import type http from 'node:http';
import { describe, test, type TestContext } from 'node:test';
import zlib from 'node:zlib';
import { executePlan } from '../../../server/src/engine/execute';
import { planFor, startServer, type TestServer, trustedTls } from './harness';

const tls = trustedTls();
const MB = 1024 * 1024;
/**
 * How much a run may add to this process's resident memory: the 50 MiB kept, the text made of them (twice that
 * here: V8 makes a two-byte string of NUL bytes), and socket and decoder buffers the garbage collector has not
 * taken back yet. Before the cap, the bomb added more than 1 GB. The CLI's absolute bound (300 MB) is checked in
 * test/cli/runMemory.test.ts.
 */
const GROWTH_LIMIT = 250 * MB;

/** Samples the resident set size every 10 ms until stopped: the peak, and how far above the start it went. */
function sampleRss(): { stop(): { peak: number; growth: number } } {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return { peak, growth: peak - start };
    },
  };
}

/** Writes `chunk` forever (with backpressure) until the client goes away. */
function writeForever(res: http.ServerResponse, chunk: Buffer): void {
  const more = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', more);
  };
  res.on('close', () => res.removeAllListeners('drain'));
  more();
}

/** `total` bytes of zeros, gzipped as a stream (so the test never holds them): about 1 KB per MB. */
async function gzipBomb(total: number): Promise<Buffer> {
  const gzip = zlib.createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(MB);
  for (let written = 0; written < total; written += MB) if (!gzip.write(zeros)) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await ended;
  return Buffer.concat(out);
}

async function withServer(server: TestServer, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } finally {
    await server.close();
  }
}

/** Prints the figures, and fails when the run grew the process by more than `limit`. */
function checkMemory(t: TestContext, what: string, { peak, growth }: { peak: number; growth: number }, limit = GROWTH_LIMIT): void {
  const figures = `${what}: peak RSS ${(peak / MB).toFixed(1)} MB, ${(growth / MB).toFixed(1)} MB above the start`;
  t.diagnostic(figures);
  assert.ok(growth < limit, figures);
}

describe('bounded memory', () => {
  test('an endless body over a 4 s development timeout: a timeout, and memory bounded while it flows', async (t) => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      writeForever(res, Buffer.alloc(256 * 1024, 'x'));
    });
    await withServer(server, async () => {
      const sampler = sampleRss();
      // Plain http on loopback: the fastest body this machine can make. A small cap, so the body passes it many
      // times over however busy the machine is (the default cap is checked by the CLI test).
      const result = await executePlan(planFor(`${server.origin}/endless`), { timeoutMs: 4000, allowHttp: true, maxBodyBytes: MB });
      checkMemory(t, `endless body, 4 s, ${(result.response.bytes / MB).toFixed(0)} MB arrived`, sampler.stop(), 180 * MB);
      assert.equal(result.outcome, 'timeout');
      assert.deepEqual(result.ai, { status: 408, body: 'Request timed out after 4000ms' });
      assert.ok(result.response.bytes > 10 * MB, `only ${result.response.bytes} bytes arrived: the test proves nothing`);
    });
  });

  test('an endless gzip stream (64 MiB members, one after another) over 4 s: decoded as it comes, memory bounded', async (t) => {
    const member = await gzipBomb(64 * MB);
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
      writeForever(res, member);
    }, tls.certificate);
    await withServer(server, async () => {
      const sampler = sampleRss();
      const result = await executePlan(planFor(`${server.origin}/endless-gzip`), { dispatcher: tls.agent, timeoutMs: 4000 });
      checkMemory(t, `endless gzip stream, 4 s, ${(result.response.bytes / MB).toFixed(1)} MB off the wire`, sampler.stop());
      assert.equal(result.outcome, 'timeout');
      // The socket is paused while the decoder catches up: more than 4 members read means more than 256 MiB decoded.
      assert.ok(result.response.bytes > 4 * member.length, `only ${result.response.bytes} bytes were read: the test proves nothing`);
    });
  });

  test('a gzip bomb (1 GiB of zeros in about 1 MB): decoded as a stream, 1 GiB counted, 50 MiB kept', async (t) => {
    const bomb = await gzipBomb(1024 * MB);
    assert.ok(bomb.length < 1.1 * MB, `the bomb is ${bomb.length} bytes`);
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': bomb.length });
      res.end(bomb);
    }, tls.certificate);
    await withServer(server, async () => {
      const sampler = sampleRss();
      const result = await executePlan(planFor(`${server.origin}/bomb`), { dispatcher: tls.agent });
      checkMemory(t, 'gzip bomb, 1 GiB', sampler.stop());
      assert.equal(result.outcome, 'success', JSON.stringify(result.error));
      assert.equal(result.response.bytes, 1024 * MB);
      assert.deepEqual(result.response.truncated, { keptBytes: 50 * MB, maxBodyBytes: 50 * MB });
      assert.equal(result.ai.body.length, 50 * MB);
      assert.equal(result.response.tokensEstimated, true);
    });
  });

  test('a br body over the cap: the same bound, and the count of what the AI would get', async () => {
    const text = 'order 12345 shipped. '.repeat(100_000); // 2.1 MB
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'br' });
      res.end(zlib.brotliCompressSync(text));
    }, tls.certificate);
    await withServer(server, async () => {
      const result = await executePlan(planFor(`${server.origin}/br`), { dispatcher: tls.agent, maxBodyBytes: 1000 });
      assert.equal(result.outcome, 'success');
      assert.equal(result.response.bytes, text.length);
      assert.equal(result.ai.body, text.slice(0, 1000));
      assert.deepEqual(result.response.truncated, { keptBytes: 1000, maxBodyBytes: 1000 });
    });
  });

  test('a body exactly at the cap is whole: nothing said about a cut', async () => {
    const server = await startServer((_req, res) => res.end('x'.repeat(1000)), tls.certificate);
    await withServer(server, async () => {
      const result = await executePlan(planFor(`${server.origin}/exact`), { dispatcher: tls.agent, maxBodyBytes: 1000 });
      assert.equal(result.ai.body.length, 1000);
      assert.equal(result.response.truncated, undefined);
      assert.equal(result.response.tokensEstimated, false);
    });
  });

  test('a cap outside 1..500 MiB is refused before anything is sent', async () => {
    for (const maxBodyBytes of [0, -1, 1.5, 501 * MB]) {
      await assert.rejects(executePlan(planFor('https://127.0.0.1:1/x'), { maxBodyBytes }), /maxBodyBytes must be a whole number of bytes from 1 to 524288000/);
    }
  });
});
