// A TLS handshake that never ends: the run ends at its own timeout, not at undici's 10 s connect timeout, and
// leaves no socket behind (the server sees the connection closed right after).
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { executePlan } from '../../../server/src/engine/execute';
import { planFor } from './harness';

test('a stalled TLS handshake with a 12 s timeout: a timeout at 12 s (not a connect error at 10 s), socket closed', async () => {
  const closed: number[] = [];
  // Reads (and ignores) the ClientHello, so that it sees the client's FIN; never answers.
  const server = net.createServer((socket) => socket.resume().on('close', () => closed.push(performance.now())));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as net.AddressInfo;
    const result = await executePlan(planFor(`https://127.0.0.1:${port}/x`), { timeoutMs: 12_000 });
    const returned = performance.now();
    assert.equal(result.outcome, 'timeout', JSON.stringify(result.error));
    assert.deepEqual(result.ai, { status: 408, body: 'Request timed out after 12000ms' });
    assert.ok(result.response.timing.totalMs > 11_900, `ended after ${result.response.timing.totalMs} ms`);
    const deadline = returned + 1000;
    while (!closed.length && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(closed.length, 1, 'the stalled connection was still open 1 s after the run');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
