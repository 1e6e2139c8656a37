// The run view and its explanation: what the webview and the CLI say about a result, without sending anything.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DISPLAY_CAP_CHARS, toRunView, type RunMeta } from '../../../client/src/run/view';
import type { ExecutionResult } from '../../../server/src/engine/execute';
import { explainRun } from '../../../server/src/engine/run/explain';

const META: RunMeta = { actionName: 'Look up order', environment: 'staging', contact: 'jane-vip', ranAt: new Date('2026-11-26T10:00:00Z'), curl: 'curl …', tokenBudget: 100 };

/** A result as the executor returns it, with the fields each test changes. */
function result(changes: Partial<ExecutionResult> & { body?: string; status?: number | null; headers?: { name: string; value: string }[] } = {}): ExecutionResult {
  const { body = '{"id":1}', status = 200, headers = [{ name: 'content-type', value: 'application/json' }], ...rest } = changes;
  return {
    outcome: status === null ? 'network-error' : status >= 400 ? 'http-error' : 'success',
    ai: { status, body },
    request: {
      method: 'GET',
      url: 'https://api.acme.com/orders/1?api_key=sk_live_abcdef1234567890',
      headers: [
        { name: 'Authorization', value: 'Bearer ${secret:TOKEN}', source: 'globalVariable', shadowed: [{ source: 'action', value: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlMTIz' }] },
        { name: 'X-Api-Key', value: 'a8f9c2e17b4d4e0f9a3b6c5d8e7f1a2b', source: 'action', shadowed: [] },
      ],
      body: null,
    },
    response: { status, statusText: status === 200 ? 'OK' : '', headers, bytes: body.length, tokens: 5, tokensEstimated: false, timing: { connectMs: 1, firstByteMs: 2, totalMs: 3, connectionReused: false } },
    redirects: [],
    error: null,
    sent: true,
    timeoutMs: 60000,
    visibleToContact: true,
    differsFromOpenCX: false,
    notes: [],
    ...rest,
  };
}

describe('toRunView', () => {
  test('keeps the AI text as it is, and offers pretty JSON as a second view only', () => {
    const view = toRunView(result(), META);
    assert.equal(view.ai.body, '{"id":1}');
    assert.equal(view.prettyJson, '{\n  "id": 1\n}');
    assert.equal(view.ai.truncated, false);
    assert.equal(view.ranAt, '2026-11-26T10:00:00.000Z');
  });

  test('no pretty view for text that is not JSON, or JSON that is already pretty', () => {
    assert.equal(toRunView(result({ body: 'order 999 not found', status: 404 }), META).prettyJson, undefined);
    assert.equal(toRunView(result({ body: '{\n  "id": 1\n}' }), META).prettyJson, undefined);
  });

  test('a body beyond the display cap is cut for display, with the real size kept', () => {
    const body = 'x'.repeat(DISPLAY_CAP_CHARS + 10) + 'é';
    const view = toRunView(result({ body }), META);
    assert.equal(view.ai.truncated, true);
    assert.equal(view.ai.body.length, DISPLAY_CAP_CHARS);
    assert.equal(view.ai.bytes, DISPLAY_CAP_CHARS + 10 + 2, 'bytes of the whole UTF-8 text');
    assert.equal(view.prettyJson, undefined);
  });

  test('literal credentials are masked in the request shown; secret references stay', () => {
    const view = toRunView(result(), META);
    assert.deepEqual(view.request.headers.map((h) => [h.name, h.value, h.shadowed.map((s) => s.value)]), [
      ['Authorization', 'Bearer ${secret:TOKEN}', ['Bearer ••••••']],
      ['X-Api-Key', '••••••', []],
    ]);
    assert.ok(!view.request.url.includes('sk_live_abcdef1234567890'), view.request.url);
    assert.ok(!JSON.stringify(view).includes('a8f9c2e17b4d4e0f9a3b6c5d8e7f1a2b'));
  });
});

describe('toRunView: sources and visibility, said once', () => {
  test('each header\'s source reads as people say it, with the file and JSON path from the plan', () => {
    const plan = { headers: [
      { name: 'Authorization', value: 'Bearer ${secret:TOKEN}', source: 'globalVariable' as const, shadowed: [], location: { file: '/w/opencx.config.json', path: ['environments', 'local-demo', 'globalVariables', 'Authorization'] } },
    ] };
    const view = toRunView(result(), { ...META, plan });
    assert.deepEqual(view.request.sources, ['global variable · opencx.config.json › environments.local-demo.globalVariables.Authorization', 'action header']);
  });

  test('"not offered to this contact" is in the banner text once, not also in the notes', () => {
    const note = 'OpenCX would not offer this action to the active contact (restricted to vip), so its AI could not call it; sent anyway for testing.';
    const view = toRunView(result({ visibleToContact: false, notes: [note, 'another note'] }), META);
    assert.equal(view.visibility, note);
    assert.deepEqual(view.notes, ['another note']);
    assert.equal(toRunView(result(), META).visibility, undefined);
  });
});

describe('explainRun', () => {
  test('a 2xx: the AI receives the body verbatim', () => {
    assert.deepEqual(explainRun(result()), { level: 'ok', headline: 'HTTP 200 OK', details: ['The AI receives status 200 and the body shown under "What the AI receives", verbatim.'] });
  });

  test('a 401 lists the documented causes, and names an Authorization without its scheme', () => {
    const r = result({ status: 401, body: 'unauthorised' });
    r.request.headers[0] = { name: 'Authorization', value: 'sk_live_x', source: 'globalVariable', shadowed: [] };
    const { level, details } = explainRun(r);
    assert.equal(level, 'error');
    assert.match(details.join('\n'), /firewall blocks the real x-opencx-\* context headers/);
    assert.match(details.join('\n'), /The Authorization header \(from the global variable\) has no "Bearer " scheme/);
  });

  test('a 403 for a contact the action is not offered to leads with that verdict, not with firewall or token hints', () => {
    const details = explainRun(result({ status: 403, body: 'forbidden', visibleToContact: false })).details.join('\n');
    assert.match(details, /This contact is not offered the action \(segment filter\), so in production OpenCX's AI never makes this call/);
    assert.doesNotMatch(details, /firewall|expired/);
  });

  test('an HTML error page is called out: the AI cannot use it', () => {
    const r = result({ status: 500, body: '<!DOCTYPE html><html><body>Oops</body></html>', headers: [{ name: 'Content-Type', value: 'text/html' }] });
    assert.match(explainRun(r).details.join('\n'), /The body is an HTML page: the AI reads it as raw text and cannot use it/);
  });

  test('a 404 points at the final URL and asks for a short body', () => {
    assert.match(explainRun(result({ status: 404, body: 'not found' })).details.join('\n'), /Check the final URL and its path parameters: https:\/\/api\.acme\.com\/orders\/1/);
  });

  test('a network error: only "Something went wrong", and why, by error code', () => {
    const r = result({ status: null, body: 'Something went wrong', error: { code: 'ECONNREFUSED', message: 'ECONNREFUSED 127.0.0.1:8443' } });
    assert.deepEqual(explainRun(r), {
      level: 'error',
      headline: 'Network error (ECONNREFUSED)',
      details: ['The AI only gets the text "Something went wrong", with no status.', 'Nothing accepted the connection: the server is down, or the host or port is wrong.'],
    });
  });

  test('a timeout says what the AI gets and suggests the webhook pattern', () => {
    const r = result({ outcome: 'timeout', status: 408, body: 'Request timed out after 60000ms', error: { code: 'TIMEOUT', message: 'no response within 60000 ms' } });
    const explanation = explainRun(r);
    assert.equal(explanation.headline, 'Timed out after 60000 ms');
    assert.match(explanation.details[0], /the AI gets status 408 and "Request timed out after 60000ms"/);
    assert.match(explanation.details[1], /return a reference ID, and poll with a second action/);
  });

  test('over the token budget: a warning, even for a 2xx', () => {
    const explanation = explainRun({ ...result(), response: { ...result().response, tokens: 250 } }, 100);
    assert.equal(explanation.level, 'warning');
    assert.match(explanation.details.at(-1)!, /250 tokens, above the budget of 100/);
  });
});
