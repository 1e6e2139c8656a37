// `opencx-actions run` against the example shop's demo API (scripts/demo-api.mjs, its own process, real HTTPS with
// a certificate for api.acme-shop.example): the examples' default environment "local-demo" connects that host to
// the demo API (connectTo), the token comes from OPENCX_SECRET_SHOP_API_TOKEN, and the demo's CA from --ca.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  assertNoSecret, DEMO_HOST, demoWorkspace, makeTempFolder, parseRun, runCliAsync, startDemoApi, TOKEN_ENV, type DemoApi,
} from './runHarness';

const ORDER_10452 = '{"id":10452,"status":"shipped","carrier":"DHL","tracking_number":"JD014600006281234567"}';
const ORG_ID = '3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71';
const LOOK_UP = 'actions/look-up-order.action.json';
const REFUND = 'actions/refund-order.action.json';

describe('run: the example actions against the demo API', () => {
  const temp = makeTempFolder();
  let api: DemoApi;
  let workspace: string;
  const run = (args: string[], env: Record<string, string> = TOKEN_ENV) => runCliAsync(['run', ...args, '--ca', api.caFile], workspace, env);

  before(async () => {
    api = await startDemoApi(temp.path);
    workspace = demoWorkspace(`${temp.path}/workspace`, api.port);
  });
  after(async () => {
    await api?.stop();
    temp.remove();
  });

  test('look up order 10452 (text): exit 0, the AI\'s view first, then the request with the source of every header', async () => {
    const result = await run([LOOK_UP, '--param', 'order_id=10452']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'Environment: local-demo · Contact: jane-vip', 'who the run was for, as plan says it');
    assert.equal(lines[1], 'What the AI receives: status 200 (answered)');
    assert.match(lines[2], /^─{60}$/);
    assert.equal(lines[3], ORDER_10452);
    assert.match(lines[4], /^─{60}$/);
    assert.match(lines[5], new RegExp(`^${ORDER_10452.length} bytes · \\d+ tokens · \\d+ ms$`));
    assert.ok(lines.includes(`Request as sent: GET https://${DEMO_HOST}/v1/orders/10452?fields=status%2Ccarrier%2Ctracking_number`), result.stdout);
    for (const line of [
      '  User-Agent: OpenCX  (default)',
      '  Accept: application/json  (action header)',
      '  Authorization: Bearer ${secret:SHOP_API_TOKEN}  (global variable)',
      '  X-Shop-Region: eu-demo  (global variable)',
      '  X-Customer-Tier: gold  (contact (widget) header)',
      `  x-opencx-org-id: ${ORG_ID}  (context header)`,
      '  x-opencx-external-user-id: cus_1001  (context header)',
    ]) assert.ok(lines.includes(line), `missing line ${JSON.stringify(line)} in\n${result.stdout}`);
    assert.ok(lines.some((l) => /^ {2}x-opencx-session-id: [0-9a-f-]{36} {2}\(context header\)$/.test(l)), result.stdout);
    // The request section comes after the AI's view.
    assert.ok(result.stdout.indexOf('What the AI receives') < result.stdout.indexOf('Request as sent'));
    assert.ok(lines.includes(`  - Connects to 127.0.0.1:${api.port} instead of resolving ${DEMO_HOST} (connectTo): OpenCX always resolves the real host.`), result.stdout);
    assertNoSecret(result);
  });

  test('look up order 10452 (json): the issue\'s shape, the AI body byte for byte, the secret masked', async () => {
    const result = await run([LOOK_UP, '--param', 'order_id=10452', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assertNoSecret(result);
    const json = parseRun(result);
    assert.deepEqual(Object.keys(json).sort(), [
      'ai', 'differsFromOpenCX', 'error', 'explanation', 'notes', 'outcome', 'redirects', 'request', 'response', 'visibleToContact',
    ]);
    assert.equal(json.outcome, 'success');
    assert.deepEqual(json.ai, { status: 200, body: ORDER_10452 });
    assert.deepEqual(Object.keys(json.request).sort(), ['body', 'headers', 'method', 'url']);
    assert.equal(json.request.method, 'GET');
    assert.equal(json.request.url, `https://${DEMO_HOST}/v1/orders/10452?fields=status%2Ccarrier%2Ctracking_number`);
    assert.equal(json.request.body, null);
    for (const h of json.request.headers) assert.deepEqual(Object.keys(h).sort(), ['name', 'shadowed', 'source', 'value'], JSON.stringify(h));
    const pairs = json.request.headers.map((h) => `${h.name}: ${h.value} [${h.source}]`);
    assert.deepEqual(pairs.filter((p) => !/^x-opencx-(session-id|ticket-number):/.test(p)), [
      'User-Agent: OpenCX [default]',
      'Accept: application/json [action]',
      'X-Contact-Email: jane@example.com [action]',
      'Authorization: Bearer ${secret:SHOP_API_TOKEN} [globalVariable]',
      'X-Shop-Region: eu-demo [globalVariable]',
      'X-Customer-Tier: gold [contact]',
      `x-opencx-org-id: ${ORG_ID} [context]`,
      'x-opencx-external-user-id: cus_1001 [context]',
    ]);
    assert.deepEqual(Object.keys(json.response).sort(), ['bytes', 'headers', 'status', 'timing', 'tokens']);
    assert.equal(json.response.status, 200);
    assert.equal(json.response.bytes, Buffer.byteLength(ORDER_10452));
    assert.ok(Number.isInteger(json.response.tokens) && json.response.tokens > 0, String(json.response.tokens));
    assert.deepEqual(json.response.headers.find((h) => h.name.toLowerCase() === 'content-type'), { name: 'content-type', value: 'application/json' });
    assert.deepEqual(Object.keys(json.response.timing).sort(), ['connectMs', 'connectionReused', 'firstByteMs', 'totalMs']);
    assert.ok(typeof json.response.timing.totalMs === 'number' && typeof json.response.timing.firstByteMs === 'number');
    assert.equal(json.visibleToContact, true);
    assert.equal(json.error, null);
    assert.deepEqual(json.redirects, []);
    assert.equal(json.differsFromOpenCX, true, 'connectTo makes the run differ from OpenCX');
    assert.ok(json.notes.some((n) => n.includes(`127.0.0.1:${api.port} instead of resolving ${DEMO_HOST}`)), json.notes.join('\n'));
  });

  test('order 999: exit 0 (answered), and the AI gets the 404 and its short body verbatim', async () => {
    const result = await run([LOOK_UP, '--param', 'order_id=999', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = parseRun(result);
    assert.equal(json.outcome, 'http-error');
    assert.deepEqual(json.ai, { status: 404, body: 'order 999 not found' });
    assert.equal(json.error, null);
    const text = await run([LOOK_UP, '--param', 'order_id=999']);
    assert.equal(text.status, 0, text.stderr);
    assert.deepEqual(text.stdout.split('\n').slice(1, 4), ['What the AI receives: status 404 (HTTP error)', '─'.repeat(60), 'order 999 not found']);
  });

  test('refund as bob-customer: 403 from the API, exit 0, and the action is not visible to him', async () => {
    const result = await run([REFUND, '--param', 'order_id=10452', '--param', 'reason=late', '--contact', 'bob-customer', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assertNoSecret(result);
    const json = parseRun(result);
    assert.equal(json.outcome, 'http-error');
    assert.deepEqual(json.ai, { status: 403, body: 'refunds through the assistant are for VIP customers only' });
    assert.equal(json.request.method, 'POST');
    assert.equal(json.request.body, '{"reason":"late"}');
    assert.equal(json.request.headers.some((h) => h.name === 'X-Customer-Tier'), false, 'bob has no tier header');
    assert.equal(json.visibleToContact, false);
    assert.ok(json.notes.some((n) => n.includes('OpenCX would not offer this action to the active contact')), json.notes.join('\n'));
    const text = await run([REFUND, '--param', 'order_id=10452', '--param', 'reason=late', '--contact', 'bob-customer']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Visible to contact: no: the AI would never be offered this action for this contact/m);
  });

  test('the same refund as jane-vip (the default contact): 201, so the 403 above is the contact\'s doing', async () => {
    const result = await run([REFUND, '--param', 'order_id=10452', '--param', 'reason=late', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    const json = parseRun(result);
    assert.equal(json.outcome, 'success');
    assert.deepEqual(json.ai, { status: 201, body: '{"refund_id":"re_10452_1","order_id":10452,"amount_cents":4990,"reason":"late"}' });
    assert.equal(json.visibleToContact, true);
  });

  test('a wrong token: the demo API answers 401 and the AI gets it verbatim (exit 0); neither token is printed', async () => {
    const result = await run([LOOK_UP, '--param', 'order_id=10452', '--format', 'json'], { OPENCX_SECRET_SHOP_API_TOKEN: 'not-the-token' });
    assert.equal(result.status, 0, result.stderr);
    assertNoSecret(result, 'not-the-token');
    const json = parseRun(result);
    assert.deepEqual(json.ai, { status: 401, body: 'missing or invalid API token: expected "Authorization: Bearer <token>"' });
    assert.ok(json.explanation.details.some((d) => d.includes('Check that the token is valid')), json.explanation.details.join('\n'));
  });
});
