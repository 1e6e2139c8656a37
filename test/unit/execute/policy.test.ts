// What a run refuses to send, and what it sends although OpenCX would not (each marked and explained).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { executePlan } from '../../../server/src/engine/execute';
import { isLoopbackHost } from '../../../server/src/engine/execute/urlPolicy';
import { ADDED_WITHOUT_BODY, assertHeaders, onlyRequest, planFor, plannedPairs, startServer } from './harness';

const NOT_SENT = { status: null, body: '' };

describe('http:// is refused as OpenCX refuses it', () => {
  test('without allowHttp: refused, nothing sent, a clear message', async () => {
    const server = await startServer((_req, res) => res.end('should not be reached'));
    try {
      const plan = planFor(`${server.origin}/orders/1`);
      const result = await executePlan(plan);
      assert.equal(result.outcome, 'refused');
      assert.deepEqual(result.ai, NOT_SENT);
      assert.deepEqual(result.error, {
        code: 'HTTP_NOT_ALLOWED',
        message: 'Not sent: OpenCX only calls https:// endpoints, and this URL is http://. Use https://, or allow http for a loopback test server.',
      });
      assert.equal(result.sent, false);
      assert.equal(result.request.url, `${server.origin}/orders/1`);
      assert.ok(result.notes.includes(result.error?.message ?? ''), 'the message is also a note');
      assert.equal(server.connections, 0);
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });

  test('with allowHttp on loopback: sent, and the result says OpenCX would not call it', async () => {
    const server = await startServer((_req, res) => res.end('{"ok":true}'));
    try {
      const plan = planFor(`${server.origin}/orders/1`);
      const result = await executePlan(plan, { allowHttp: true });
      assert.equal(result.outcome, 'success');
      assert.deepEqual(result.ai, { status: 200, body: '{"ok":true}' });
      assert.equal(result.differsFromOpenCX, true);
      assert.ok(result.notes.includes('OpenCX would not call this endpoint: it only calls https:// URLs. Sent because http is allowed for the loopback host 127.0.0.1.'), result.notes.join('\n'));
      assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
    }
  });

  test('with allowHttp but a host that is not loopback: refused, nothing sent', async () => {
    const result = await executePlan(planFor('http://api.acme.example/orders/1'), { allowHttp: true });
    assert.equal(result.outcome, 'refused');
    assert.deepEqual(result.ai, NOT_SENT);
    assert.deepEqual(result.error, {
      code: 'HTTP_NOT_ALLOWED',
      message: 'Not sent: OpenCX only calls https:// endpoints; http:// is allowed for development only on a loopback host (127.0.0.0/8, ::1, localhost), not api.acme.example.',
    });
  });

  test('other schemes and relative URLs are refused', async () => {
    const ftp = await executePlan(planFor('ftp://files.acme.example/x'), { allowHttp: true });
    assert.deepEqual(ftp.error, { code: 'HTTP_NOT_ALLOWED', message: 'Not sent: OpenCX only calls https:// endpoints; this URL uses ftp:' });
    const relative = await executePlan(planFor('/orders/1'));
    assert.deepEqual(relative.error, { code: 'INVALID_URL', message: 'Not sent: "/orders/1" is not an absolute URL.' });
    assert.deepEqual(relative.ai, NOT_SENT);
  });

  test('loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '[::1]', 'localhost', 'LOCALHOST', 'localhost.']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['128.0.0.1', '10.0.0.1', 'localhost.acme.example', '127.0.0.1.nip.io', '[::2]', 'example.com']) assert.equal(isLoopbackHost(host), false, host);
    assert.equal(isLoopbackHost(new URL('http://127.1/').hostname), true, 'the URL parser normalises 127.1');
  });
});

describe('runs that differ from OpenCX are marked', () => {
  test('an action the contact would not be offered is still sent, with a note', async () => {
    const server = await startServer((_req, res) => res.end('ok'));
    try {
      const plan = planFor(`${server.origin}/`, { visibleToContact: false, notes: ['A note from the plan.'] });
      const result = await executePlan(plan, { allowHttp: true });
      assert.deepEqual(result.ai, { status: 200, body: 'ok' });
      assert.equal(result.visibleToContact, false);
      assert.equal(result.differsFromOpenCX, true);
      assert.equal(result.notes[0], 'A note from the plan.');
      assert.ok(result.notes.includes('OpenCX would not offer this action to the active contact (segment filter), so its AI could not call it; sent anyway for testing.'));
      assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
    }
  });

  test('the plan\'s reason for hiding the action is quoted', async () => {
    const server = await startServer((_req, res) => res.end('ok'));
    try {
      const plan = planFor(`${server.origin}/`, { visibleToContact: false, visibilityReason: 'Restricted to vip; contact "ann" is in customers.' });
      const result = await executePlan(plan, { allowHttp: true });
      assert.ok(result.notes.includes('OpenCX would not offer this action to the active contact (Restricted to vip; contact "ann" is in customers), so its AI could not call it; sent anyway for testing.'), result.notes.join('\n'));
      assertHeaders(onlyRequest(server), plannedPairs(plan), ADDED_WITHOUT_BODY);
    } finally {
      await server.close();
    }
  });

  test('a dry-run plan with placeholders is never sent', async () => {
    const server = await startServer((_req, res) => res.end('should not be reached'));
    try {
      const plan = planFor(`${server.origin}/orders/{order_id}`, { placeholders: ['order_id'] });
      const result = await executePlan(plan, { allowHttp: true });
      assert.equal(result.outcome, 'refused');
      assert.deepEqual(result.ai, NOT_SENT);
      assert.deepEqual(result.error, { code: 'PLACEHOLDERS', message: 'Not sent: the plan has placeholders for order_id (a dry run); give a value for each, then run again.' });
      assert.equal(server.connections, 0);
    } finally {
      await server.close();
    }
  });

  test('a development timeout must be a whole number of milliseconds', async () => {
    for (const timeoutMs of [0, -1, 1.5, Number.NaN, 2 ** 31]) {
      await assert.rejects(executePlan(planFor('https://127.0.0.1:1/'), { timeoutMs }), RangeError, String(timeoutMs));
    }
  });
});
