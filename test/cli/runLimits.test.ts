// `opencx-actions run` against endpoints that misbehave: an endless body and a gzip bomb (the CLI's peak resident
// memory read from /proc while it runs, under 300 MB), `--max-body-bytes`, and a TLS handshake that never ends
// (the run ends at its timeout and the process exits right after). Figures are printed as diagnostics.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { startServer, type TestServer } from '../unit/execute/harness';
import { CLI, writeFile } from './cliHarness';
import { makeTempFolder, parseRun, runCliAsync } from './runHarness';

const MB = 1024 * 1024;
/** The bound for an endless body. */
const PEAK_RSS_LIMIT = 300 * MB;
/**
 * A bomb's body is complete, so its 50 MiB become a 50 MiB string next to the kept bytes (measured: 260-275 MB);
 * before the cap it took 1.4 GB.
 */
const BOMB_PEAK_RSS_LIMIT = 350 * MB;

interface MeasuredRun {
  status: number;
  stdout: string;
  stderr: string;
  /** The child's peak resident set size (VmHWM), as last read before it exited. */
  peakRss: number;
  elapsedMs: number;
  /** From the last output to the exit. */
  exitAfterOutputMs: number;
}

/** Runs the CLI and reads its peak RSS from /proc/<pid>/status every 20 ms (VmHWM only grows). */
function runMeasured(args: string[], cwd: string): Promise<MeasuredRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peakRss = 0;
  let lastOutput = started;
  let exited = started;
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
    lastOutput = Date.now();
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  const sample = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
    } catch {
      // exited between two samples
    }
  };
  const timer = setInterval(sample, 20);
  const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => {
      exited = Date.now();
      sample();
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      clearTimeout(deadline);
      if (signal) reject(new Error(`the CLI was killed by ${signal}\n${stderr}`));
      else resolve({ status: code ?? -1, stdout, stderr, peakRss, elapsedMs: exited - started, exitAfterOutputMs: exited - lastOutput });
    });
  });
}

function writeForever(res: http.ServerResponse, chunk: Buffer): void {
  const more = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', more);
  };
  more();
}

const figures = (run: MeasuredRun) => `peak RSS ${(run.peakRss / MB).toFixed(1)} MB, ${run.elapsedMs} ms`;

describe('run: bodies that never end or explode, and --max-body-bytes', () => {
  const temp = makeTempFolder();
  let server: TestServer;
  let bomb: Buffer;

  before(async () => {
    bomb = zlib.gzipSync(Buffer.alloc(1024 * MB), { level: 9 });
    server = await startServer((req, res) => {
      if (req.url === '/endless') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return writeForever(res, Buffer.alloc(256 * 1024, 'x'));
      }
      if (req.url === '/bomb') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        return res.end(bomb);
      }
      res.end('0123456789'.repeat(100));
    });
  });
  after(async () => {
    await server?.close();
    temp.remove();
  });

  function actionFolder(name: string, pathname: string): string {
    const folder = path.join(temp.path, name);
    writeFile(folder, 'opencx.config.json', '{}\n');
    writeFile(folder, 'a.action.json', JSON.stringify({ name: 'Big', description: 'Fetch a body from the local development API.', method: 'GET', endpoint: `http://127.0.0.1:${server.port}${pathname}` }));
    return folder;
  }

  test('an endless body with a 4 s development timeout: exit 1 (timeout) right after 4 s, under 300 MB peak RSS', async (t) => {
    const run = await runMeasured(['run', 'a.action.json', '--allow-http', '--timeout-ms', '4000', '--format', 'json'], actionFolder('endless', '/endless'));
    const result = parseRun(run);
    t.diagnostic(`endless body: ${figures(run)}, ${(result.response.bytes / MB).toFixed(0)} MB received`);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(result.outcome, 'timeout');
    assert.ok(run.peakRss > 0, 'no RSS was read');
    assert.ok(run.peakRss < PEAK_RSS_LIMIT, figures(run));
    assert.ok(Number(result.response.timing.totalMs) < 4500, `the run took ${String(result.response.timing.totalMs)} ms`);
    assert.ok(run.exitAfterOutputMs < 1000, `the CLI exited ${run.exitAfterOutputMs} ms after its output`);
  });

  test('a gzip bomb (1 GiB in about 1 MB): exit 0, 1 GiB counted, 50 MiB kept, under 350 MB peak RSS', async (t) => {
    const run = await runMeasured(['run', 'a.action.json', '--allow-http'], actionFolder('bomb', '/bomb'));
    t.diagnostic(`gzip bomb (${bomb.length} bytes on the wire): ${figures(run)}`);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^1073741824 bytes \(the AI would receive all of them; the first 52428800 are kept and shown\) · \d+ \(estimated\) tokens/m);
    assert.match(run.stdout, /^ {2}- The body is 1073741824 bytes, and OpenCX's AI would receive all of them \(about \d+ tokens\)\. This run holds only the first 52428800 bytes/m);
    assert.ok(run.peakRss < BOMB_PEAK_RSS_LIMIT, figures(run));
  });

  test('--max-body-bytes N: the first N bytes kept, all of them counted, in text and JSON', async () => {
    const folder = actionFolder('small', '/small');
    const json = parseRun(await runCliAsync(['run', 'a.action.json', '--allow-http', '--max-body-bytes', '25', '--format', 'json'], folder));
    assert.equal(json.outcome, 'success');
    assert.equal(json.ai.body, '0123456789012345678901234');
    assert.equal(json.response.bytes, 1000);
    assert.deepEqual((json.response as { truncated?: unknown }).truncated, { keptBytes: 25, maxBodyBytes: 25 });
    assert.equal(json.explanation.level, 'warning');
    const whole = parseRun(await runCliAsync(['run', 'a.action.json', '--allow-http', '--max-body-bytes', '1000', '--format', 'json'], folder));
    assert.equal(whole.ai.body.length, 1000);
    assert.equal((whole.response as { truncated?: unknown }).truncated, undefined);
  });

  test('--max-body-bytes that is not a whole number from 1 to 524288000: exit 2, one line', async () => {
    const folder = actionFolder('usage', '/small');
    for (const bad of ['0', '-5', '1.5', '12abc', '', '524288001', '99999999999']) {
      const run = await runCliAsync(['run', 'a.action.json', '--allow-http', `--max-body-bytes=${bad}`], folder);
      assert.equal(run.status, 2, `${bad}: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.split('\n')[0], `opencx-actions: --max-body-bytes must be a whole number of bytes from 1 to 524288000; got "${bad}"`);
      assert.ok(!/\n\s+at /.test(run.stderr), run.stderr);
    }
  });
});

describe('run: a TLS handshake that stalls', () => {
  const temp = makeTempFolder();
  let silent: net.Server;
  const sockets = new Set<net.Socket>();

  before(async () => {
    // Accepts TCP connections and never answers the ClientHello.
    silent = net.createServer((socket) => {
      socket.resume();
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    temp.remove();
  });

  test('ends at the run\'s timeout (here 2 s, not undici\'s 10 s connect timeout), and the process exits right after', async () => {
    const folder = path.join(temp.path, 'stall');
    writeFile(folder, 'opencx.config.json', '{}\n');
    const port = (silent.address() as net.AddressInfo).port;
    writeFile(folder, 'a.action.json', JSON.stringify({ name: 'Stall', description: 'Call an endpoint whose TLS handshake never ends.', method: 'GET', endpoint: `https://127.0.0.1:${port}/x` }));
    const run = await runMeasured(['run', 'a.action.json', '--timeout-ms', '2000', '--format', 'json'], folder);
    assert.equal(run.status, 1, run.stderr);
    const result = parseRun(run);
    assert.equal(result.outcome, 'timeout');
    assert.deepEqual(result.ai, { status: 408, body: 'Request timed out after 2000ms' });
    const total = Number(result.response.timing.totalMs);
    assert.ok(total >= 2000 && total < 2500, `the run ended after ${total} ms`);
    // Before, the socket in its handshake kept the process alive until undici's own 10 s connect timeout.
    assert.ok(run.exitAfterOutputMs < 1000, `the CLI exited ${run.exitAfterOutputMs} ms after its output`);
  });
});
