// The canary through the extension's path: runPlan (dist/runner.js's entry) → the webview model (RunView), which
// is also what the history stores (the view, and its headers in the index) and what copy-as-cURL copies. A server
// echoes the value in every encoding; no form may remain anywhere in the view or the result.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { describe, test } from 'node:test';
import { runPlan } from '../../../client/src/run/runner';
import type { RequestPlan } from '../../../server/src/engine/model/plan';
import { header, planFor, secretsOf, startServer, USER_AGENT } from '../execute/harness';
import { findForm, secretForms } from '../execute/secretForms';

const CANARY = `cAnArY/${randomUUID().slice(0, 8)}+q="x\\z`;

function echo(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
  const forms = secretForms(String(req.headers['x-api-key'] ?? ''));
  if (req.url?.startsWith('/start')) {
    res.writeHead(307, { Location: `/echo?${forms.filter(([, f]) => /^[\w%.~-]+$/.test(f)).map(([, f], i) => `f${i}=${f}`).join('&')}` }).end();
    return;
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  forms.forEach(([, form], i) => { headers[`X-Echo-${i}`] = form; });
  res.writeHead(200, headers).end(JSON.stringify({ forms: Object.fromEntries(forms), received: body.toString() }));
}

const plan = (url: string): RequestPlan => planFor(`${url}?key=\${secret:CANARY}`, {
  method: 'POST',
  headers: [USER_AGENT, header('Content-Type', 'application/json', 'default'), header('X-Api-Key', '${secret:CANARY}')],
  body: { format: 'json', value: { token: '${secret:CANARY}', note: 'canary' } },
});

const options = { secrets: secretsOf({ CANARY }), timeoutMs: 10_000, allowHttp: true, caCertificates: [], maxBodyBytes: 50 * 1024 * 1024, meta: { actionName: 'Echo', ranAt: new Date(), tokenBudget: 4000 } };

describe('canary: the run view and the history hold no form of a secret', () => {
  test('echoed in every form, after a same-origin redirect', async () => {
    const server = await startServer((req, res, recorded) => echo(req, res, recorded.body));
    try {
      const { result, view } = await runPlan(plan(`${server.origin}/start`), options);
      assert.equal(result.outcome, 'success', JSON.stringify(result.error));
      assert.ok(server.requests.every((r) => r.headers.some(([n, v]) => n === 'X-Api-Key' && v === CANARY)), 'the server did not get the canary');
      assert.equal(findForm(JSON.stringify(result), CANARY), undefined, 'the result');
      assert.equal(findForm(JSON.stringify(view), CANARY), undefined, 'the view (webview model, history file)');
      assert.equal(findForm(JSON.stringify(view.request.headers), CANARY), undefined, 'the history index headers');
      assert.equal(findForm(view.curl, CANARY), undefined, 'copy as cURL');
      assert.ok(view.ai.body.includes('${secret:CANARY}'));
    } finally {
      await server.close();
    }
  });

  test('a redirect to another origin refused: the view names the secret, never its value', async () => {
    const other = await startServer((req, res, recorded) => echo(req, res, recorded.body), undefined, '127.0.0.2');
    const server = await startServer((req, res) => res.writeHead(308, { Location: `${other.origin}/x?k=${encodeURIComponent(String(req.headers['x-api-key']))}` }).end());
    try {
      const { result, view } = await runPlan(plan(`${server.origin}/away`), options);
      assert.equal(result.outcome, 'refused');
      assert.equal(other.requests.length, 0);
      assert.ok(view.explanation.details[0].includes('CANARY'), view.explanation.details[0]);
      assert.equal(findForm(JSON.stringify(view), CANARY), undefined, 'the view');
    } finally {
      await server.close();
      await other.close();
    }
  });
});
