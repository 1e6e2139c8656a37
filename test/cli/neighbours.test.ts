// `opencx-actions neighbours` (issue 9, item 4): the real CLI on examples/ and temp folders. The exact JSON shape of
// the issue, the text form, --contact, organisation scope, and the exit codes (0 whatever the neighbours; 2 bad usage).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXAMPLES, runPlain, tempFolder, writeFile } from './cliHarness';

const json = (text: string): any => JSON.parse(text);

const ACTION = (name: string, description: string, extra: Record<string, unknown> = {}) => JSON.stringify({
  name,
  description,
  method: 'GET',
  endpoint: 'https://api.example.com/orders/{order_id}',
  parameters: [{ name: 'order_id', in: 'path', description: 'Order number', required: true, schema: { type: 'string' } }],
  restrictedToSegments: [],
  ...extra,
}, null, 2);

const TRACK = ACTION('Track my delivery', 'Track the delivery of an order: returns the carrier, the tracking number and the expected delivery date.');
const SHIPPING = ACTION('Shipping status', 'Get the shipping status of an order: returns the carrier, the tracking number and the expected arrival date.');
const INVOICE = ACTION('Resend invoice', 'Send the invoice of an order again to the email address of the customer.', { method: 'POST' });
const PASSWORD = ACTION('Reset password', 'Send a password reset link to the email address on the account.', { method: 'POST' });

describe('opencx-actions neighbours', () => {
  test('json: exactly the documented shape, at most three neighbours per action, most similar first', () => {
    const run = runPlain(['neighbours', '--format', 'json'], EXAMPLES);
    assert.equal(run.status, 0, run.stderr);
    const out = json(run.stdout);
    assert.ok(Array.isArray(out) && out.length >= 5, run.stdout);
    for (const action of out) {
      assert.deepEqual(Object.keys(action), ['file', 'name', 'neighbours']);
      assert.match(action.file, /^[a-z]+\/[a-z-]+\.action\.json$/, 'paths as the other commands print them');
      assert.ok(action.neighbours.length <= 3);
      for (const n of action.neighbours) {
        assert.deepEqual(Object.keys(n), ['file', 'name', 'score', 'shared', 'distinguishing']);
        assert.ok(typeof n.score === 'number' && n.score > 0 && n.score <= 1 && Math.round(n.score * 100) / 100 === n.score, `score ${n.score}`);
        assert.ok(n.shared.length > 0 && n.shared.every((w: unknown) => typeof w === 'string'), JSON.stringify(n));
        assert.ok(n.distinguishing.every((w: unknown) => typeof w === 'string'), JSON.stringify(n));
        assert.notEqual(n.file, action.file);
      }
      const scores = action.neighbours.map((n: any) => n.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    }
    const change = out.find((a: any) => a.name === 'Change shipping address');
    assert.equal(change.file, 'actions/change-shipping-address.action.json');
    assert.ok(change.neighbours.some((n: any) => n.name === 'Refund order' && n.file === 'actions/refund-order.action.json'), JSON.stringify(change));
  });

  test('--contact: only actions that contact is offered, and only neighbours it is offered too', () => {
    const all = json(runPlain(['neighbours', '--format', 'json'], EXAMPLES).stdout);
    assert.ok(all.some((a: any) => a.name === 'Refund order'), 'the vip action is listed without a contact');
    const run = runPlain(['neighbours', '--contact', 'bob-customer', '--format', 'json'], EXAMPLES);
    assert.equal(run.status, 0, run.stderr);
    const bob = json(run.stdout);
    assert.ok(bob.length > 0);
    assert.ok(!bob.some((a: any) => a.name === 'Refund order'), 'bob is not a vip');
    assert.ok(!bob.some((a: any) => a.neighbours.some((n: any) => n.name === 'Refund order')), JSON.stringify(bob));
    const anonymous = json(runPlain(['neighbours', '--contact', 'anonymous-visitor', '--format', 'json'], EXAMPLES).stdout);
    assert.deepEqual(anonymous.map((a: any) => a.name), ['Search help center'], 'an anonymous visitor is only offered unrestricted actions');
    assert.deepEqual(anonymous[0].neighbours, []);
  });

  test('text: each action, then its neighbours with the score, what they share and what tells them apart', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'track.action.json', TRACK);
    writeFile(folder, 'shipping.action.json', SHIPPING);
    writeFile(folder, 'invoice.action.json', INVOICE);
    writeFile(folder, 'password.action.json', PASSWORD);
    const run = runPlain(['neighbours'], folder);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /^Nearest actions offered to the same contacts \(description-overlap warns from 0\.\d\d; below that, judge for yourself\):$/);
    const at = lines.indexOf('track.action.json  "Track my delivery"');
    assert.ok(at > 0, run.stdout);
    assert.match(lines[at + 1], /^ {2}0\.\d\d {2}"Shipping status" {2}shipping\.action\.json$/);
    assert.match(lines[at + 2], /^ {8}both say ".+"/);
    assert.match(lines[at + 3], /^ {8}(only this one says "[^"]+"(, "[^"]+")*; )?only "Shipping status" says "[^"]+"(, "[^"]+")*$/);
    const password = run.stdout.split('\n\n').find((section) => section.startsWith('password.action.json  "Reset password"'));
    assert.ok(password && !password.includes('"Track my delivery"'), `no word in common, no neighbour: ${password}`);
  });

  test('text: an action that shares nothing with any other says so', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'track.action.json', TRACK);
    writeFile(folder, 'password.action.json', PASSWORD);
    const run = runPlain(['neighbours'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.endsWith('track.action.json  "Track my delivery"\n  no other action offered to the same contacts says anything this one says\n'), run.stdout);
  });

  test('actions of two organisations are never each other\'s neighbours', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'acme/opencx.config.json', '{}\n');
    writeFile(folder, 'acme/track.action.json', TRACK);
    writeFile(folder, 'globex/opencx.config.json', '{}\n');
    writeFile(folder, 'globex/shipping.action.json', SHIPPING);
    writeFile(folder, 'globex/track.action.json', TRACK);
    const out = json(runPlain(['neighbours', '--format', 'json'], folder).stdout);
    const byFile = new Map(out.map((a: any) => [a.file, a.neighbours.map((n: any) => n.file)]));
    assert.deepEqual(byFile.get('acme/track.action.json'), []);
    assert.deepEqual(byFile.get('globex/track.action.json'), ['globex/shipping.action.json']);
  });

  test('a file that is not JSON is left out with a note; still exit 0', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'track.action.json', TRACK);
    writeFile(folder, 'broken.action.json', '{ "name": "Half typed", ');
    const run = runPlain(['neighbours', '--format', 'json'], folder);
    assert.equal(run.status, 0);
    assert.deepEqual(json(run.stdout).map((a: any) => a.file), ['track.action.json']);
    assert.match(run.stderr, /broken\.action\.json is left out: it is not valid JSON/);
  });

  test('bad usage exits 2 with one line and a pointer to the help; --help prints it', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'opencx.config.json', JSON.stringify({ contacts: { jane: { segments: [] } } }));
    writeFile(folder, 'track.action.json', TRACK);
    const unknown = runPlain(['neighbours', '--contact', 'nobody'], folder);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, 'opencx-actions: --contact "nobody" is not defined in any opencx.config.json; available: jane\nsee opencx-actions neighbours --help\n');
    const format = runPlain(['neighbours', '--format', 'sarif'], folder);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /--format must be one of text, json; got "sarif"/);
    assert.equal(runPlain(['neighbours', '--bogus'], folder).status, 2);
    assert.equal(runPlain(['neighbours', 'missing-folder'], folder).status, 2);
    const help = runPlain(['neighbours', '--help'], folder);
    assert.equal(help.status, 0);
    assert.ok(help.stdout.startsWith('Usage: opencx-actions neighbours [paths...] [options]'), help.stdout);
    assert.match(runPlain(['--help'], folder).stdout, /^ {2}neighbours \[paths\.\.\.\] +Each action's three nearest actions/m);
  });

  test('no action: an empty list, exit 0', (t) => {
    const folder = tempFolder(t);
    const run = runPlain(['neighbours', '--format', 'json'], folder);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '[]\n');
    assert.match(runPlain(['neighbours'], folder).stdout, /No action found\.\n$/);
  });
});
