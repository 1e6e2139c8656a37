// `opencx-actions route` against a fake chat-completions server on 127.0.0.1: the exact requests (the catalog's
// tools for the contact and channel, tool_choice, the two messages), nothing else leaving the machine (canaries),
// the report in every format, retries after a 429, the timeout, a 500, and every exit code.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CLI, EXAMPLES, tempFolder, writeFile } from './cliHarness';
import { FakeModel, type FakeAnswer } from '../fakes/fakeModel';

const exec = promisify(execFile);
const SECRET_VALUE = 'canary-secret-7f3a9c';

/** Runs the CLI without blocking this process (the fake server answers from it). */
async function route(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, 'route', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', OPENCX_SECRET_SHOP_API_TOKEN: SECRET_VALUE, ...env }, timeout: 60_000 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    return { status: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A workspace with a config, a canary header/secret/URL in every action, and utterances. */
function workspace(t: Parameters<typeof tempFolder>[0]): string {
  const folder = tempFolder(t);
  writeFile(folder, 'opencx.config.json', JSON.stringify({ segments: ['customers'], contacts: { bob: { segments: ['customers'], externalId: 'c2', headers: { 'X-Canary-Contact': 'contact-canary' } } }, globalVariables: { Authorization: 'Bearer ${secret:SHOP_API_TOKEN}' } }));
  const action = (name: string, extra: Record<string, unknown>) => JSON.stringify({
    name, description: `${name}: what it does, long enough for the schema.`, method: 'GET', endpoint: 'https://canary-host.example/v1/things/{id}',
    headers: { 'X-Canary-Header': 'header-canary' }, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }, { name: 'static', in: 'query', value: 'static-canary' }],
    restrictedToSegments: ['customers'], ...extra,
  });
  writeFile(folder, 'look.action.json', action('Look up order', { utterances: ['where is order 5?', { text: 'status of order 10452', expect: { id: 10452 } }] }));
  writeFile(folder, 'cancel.action.json', action('Cancel order', { utterances: ['cancel order 7 please'] }));
  writeFile(folder, 'email.action.json', action('Email receipt', { channels: ['email'], utterances: ['email me the receipt'] }));
  return folder;
}

/** Picks by the utterance: what a deterministic model would do. */
const byUtterance = (table: Record<string, FakeAnswer>) => (body: any): FakeAnswer => table[body.messages[1].content] ?? { noCall: true };

describe('opencx-actions route', () => {
  const fakes: FakeModel[] = [];
  const start = async (answer: (body: any, index: number) => FakeAnswer) => {
    const fake = await FakeModel.start(answer);
    fakes.push(fake);
    return fake;
  };
  after(() => Promise.all(fakes.map((f) => f.stop())));

  test('the exact requests, nothing secret leaves, a right and a wrong pick: json report and exit 1 below 0.9', async (t) => {
    const folder = workspace(t);
    const fake = await start(byUtterance({
      'where is order 5?': { call: 'look_up_order', arguments: { id: 5 } },
      'status of order 10452': { call: 'look_up_order', arguments: { id: 10452 } },
      'cancel order 7 please': { call: 'look_up_order', arguments: { id: 7 } },
    }));
    const run = await route(['--model', 'fake-1', '--base-url', fake.baseUrl, '--contact', 'bob', '--format', 'json'], folder, { OPENCX_MODEL_API_KEY: 'model-key-canary' });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual({ ...report, cases: undefined }, {
      model: 'fake-1', contact: 'bob', channel: 'widget', accuracy: 2 / 3, argumentAccuracy: 1, cases: undefined,
      confusions: [{ expected: 'Cancel order', picked: 'Look up order', count: 1 }],
    });
    assert.deepEqual(report.cases, [
      { file: 'cancel.action.json', action: 'Cancel order', utterance: 'cancel order 7 please', picks: ['Look up order'], correct: false, arguments: { valid: false, matches: null } },
      { file: 'look.action.json', action: 'Look up order', utterance: 'where is order 5?', picks: ['Look up order'], correct: true, arguments: { valid: true, matches: null } },
      { file: 'look.action.json', action: 'Look up order', utterance: 'status of order 10452', picks: ['Look up order'], correct: true, arguments: { valid: true, matches: true } },
    ]);
    assert.equal(fake.requests.length, 3, 'the email-only action is not tested on the widget');
    const tools = JSON.parse((await exec(process.execPath, [CLI, 'tools', '--contact', 'bob', '--format', 'json'], { cwd: folder })).stdout).tools;
    for (const request of fake.requests) {
      assert.equal(request.method, 'POST');
      assert.equal(request.url, '/v1/chat/completions');
      assert.equal(request.headers.authorization, 'Bearer model-key-canary', 'the model key goes to the model endpoint only');
      assert.deepEqual(Object.keys(request.body).sort(), ['messages', 'model', 'tool_choice', 'tools']);
      assert.equal(request.body.model, 'fake-1');
      assert.equal(request.body.tool_choice, 'auto');
      assert.equal(request.body.messages.length, 2);
      assert.equal(request.body.messages[0].role, 'system');
      assert.equal(request.body.messages[1].role, 'user');
      assert.deepEqual(request.body.tools, tools.map((tool: any) => ({ type: 'function', function: { name: tool.function, description: tool.description, parameters: tool.parameters } })));
      const everything = request.raw + JSON.stringify(request.headers);
      for (const canary of [SECRET_VALUE, 'SHOP_API_TOKEN', 'canary-host', 'header-canary', 'X-Canary', 'static-canary', 'contact-canary', 'https://']) assert.ok(!everything.includes(canary), `${canary} never reaches the model`);
    }
    assert.match(run.stderr, /sending 3 requests to http:\/\/127\.0\.0\.1:\d+\/v1 \(model fake-1\)/);
  });

  test('--runs repeats each utterance; text and junit formats; --min-accuracy decides the exit code', async (t) => {
    const folder = workspace(t);
    const fake = await start((body, index) => (body.messages[1].content === 'cancel order 7 please' ? (index % 2 ? { call: 'cancel_order', arguments: { id: 7 } } : { noCall: true }) : { call: 'look_up_order', arguments: { id: 1 } }));
    const text = await route(['--model', 'm', '--base-url', fake.baseUrl, '--contact', 'bob', '--runs', '2', '--min-accuracy', '0.8'], folder);
    assert.equal(fake.requests.length, 6);
    assert.equal(text.status, 0, text.stdout + text.stderr);
    assert.match(text.stdout, /^Routing test with m for contact "bob" on widget: accuracy 83\.3% \(minimum 80\.0%\), 2 of 3 utterances always routed right/);
    assert.ok(text.stdout.includes('  Cancel order (cancel.action.json): "cancel order 7 please" → '), text.stdout);
    assert.ok(text.stdout.includes('Confusions (wrong picks only):\n  expected      picked     count\n  Cancel order  (no tool)  1\n'), text.stdout);
    assert.ok(text.stdout.includes('Right action, wrong arguments:\n  Look up order: "status of order 10452" (not the expected values)'), text.stdout);
    const junit = await route(['--model', 'm', '--base-url', fake.baseUrl, '--contact', 'bob', '--runs', '2', '--format', 'junit', '--min-accuracy', '0.9'], folder);
    assert.equal(junit.status, 1);
    assert.match(junit.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="opencx-actions route" tests="3" failures="1">/);
    assert.match(junit.stdout, /<testcase classname="Cancel order" name="cancel order 7 please" file="cancel\.action\.json">\n {6}<failure message="expected Cancel order, picked /);
    assert.ok(junit.stdout.includes('<testcase classname="Look up order" name="where is order 5?" file="look.action.json"/>'));
  });

  test('a 429 with Retry-After is retried and then succeeds', async (t) => {
    const folder = workspace(t);
    const fake = await start((body, index) => (index === 0 ? { status: 429, retryAfter: '0' } : { call: body.messages[1].content.startsWith('cancel') ? 'cancel_order' : 'look_up_order', arguments: { id: 10452 } }));
    const run = await route(['--model', 'm', '--base-url', fake.baseUrl, '--contact', 'bob', '--format', 'json'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).accuracy, 1);
    assert.equal(fake.requests.length, 4, 'three utterances, one of them twice');
  });

  test('the endpoint failing is exit 2 with a clear message: a 500, a hang past the timeout, nobody listening', async (t) => {
    const folder = workspace(t);
    const failing = await start(() => ({ status: 500 }));
    const error = await route(['--model', 'm', '--base-url', failing.baseUrl, '--contact', 'bob'], folder);
    assert.equal(error.status, 2);
    assert.match(error.stderr, /opencx-actions: the model endpoint http:\/\/127\.0\.0\.1:\d+\/v1 answered 500: /);
    assert.equal(error.stdout, '');
    const hanging = await start(() => ({ hang: true }));
    const started = Date.now();
    const hang = await route(['--model', 'm', '--base-url', hanging.baseUrl, '--contact', 'bob'], folder, { OPENCX_MODEL_TIMEOUT_MS: '500' });
    assert.equal(hang.status, 2);
    assert.match(hang.stderr, /did not answer within 500 ms/);
    assert.ok(Date.now() - started < 20_000);
    const refused = await route(['--model', 'm', '--base-url', 'http://127.0.0.1:9/v1', '--contact', 'bob'], folder);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /could not reach the model endpoint http:\/\/127\.0\.0\.1:9\/v1/);
  });

  test('--dry-run prints the requests and sends nothing; --max-requests refuses larger runs; bad usage is exit 2', async (t) => {
    const folder = workspace(t);
    const fake = await start(() => ({ noCall: true }));
    const dry = await route(['--model', 'm', '--base-url', fake.baseUrl, '--contact', 'bob', '--channel', 'email', '--dry-run'], folder);
    assert.equal(dry.status, 0, dry.stderr);
    const printed = JSON.parse(dry.stdout);
    assert.equal(printed.requests, 1);
    assert.deepEqual(printed.bodies[0].messages[1], { role: 'user', content: 'email me the receipt' });
    assert.equal(fake.requests.length, 0, 'a dry run sends nothing');
    const tooMany = await route(['--model', 'm', '--base-url', fake.baseUrl, '--contact', 'bob', '--runs', '5', '--max-requests', '10'], folder);
    assert.equal(tooMany.status, 2);
    assert.match(tooMany.stderr, /this run would make 15 requests \(3 utterances × 5 runs\), above --max-requests 10/);
    for (const [args, message] of [
      [[], /route needs --model NAME/],
      [['--model', 'm', '--runs', '0'], /--runs must be a whole number of 1 or more; got "0"/],
      [['--model', 'm', '--min-accuracy', '1.5'], /--min-accuracy must be a number from 0 to 1; got "1.5"/],
      [['--model', 'm', '--base-url', 'ftp://x'], /--base-url must be an http\(s\) URL/],
      [['--model', 'm', '--format', 'sarif'], /--format must be one of text, json, junit; got "sarif"/],
      [['--model', 'm', '--contact', 'nobody'], /unknown contact "nobody"/],
    ] as [string[], RegExp][]) {
      const run = await route(args, folder);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
    assert.equal(fake.requests.length, 0);
  });

  test('the examples have utterances: a dry run for jane-vip lists them', async () => {
    const run = await route(['--model', 'm', '--dry-run', '--contact', 'jane-vip'], EXAMPLES);
    assert.equal(run.status, 0, run.stderr);
    const printed = JSON.parse(run.stdout);
    assert.ok(printed.requests >= 8, `${printed.requests} requests`);
    assert.equal(printed.endpoint, 'https://api.openai.com/v1');
  });
});
