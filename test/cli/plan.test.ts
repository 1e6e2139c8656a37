// `opencx-actions plan`: the real CLI on examples/ and temp fixtures. Text and JSON output exactly (the generated
// session id and ticket number normalised), exit codes, --config and env/contact defaults, secrets never printed.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { EXAMPLES, runCli, runPlain, tempFolder, writeFile, type CliRun } from './cliHarness';

const ORG_ID = '3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;

/** Replaces the generated ids with fixed text of the same width, so column alignment is compared too. */
function normalise(text: string): string {
  return text
    .replace(UUID, (uuid) => (uuid === ORG_ID ? uuid : 'SESSION-ID'.padEnd(36, '.')))
    .replace(/(x-opencx-ticket-number(?:": "|: ))(\d+)/g, (_, head: string, digits: string) => head + 'T'.repeat(digits.length));
}

function plan(args: string[], cwd = EXAMPLES, env: Record<string, string> = {}): CliRun {
  const run = runCli(['plan', ...args], cwd, { NO_COLOR: '1', ...env });
  return { ...run, stdout: normalise(run.stdout) };
}

const LOOK_UP_TEXT = `GET https://api.acme-shop.example/v1/orders/10452?fields=status%2Ccarrier%2Ctracking_number
Environment: local-demo · Contact: jane-vip
Connects to 127.0.0.1:8443 instead of resolving api.acme-shop.example (connectTo, development only: OpenCX resolves the real host)

Headers:
  User-Agent: OpenCX                                         default
  Accept: application/json                                   action header                        actions/look-up-order.action.json › headers.Accept
  X-Contact-Email: jane@example.com                          action header (magic contact.email)  actions/look-up-order.action.json › headers.X-Contact-Email
  Authorization: Bearer \${secret:SHOP_API_TOKEN}             global variable                      opencx.config.json › globalVariables.Authorization
  X-Shop-Region: eu-demo                                     global variable                      opencx.config.json › environments.local-demo.globalVariables.X-Shop-Region
  X-Customer-Tier: gold                                      contact (widget) header              opencx.config.json › contacts.jane-vip.headers.X-Customer-Tier
  x-opencx-org-id: 3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71      context header                       opencx.config.json › contextHeaders.orgId
  x-opencx-session-id: SESSION-ID..........................  context header                       opencx.config.json › contextHeaders.enabled
  x-opencx-ticket-number: TTTTT                              context header                       opencx.config.json › contextHeaders.enabled
  x-opencx-external-user-id: cus_1001                        context header                       opencx.config.json › contacts.jane-vip.externalId

Visible to contact: yes. Contact "jane-vip" is in customers.

Notes:
  - Header X-Contact-Email is the magic field "contact.email" (the contact's e-mail address), filled by OpenCX from the conversation; the plan shows the email of contact "jane-vip".
  - Context headers carry placeholder values, as the dashboard's Test button sends them: x-opencx-session-id and x-opencx-ticket-number are generated for this plan.
  - Secrets stay references in this plan and are filled in only when the request is sent: SHOP_API_TOKEN.
  - Secret SHOP_API_TOKEN is not set, so this request cannot be sent yet.
`;

describe('plan: text', () => {
  test('the example action with the config defaults (local-demo, jane-vip)', () => {
    const run = plan(['actions/look-up-order.action.json', '--param', 'order_id=10452']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout.replace(/TTTT+ +/, (m) => 'TTTTT'.padEnd(m.length)), LOOK_UP_TEXT);
  });

  test('shadowed values struck through, body, hidden action, chosen environment and contact', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'opencx.config.json', JSON.stringify({
      globalVariables: { authorization: 'Bearer ${secret:TOKEN}' },
      contacts: { bob: { segments: ['customers'], externalId: 'c2', headers: { 'x-tier': 'gold' } } },
      environments: { production: { globalVariables: { 'X-Env': 'prod' } } },
    }));
    writeFile(folder, 'refund.action.json', JSON.stringify({
      name: 'Refund order', description: 'Refund an order in full by its order ID and return the refund ID.',
      method: 'POST', endpoint: 'https://api.acme.test/orders/{id}/refunds',
      headers: { Authorization: 'Bearer literal-secret-123', 'X-Tier': 'bronze' },
      parameters: [{ name: 'id', in: 'path', required: true }],
      body: { type: 'object', properties: { reason: { type: 'string' }, cents: { type: 'integer' } }, required: ['reason'] },
      restrictedToSegments: ['vip'],
    }, null, 2));
    const run = plan(['refund.action.json', '--env', 'production', '--contact', 'bob', '--param', 'id=a/b', '--param', 'cents=250'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `POST https://api.acme.test/orders/a%2Fb/refunds
Environment: production · Contact: bob

Headers:
  User-Agent: OpenCX                     default
  Content-Type: application/json         default
  authorization: Bearer \${secret:TOKEN}  global variable          opencx.config.json › globalVariables.authorization
    ~~Authorization: Bearer ••••••~~ (shadowed: action header, refund.action.json › headers.Authorization)
  x-tier: gold                           contact (widget) header  opencx.config.json › contacts.bob.headers.x-tier
    ~~X-Tier: bronze~~ (shadowed: action header, refund.action.json › headers.X-Tier)
  X-Env: prod                            global variable          opencx.config.json › environments.production.globalVariables.X-Env

Body (JSON):
  {
    "reason": "{reason}",
    "cents": 250
  }

Visible to contact: no (see notes)

Notes:
  - Not offered to contact "bob". The action is restricted to vip; contact "bob" is only in customers. OpenCX filters actions before the AI sees any tool, so the AI could not call this action in this conversation.
  - Content-Type application/json is added by default, since a JSON body is sent and no header sets it (an assumption: OpenCX does not document it).
  - Dry run: no value given for reason, so the plan shows placeholders; the AI extracts these from the conversation.
  - Secrets stay references in this plan and are filled in only when the request is sent: TOKEN.
  - Secret TOKEN is not set, so this request cannot be sent yet.
`);
    assert.ok(!run.stdout.includes('literal-secret-123'));
  });
});

describe('plan: json', () => {
  test('the documented shape, on an example', () => {
    const run = plan(['actions/refund-order.action.json', '--format', 'json', '--param', 'order_id=10452', '--param', 'reason=late', '--param', 'amount_cents=250']);
    assert.equal(run.status, 0, run.stderr);
    const ctx = (name: string, value: string) => ({ name, value, source: 'context', shadowed: [] });
    assert.deepEqual(JSON.parse(run.stdout), {
      request: {
        method: 'POST',
        url: 'https://api.acme-shop.example/v1/orders/10452/refunds',
        headers: [
          { name: 'User-Agent', value: 'OpenCX', source: 'default', shadowed: [] },
          { name: 'Accept', value: 'application/json', source: 'action', shadowed: [] },
          { name: 'Content-Type', value: 'application/json', source: 'action', shadowed: [] },
          { name: 'Authorization', value: 'Bearer ${secret:SHOP_API_TOKEN}', source: 'globalVariable', shadowed: [] },
          { name: 'X-Shop-Region', value: 'eu-demo', source: 'globalVariable', shadowed: [] },
          { name: 'X-Customer-Tier', value: 'gold', source: 'contact', shadowed: [] },
          ctx('x-opencx-org-id', '3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71'),
          ctx('x-opencx-session-id', 'SESSION-ID..........................'),
          ctx('x-opencx-ticket-number', JSON.parse(run.stdout).request.headers[8].value),
          ctx('x-opencx-external-user-id', 'cus_1001'),
        ],
        body: { amount_cents: 250, reason: 'late' },
      },
      visibleToContact: true,
      notes: [
        "Context headers carry placeholder values, as the dashboard's Test button sends them: x-opencx-session-id and x-opencx-ticket-number are generated for this plan.",
        'Secrets stay references in this plan and are filled in only when the request is sent: SHOP_API_TOKEN.',
        'Secret SHOP_API_TOKEN is not set, so this request cannot be sent yet.',
      ],
    });
    assert.match(JSON.parse(run.stdout).request.headers[8].value, /^\d+$/);
  });

  test('shadowed values carry source and masked value', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'opencx.config.json', '{ "globalVariables": { "X-Api-Key": "${secret:KEY}" } }');
    writeFile(folder, 'a.action.json', '{ "name": "Get thing", "description": "Get one thing by its ID and return it.", "method": "GET", "endpoint": "https://a.test/x", "headers": { "x-api-key": "plain-key-value" } }');
    const run = plan(['a.action.json', '--format=json'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).request.headers[1], { name: 'X-Api-Key', value: '${secret:KEY}', source: 'globalVariable', shadowed: [{ source: 'action', value: '••••••' }] });
    assert.ok(!run.stdout.includes('plain-key-value'));
    assert.equal(JSON.parse(run.stdout).request.body, null);
  });
});

describe('plan: secrets from OPENCX_SECRET_* are never printed', () => {
  for (const format of ['text', 'json']) {
    test(format, () => {
      const run = plan(['actions/look-up-order.action.json', '--format', format], EXAMPLES, { OPENCX_SECRET_SHOP_API_TOKEN: 'super-secret-value-42' });
      assert.equal(run.status, 0, run.stderr);
      assert.ok(!run.stdout.includes('super-secret-value-42') && !run.stderr.includes('super-secret-value-42'));
      assert.ok(run.stdout.includes('${secret:SHOP_API_TOKEN}'));
      assert.ok(!run.stdout.includes('is not set'), 'the variable counts as set');
    });
  }
});

describe('plan: organisation lookup', () => {
  test('the nearest opencx.config.json above the action; --config overrides it', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'opencx.config.json', '{ "globalVariables": { "X-Org": "outer" } }');
    writeFile(folder, 'team/opencx.config.json', '{ "globalVariables": { "X-Org": "inner" } }');
    writeFile(folder, 'team/actions/a.action.json', '{ "method": "GET", "endpoint": "https://a.test/x" }');
    const nearest = plan(['team/actions/a.action.json', '--format', 'json'], folder);
    assert.equal(JSON.parse(nearest.stdout).request.headers[1].value, 'inner');
    const chosen = plan(['team/actions/a.action.json', '--format', 'json', '--config', 'opencx.config.json'], folder);
    assert.equal(JSON.parse(chosen.stdout).request.headers[1].value, 'outer');
    // Outside the current folder a file is shown by its absolute path, as lint shows it.
    assert.ok(plan(['a.action.json'], path.join(folder, 'team/actions')).stdout.includes(`X-Org: inner        global variable  ${folder}/team/opencx.config.json › globalVariables.X-Org\n`));
  });

  test('no config: planned without one, with notes; schema errors in the files are noted', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a.action.json', '{ "method": "GET", "endpoint": "https://a.test/x" }');
    const run = plan(['a.action.json', '--format', 'json'], folder);
    assert.equal(run.status, 0, run.stderr);
    const notes: string[] = JSON.parse(run.stdout).notes;
    // How many schema errors a file without name and description has is the schema's business, not plan's.
    assert.match(notes.shift()!, /^a\.action\.json has \d+ errors? \(run opencx-actions lint a\.action\.json\); planned from what could be read\.$/);
    assert.deepEqual(notes, [
      'No opencx.config.json found: planned without global variables, contacts or context headers.',
      'No contact chosen: planned for an anonymous visitor with no widget-passed values.',
    ]);
  });

  test('a config with schema errors is used as far as it can be read', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'opencx.config.json', '{ "globalVariables": { "X-A": "1" }, "colour": "red" }');
    writeFile(folder, 'a.action.json', '{ "name": "Get thing", "description": "Get one thing by its ID and return it.", "method": "GET", "endpoint": "https://a.test/x" }');
    const run = plan(['a.action.json', '--format', 'json'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).notes[0], 'opencx.config.json has 1 error (run opencx-actions lint opencx.config.json); planned from what could be read.');
    assert.equal(JSON.parse(run.stdout).request.headers[1].value, '1');
  });
});

describe('plan: exit 2', () => {
  const cases: [string, string[], string][] = [
    ['unknown environment', ['actions/look-up-order.action.json', '--env', 'prod'], 'opencx-actions: unknown environment "prod": opencx.config.json has no such environment; available: "staging", "production", "local-demo"\n'],
    ['unknown contact', ['actions/look-up-order.action.json', '--contact', 'janet'], 'opencx-actions: unknown contact "janet": opencx.config.json (environment "local-demo") has no such contact; available: "anonymous-visitor", "jane-vip", "bob-customer"\n'],
    ['missing file', ['actions/nope.action.json'], 'opencx-actions: cannot read actions/nope.action.json: no such file\n'],
    ['a folder', ['actions'], 'opencx-actions: cannot read actions: not a regular file\n'],
    ['missing --config file', ['actions/look-up-order.action.json', '--config', 'nope.json'], 'opencx-actions: cannot read nope.json: no such file\n'],
  ];
  for (const [title, args, stderr] of cases) {
    test(title, () => {
      const run = plan(args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, stderr);
    });
  }

  const usage: [string, string[], string][] = [
    ['no file', [], 'plan needs an action file'],
    ['two files', ['a.action.json', 'b.action.json'], 'plan takes one action file; got 2'],
    ['bad --param', ['actions/look-up-order.action.json', '--param', 'order_id'], '--param must be name=value; got "order_id"'],
    ['bad --format', ['actions/look-up-order.action.json', '--format', 'yaml'], '--format must be one of text, json; got "yaml"'],
  ];
  for (const [title, args, message] of usage) {
    test(`usage: ${title}`, () => {
      const run = runPlain(['plan', ...args], EXAMPLES);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `opencx-actions: ${message}\nsee opencx-actions plan --help\n`);
    });
  }

  test('--env without any opencx.config.json', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a.action.json', '{ "method": "GET", "endpoint": "https://a.test/x" }');
    const run = plan(['a.action.json', '--env', 'staging'], folder);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'opencx-actions: --env needs an opencx.config.json: none found at or above a.action.json (use --config PATH)\n');
  });

  test('a config that is not valid JSON', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'opencx.config.json', '{ "contacts": { }, }');
    writeFile(folder, 'a.action.json', '{ "method": "GET", "endpoint": "https://a.test/x" }');
    const run = plan(['a.action.json'], folder);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^opencx-actions: cannot use opencx\.config\.json: it is not a valid JSON object \(1:\d+: .+\)\n$/);
  });
});

describe('plan: exit 1', () => {
  test('an action that cannot be planned says which errors and where', () => {
    const run = plan(['broken/track-parcel.action.json']);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'opencx-actions: broken/track-parcel.action.json cannot be planned:\n  broken/track-parcel.action.json:5:13: method "FETCH" is not one of GET, POST, PUT, PATCH, DELETE\n');
  });

  test('an insecure endpoint is planned (exit 0), with the note that OpenCX never calls it', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a.action.json', '{\n  "method": "GET",\n  "endpoint": "http://a.test/x"\n}');
    const run = plan(['a.action.json'], folder);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^GET http:\/\/a\.test\/x\n/);
    assert.match(run.stdout, /  - The endpoint uses http:\/\/: OpenCX never calls http:\/\/ endpoints, so a run is refused \(except to a loopback host when http is allowed for local development\)\.\n/);
  });

  test('a file that is not valid JSON lists its syntax errors', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a.action.json', '{ "method": "GET", }');
    const run = plan(['a.action.json'], folder);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^opencx-actions: a\.action\.json cannot be planned: it is not valid JSON\n {2}a\.action\.json:1:\d+: .+\n/);
  });
});
