// `opencx-actions tools` and `coverage`: the real CLI on examples/ and temp folders. Every format, the exact JSON
// shapes of the issue, and every exit code (0; 1 an action file is not JSON; 2 bad usage or input).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countAiTokens } from '../../server/src/engine/execute/tokens';
import { EXAMPLES, runPlain, tempFolder, writeFile } from './cliHarness';

const json = (text: string): any => JSON.parse(text);

const ACTION = (name: string, extra: Record<string, unknown> = {}) => JSON.stringify({
  name,
  description: `${name}: a description long enough for the schema to accept it.`,
  method: 'GET',
  endpoint: 'https://api.example.com/things',
  restrictedToSegments: [],
  ...extra,
}, null, 2);

describe('opencx-actions tools', () => {
  test('json: the documented shape for bob-customer on email, tokens counted on the compact tools array', async () => {
    const run = runPlain(['tools', '--contact', 'bob-customer', '--channel', 'email', '--format', 'json'], EXAMPLES);
    assert.equal(run.status, 0, run.stderr);
    const out = json(run.stdout);
    assert.deepEqual(Object.keys(out), ['contact', 'channel', 'tools', 'hidden', 'tokens']);
    assert.equal(out.contact, 'bob-customer');
    assert.equal(out.channel, 'email');
    assert.deepEqual(out.tools.map((t: any) => [t.file, t.name, t.function]), [
      ['actions/change-shipping-address.action.json', 'Change shipping address', 'change_shipping_address'],
      ['actions/look-up-order.action.json', 'Look up order', 'look_up_order'],
      ['actions/resend-invoice.action.json', 'Resend invoice', 'resend_invoice'],
      ['actions/search-help-center.action.json', 'Search help center', 'search_help_center'],
    ]);
    assert.deepEqual(Object.keys(out.tools[0]), ['file', 'name', 'function', 'description', 'parameters']);
    assert.deepEqual(out.tools[2].parameters, {
      type: 'object',
      properties: {
        order_id: { type: 'integer', description: 'Numeric ID of the order whose invoice is sent' },
        send_copy_to: { type: 'string' },
        include_receipts: { type: 'boolean' },
      },
      required: ['order_id'],
    });
    assert.deepEqual(out.tools[3].parameters.properties, { query: { type: 'string', description: 'A few words describing what the customer wants to know, e.g. "return a gift"' } }, 'the static limit is not offered');
    assert.deepEqual(out.hidden, [
      { file: 'actions/refund-order.action.json', name: 'Refund order', reason: 'channel' },
      { file: 'broken/track-parcel.action.json', name: 'Track parcel', reason: 'invalid' },
    ]);
    const sent = out.tools.map((t: any) => ({ type: 'function', function: { name: t.function, description: t.description, parameters: t.parameters } }));
    assert.equal(out.tokens, (await countAiTokens(JSON.stringify(sent))).tokens);
    assert.ok(!run.stdout.includes('secret') && !run.stdout.includes('contact.email'), 'no secret reference, no magic field');
  });

  test('no --contact: the config\'s defaultContact, as plan; the anonymous visitor by name sees little', () => {
    const byDefault = json(runPlain(['tools', '--format', 'json'], EXAMPLES).stdout);
    assert.equal(byDefault.contact, 'jane-vip');
    assert.deepEqual(byDefault.tools.map((t: any) => t.function), ['change_shipping_address', 'look_up_order', 'refund_order', 'search_help_center']);
    const visitor = json(runPlain(['tools', '--contact', 'anonymous-visitor', '--format', 'json'], EXAMPLES).stdout);
    assert.deepEqual(visitor.tools.map((t: any) => t.function), ['search_help_center']);
    assert.deepEqual(visitor.hidden.map((h: any) => h.reason), ['segment', 'segment', 'segment', 'channel', 'invalid']);
  });

  test('text: each tool with its parameters, the token count and biggest contributors, the hidden ones with why', () => {
    const run = runPlain(['tools', 'examples', '--contact', 'anonymous-visitor'], `${EXAMPLES}/..`);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /^1 tool offered to contact "anonymous-visitor" on widget: \d+ tokens \(o200k, compact JSON of the tools array\)$/);
    assert.ok(run.stdout.includes('search_help_center  Search help center  (examples/actions/search-help-center.action.json)\n'));
    assert.ok(run.stdout.includes('  · query (string, required) — A few words describing what the customer wants to know, e.g. "return a gift"\n'));
    assert.ok(run.stdout.includes('  Refund order (examples/actions/refund-order.action.json): segment. Contact "anonymous-visitor" is anonymous (no externalId), and anonymous contacts only get unrestricted actions; this one is restricted to vip.\n'));
    assert.ok(run.stdout.includes('  Resend invoice (examples/actions/resend-invoice.action.json): channel. The action is only on email, not widget.\n'));
  });

  test('no config: the anonymous visitor, contact null; --contact then is an input error (2)', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a.action.json', ACTION('Open account', { restrictedToSegments: ['vip'] }));
    writeFile(folder, 'b.action.json', ACTION('Close account'));
    const run = runPlain(['tools', '--format', 'json'], folder);
    assert.equal(run.status, 0, run.stderr);
    const out = json(run.stdout);
    assert.equal(out.contact, null);
    assert.deepEqual(out.tools.map((t: any) => t.name), ['Close account']);
    assert.deepEqual(out.hidden, [{ file: 'a.action.json', name: 'Open account', reason: 'segment' }]);
    const withContact = runPlain(['tools', '--contact', 'x'], folder);
    assert.equal(withContact.status, 2);
    assert.match(withContact.stderr, /--contact needs an opencx\.config\.json/);
  });

  test('an action file that is not JSON: listed as invalid, the rest still printed, exit 1', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'good.action.json', ACTION('Look up thing'));
    writeFile(folder, 'bad.action.json', '{ "name": "Half typed",');
    writeFile(folder, 'schema.action.json', ACTION('Wrong method', { method: 'FETCH' }));
    const run = runPlain(['tools', '--format', 'json'], folder);
    assert.equal(run.status, 1);
    const out = json(run.stdout);
    assert.deepEqual(out.tools.map((t: any) => t.name), ['Look up thing']);
    assert.deepEqual(out.hidden, [
      { file: 'bad.action.json', name: 'bad.action.json', reason: 'invalid' },
      { file: 'schema.action.json', name: 'Wrong method', reason: 'invalid' },
    ]);
    assert.equal(run.stderr, 'opencx-actions: bad.action.json could not be read: it is not valid JSON (run opencx-actions lint bad.action.json)\n');
    const schemaOnly = runPlain(['tools', 'schema.action.json', 'good.action.json'], folder);
    assert.equal(schemaOnly.status, 0, 'schema errors hide the action but are not an unreadable file');
  });

  test('bad usage and input: exit 2 with a specific message', (t) => {
    const cases: [string[], RegExp][] = [
      [['tools', '--channel', 'fax'], /--channel must be one of widget, email, sms, whatsapp, phone, slack; got "fax"/],
      [['tools', '--format', 'markdown'], /--format must be one of text, json; got "markdown"/],
      [['tools', '--contact', 'nobody'], /unknown contact "nobody".*available: "anonymous-visitor", "jane-vip", "bob-customer"/],
      [['tools', '--env', 'moon'], /unknown environment "moon"/],
      [['tools', '--bogus'], /Unknown option '--bogus'/],
      [['tools', 'missing-folder'], /cannot read missing-folder: no such file or folder/],
    ];
    for (const [args, message] of cases) {
      const run = runPlain(args, EXAMPLES);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
    const folder = tempFolder(t);
    writeFile(folder, 'one/opencx.config.json', '{}');
    writeFile(folder, 'one/a.action.json', ACTION('Look up thing'));
    writeFile(folder, 'two/opencx.config.json', '{}');
    writeFile(folder, 'two/b.action.json', ACTION('Look up other'));
    const two = runPlain(['tools'], folder);
    assert.equal(two.status, 2);
    assert.match(two.stderr, /the actions belong to 2 organisations \(one\/opencx\.config\.json, two\/opencx\.config\.json\): name one with --config/);
    assert.equal(runPlain(['tools', '--config', 'one/opencx.config.json'], folder).status, 0);
  });
});

describe('opencx-actions coverage', () => {
  test('json: the documented shape, every contact plus (anonymous)', () => {
    const run = runPlain(['coverage', '--format', 'json'], EXAMPLES);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(json(run.stdout), {
      channel: 'widget',
      contacts: ['anonymous-visitor', 'jane-vip', 'bob-customer', '(anonymous)'],
      actions: [
        { file: 'actions/change-shipping-address.action.json', name: 'Change shipping address', offeredTo: ['jane-vip', 'bob-customer'] },
        { file: 'actions/look-up-order.action.json', name: 'Look up order', offeredTo: ['jane-vip', 'bob-customer'] },
        { file: 'actions/refund-order.action.json', name: 'Refund order', offeredTo: ['jane-vip'] },
        { file: 'actions/resend-invoice.action.json', name: 'Resend invoice', offeredTo: [] },
        { file: 'actions/search-help-center.action.json', name: 'Search help center', offeredTo: ['anonymous-visitor', 'jane-vip', 'bob-customer', '(anonymous)'] },
        { file: 'broken/track-parcel.action.json', name: 'Track parcel', offeredTo: [] },
      ],
      unreachable: ['actions/resend-invoice.action.json', 'broken/track-parcel.action.json'],
      contactsWithoutActions: [],
      unusedSegments: ['staff'],
    });
  });

  test('markdown: a table to paste into a pull request, with the reason in each empty cell', () => {
    const run = runPlain(['coverage', '--format', 'markdown', '--channel', 'email'], EXAMPLES);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, [
      '**What the AI is offered on email** (✅ offered; otherwise why not: segment, channel, invalid)',
      '',
      '| action | anonymous-visitor | jane-vip | bob-customer | (anonymous) |',
      '|---|:---:|:---:|:---:|:---:|',
      '| Change shipping address (`actions/change-shipping-address.action.json`) | — segment | ✅ | ✅ | — segment |',
      '| Look up order (`actions/look-up-order.action.json`) | — segment | ✅ | ✅ | — segment |',
      '| Refund order (`actions/refund-order.action.json`) | — channel | — channel | — channel | — channel |',
      '| Resend invoice (`actions/resend-invoice.action.json`) | — segment | ✅ | ✅ | — segment |',
      '| Search help center (`actions/search-help-center.action.json`) | ✅ | ✅ | ✅ | ✅ |',
      '| Track parcel (`broken/track-parcel.action.json`) | — invalid | — invalid | — invalid | — invalid |',
      '',
      '- Unreachable: `actions/refund-order.action.json`, `broken/track-parcel.action.json`',
      '- Contacts offered nothing: none',
      '- Segments no action uses: staff',
      '',
    ].join('\n'));
  });

  test('markdown: a pipe in an action name cannot break the table', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a.action.json', ACTION('Look up | split'));
    const run = runPlain(['coverage', '--format', 'markdown'], folder);
    assert.ok(run.stdout.includes('| Look up \\| split (`a.action.json`) | ✅ |'), run.stdout);
  });

  test('text: one line per action, then unreachable actions, contacts offered nothing, unused segments', () => {
    const run = runPlain(['coverage', '--channel', 'sms'], EXAMPLES);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Coverage on sms for 4 contacts: anonymous-visitor, jane-vip, bob-customer, \(anonymous\)\n/);
    assert.ok(run.stdout.includes('Contacts offered nothing: anonymous-visitor, jane-vip, bob-customer, (anonymous)\n'));
    assert.ok(run.stdout.includes('Look up order            (nobody)  actions/look-up-order.action.json\n'), run.stdout);
  });

  test('exit 1 for a file that is not JSON; 2 for bad usage and unknown environments', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'bad.action.json', '{');
    const bad = runPlain(['coverage', '--format', 'json'], folder);
    assert.equal(bad.status, 1);
    assert.deepEqual(json(bad.stdout).unreachable, ['bad.action.json']);
    for (const args of [['coverage', '--format', 'sarif'], ['coverage', '--channel', 'Email'], ['coverage', '--env', 'moon'], ['coverage', '--contact', 'jane-vip']]) {
      const run = runPlain(args, EXAMPLES);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '');
    }
  });
});
