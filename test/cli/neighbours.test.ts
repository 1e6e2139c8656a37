// `opencx-actions neighbours` (issue 9): each action's three nearest actions offered to the same contacts, in the
// exact JSON shape of the issue, filtered by --contact, never findings (exit 0), within one organisation only.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runPlain } from './cliHarness';

function workspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-neighbours-'));
  const write = (file: string, value: unknown) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), JSON.stringify(value, null, 2));
  };
  const action = (name: string, description: string, method: string, restrictedToSegments: string[]) =>
    ({ name, description, method, endpoint: 'https://api.acme.com/memberships', restrictedToSegments });
  write('acme/opencx.config.json', {
    segments: ['Business', 'Personal'],
    exclusiveSegmentGroups: [['Business', 'Personal']],
    contacts: { biz: { segments: ['Business'], externalId: 'b1' }, visitor: { segments: [] } },
  });
  write('acme/freeze.action.json', action('Freeze membership', 'Freeze the membership of a member who is away, so that no monthly fee is charged until it is resumed.', 'POST', []));
  write('acme/suspend.action.json', action('Suspend membership', 'Suspend a membership for up to three months; no payments are taken while it is suspended.', 'POST', ['Business']));
  write('acme/cancel.action.json', action('Cancel membership', 'Cancel the membership at the end of the billing period.', 'POST', ['Personal']));
  // Another organisation with a twin of "Freeze membership": never a neighbour of acme's actions.
  write('globex/opencx.config.json', {});
  write('globex/freeze.action.json', action('Freeze membership', 'Freeze the membership of a member who is away, so that no monthly fee is charged until it is resumed.', 'POST', []));
  return root;
}

describe('opencx-actions neighbours', () => {
  const root = workspace();

  test('json: exactly the shape of the issue, nearest first, within one organisation', () => {
    const run = runPlain(['neighbours', 'acme', 'globex', '--format', 'json'], root);
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { file: string; name: string; neighbours: Record<string, unknown>[] }[];
    assert.deepEqual(out.map((a) => a.file), ['acme/cancel.action.json', 'acme/freeze.action.json', 'acme/suspend.action.json', 'globex/freeze.action.json']);
    for (const a of out) {
      assert.deepEqual(Object.keys(a), ['file', 'name', 'neighbours']);
      for (const n of a.neighbours) {
        assert.deepEqual(Object.keys(n), ['file', 'name', 'score', 'shared', 'distinguishing']);
        assert.equal(typeof n.score, 'number');
        assert.ok(Array.isArray(n.shared) && Array.isArray(n.distinguishing));
      }
    }
    const freeze = out.find((a) => a.file === 'acme/freeze.action.json')!;
    assert.deepEqual(freeze.neighbours.map((n) => n.file), ['acme/suspend.action.json', 'acme/cancel.action.json']);
    assert.ok((freeze.neighbours[0].score as number) > (freeze.neighbours[1].score as number));
    assert.deepEqual(freeze.neighbours[0].shared, ['membership']);
    // Business and Personal never meet: suspend and cancel are not each other's neighbours.
    assert.deepEqual(out.find((a) => a.file === 'acme/suspend.action.json')!.neighbours.map((n) => n.file), ['acme/freeze.action.json']);
    assert.deepEqual(out.find((a) => a.file === 'globex/freeze.action.json')!.neighbours, []);
  });

  test('--contact: only the actions that contact is offered, and their neighbours among those', () => {
    const biz = JSON.parse(runPlain(['neighbours', 'acme', '--contact', 'biz', '--format', 'json'], root).stdout) as { file: string; neighbours: { file: string }[] }[];
    assert.deepEqual(biz.map((a) => [a.file, a.neighbours.map((n) => n.file)]), [
      ['acme/freeze.action.json', ['acme/suspend.action.json']],
      ['acme/suspend.action.json', ['acme/freeze.action.json']],
    ]);
    // No externalId: anonymous, offered only unrestricted actions.
    const visitor = JSON.parse(runPlain(['neighbours', 'acme', '--contact', 'visitor', '--format', 'json'], root).stdout) as { file: string; neighbours: unknown[] }[];
    assert.deepEqual(visitor, [{ file: 'acme/freeze.action.json', name: 'Freeze membership', neighbours: [] }]);
  });

  test('text: one line per neighbour with score, shared and distinguishing words; warned pairs marked', () => {
    const run = runPlain(['neighbours', 'acme'], root);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^acme\/freeze\.action\.json {2}"Freeze membership"\n {2}0\.\d\d "Suspend membership" \(description-overlap\) — shares "membership"; differs .+ {2}acme\/suspend\.action\.json\n/m);
  });

  test('bad input: an unknown contact or format is a usage error (exit 2)', () => {
    const unknown = runPlain(['neighbours', 'acme', '--contact', 'nobody'], root);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--contact "nobody" is not defined in any opencx\.config\.json; available: biz, visitor/);
    assert.equal(runPlain(['neighbours', 'acme', '--format', 'xml'], root).status, 2);
  });
});
