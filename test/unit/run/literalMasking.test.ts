// Literal credentials (the `credential-in-file` shapes) are masked wherever a run is shown or stored, as they are
// in the request line: redirect URLs and the Location header, notes and errors quoting a URL, "copy as cURL", and
// so the history (which stores the view and the view's headers).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toRunView, type RunMeta } from '../../../client/src/run/view';
import { toCurl, type ExecutionResult } from '../../../server/src/engine/execute';
import { runJson, runText } from '../../../server/src/cli/runOutput';
import { explainRun } from '../../../server/src/engine/run/explain';
import { header, planFor, USER_AGENT } from '../execute/harness';

const STRIPE = 'sk_live_51HcanaryABCDEF123456';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlY2FuYXJ5';
const RANDOM = 'a8f9c2e17b4d4e0f9a3b6c5d8e7f1a2b';

const META: RunMeta = { actionName: 'Look up order', ranAt: new Date('2026-11-26T10:00:00Z'), curl: 'curl …', tokenBudget: 100 };

function resultWithRedirect(): ExecutionResult {
  const from = `https://api.acme.com/orders/1?api_key=${RANDOM}`;
  const to = `https://api.acme.com/v2/${STRIPE}/orders/1?token=${JWT}`;
  return {
    outcome: 'network-error',
    ai: { status: null, body: 'Something went wrong' },
    request: { method: 'GET', url: to, headers: [{ name: 'X-Api-Key', value: RANDOM, source: 'action', shadowed: [] }], body: null },
    response: { status: 302, statusText: 'Found', headers: [{ name: 'Location', value: `ftp://files.acme.com/${STRIPE}?key=${RANDOM}` }], bytes: 0, tokens: 3, tokensEstimated: false, timing: { connectMs: 1, firstByteMs: 2, totalMs: 3, connectionReused: false } },
    redirects: [{ method: 'GET', url: from, status: 301, location: `/v2/${STRIPE}/orders/1?token=${JWT}`, to }],
    error: { code: 'REDIRECT_BAD_SCHEME', message: `redirect 302 to a non-HTTP(S) URL: ftp://files.acme.com/${STRIPE}?key=${RANDOM}` },
    sent: true,
    timeoutMs: 60000,
    visibleToContact: true,
    differsFromOpenCX: false,
    notes: [`Redirect 301 to /v2/${STRIPE}`],
  };
}

function assertNoLiteral(text: string, where: string): void {
  for (const literal of [STRIPE, JWT, RANDOM]) assert.ok(!text.includes(literal), `${where} shows ${literal.slice(0, 12)}…:\n${text}`);
}

describe('literal credentials in what a run shows and stores', () => {
  test('the run view (what the webview shows and the history stores): redirects, Location, notes, error', () => {
    const view = toRunView(resultWithRedirect(), META);
    assertNoLiteral(JSON.stringify(view), 'the run view');
    assert.equal(view.redirects[0].to, 'https://api.acme.com/v2/••••••/orders/1?token=••••••');
    assert.equal(view.response.headers[0].value, 'ftp://files.acme.com/••••••?key=••••••');
  });

  test('the CLI\'s text and JSON', () => {
    const result = resultWithRedirect();
    const explanation = explainRun(result, 4000);
    assertNoLiteral(runText(result, explanation), 'run text');
    assertNoLiteral(runJson(result, explanation), 'run JSON');
  });

  test('copy as cURL: URL path and query, headers, JSON and multipart body fields', () => {
    const plan = planFor(`https://api.acme.com/v2/${STRIPE}/orders?api_key=${RANDOM}&q=1`, {
      method: 'POST',
      headers: [USER_AGENT, header('X-Api-Key', RANDOM), header('Authorization', `Bearer ${JWT}`), header('X-Ref', '${secret:REF}')],
      body: { format: 'json', value: { password: 'hunter2hunter2', note: `token ${STRIPE}`, n: 1 } },
    });
    const curl = toCurl(plan);
    assertNoLiteral(curl, 'the cURL command');
    assert.ok(curl.includes("'Authorization: Bearer ••••••'"), curl);
    assert.ok(curl.includes("'X-Ref: ${secret:REF}'"), curl);
    assert.ok(curl.includes('"n":1') && !curl.includes('hunter2'), curl);
    assertNoLiteral(toCurl({ ...plan, body: { format: 'multipart', value: { api_key: RANDOM, file: STRIPE } } }), 'the multipart cURL command');
  });
});
