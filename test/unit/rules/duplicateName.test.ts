// duplicate-action-name across the workspace: both files, related locations, and incremental re-checks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { error, rangeAfter } from '../helpers';
import { ACTION_ID, OTHER_ID, cleanAction, findingsOf, rawFindings, workspaceWith } from './workspaceHelpers';

const CODE = 'duplicate-action-name';
const THIRD_ID = '/ws/actions/nested/c.action.json';

function message(name: string, where: string): string {
  return `another action is also named "${name}" (${where}); the AI picks tools by name, so give each action a distinct one`;
}

describe('duplicate-action-name', () => {
  test('reported on both files, on the name value, with a related location on the other file', () => {
    const a = cleanAction();
    const b = cleanAction({ name: '  look up ORDER ', endpoint: 'https://api.acme.com/v2/orders/{order_id}' });
    const workspace = workspaceWith({ [ACTION_ID]: a, [OTHER_ID]: b });
    assert.deepEqual(findingsOf(workspace, ACTION_ID, CODE), [error(CODE, rangeAfter(a, '"name": ', '"Look up order"'), message('Look up order', 'b.action.json'))]);
    assert.deepEqual(findingsOf(workspace, OTHER_ID, CODE), [error(CODE, rangeAfter(b, '"name": ', '"  look up ORDER "'), message('look up ORDER', 'a.action.json'))]);
    assert.deepEqual(rawFindings(workspace, ACTION_ID, CODE)[0].related, [
      { file: OTHER_ID, range: rangeAfter(b, '"name": ', '"  look up ORDER "'), message: 'also named "look up ORDER"' },
    ]);
    assert.deepEqual(rawFindings(workspace, OTHER_ID, CODE)[0].related, [
      { file: ACTION_ID, range: rangeAfter(a, '"name": ', '"Look up order"'), message: 'also named "Look up order"' },
    ]);
  });

  test('three files with one name: each lists the two others', () => {
    const workspace = workspaceWith({ [ACTION_ID]: cleanAction(), [OTHER_ID]: cleanAction(), [THIRD_ID]: cleanAction() });
    const [finding] = rawFindings(workspace, THIRD_ID, CODE);
    assert.equal(finding.message, message('Look up order', 'a.action.json, b.action.json'));
    assert.deepEqual(finding.related?.map((r) => r.file), [ACTION_ID, OTHER_ID]);
  });

  test('the others are listed sorted by file name, whatever order the files were added in (editor and CLI agree)', () => {
    const ids = ['/ws/z/lookup.action.json', '/ws/m.action.json', '/ws/b/lookup.action.json', '/ws/a.action.json'];
    const sorted = ['/ws/a.action.json', '/ws/b/lookup.action.json', '/ws/z/lookup.action.json'];
    for (const order of [ids, [...ids].reverse(), [ids[2], ids[0], ids[3], ids[1]]]) {
      const workspace = workspaceWith(Object.fromEntries(order.map((id) => [id, cleanAction()])));
      const [finding] = rawFindings(workspace, '/ws/m.action.json', CODE);
      assert.equal(finding.message, message('Look up order', 'a.action.json, lookup.action.json, lookup.action.json'));
      assert.deepEqual(finding.related?.map((r) => r.file), sorted);
      assert.deepEqual((finding.data as { others: string[] }).others, sorted);
    }
  });

  test('URIs sort as their decoded paths do', () => {
    const uris = ['file:///ws/b%20c.action.json', 'file:///ws/b.action.json', 'file:///ws/a.action.json'];
    const workspace = workspaceWith(Object.fromEntries(uris.map((id) => [id, cleanAction()])));
    assert.deepEqual(rawFindings(workspace, uris[2], CODE)[0].related?.map((r) => r.file), ['file:///ws/b%20c.action.json', 'file:///ws/b.action.json']);
  });

  test('distinct names pass', () => {
    const workspace = workspaceWith({ [ACTION_ID]: cleanAction(), [OTHER_ID]: cleanAction({ name: 'Look up order items' }) });
    assert.deepEqual(findingsOf(workspace, ACTION_ID, CODE), []);
    assert.deepEqual(findingsOf(workspace, OTHER_ID, CODE), []);
  });

  test('renaming A so it no longer duplicates B: B is affected and its finding is gone', () => {
    const workspace = workspaceWith({ [ACTION_ID]: cleanAction(), [OTHER_ID]: cleanAction() });
    assert.equal(findingsOf(workspace, OTHER_ID, CODE).length, 1);
    const change = workspace.set(ACTION_ID, cleanAction({ name: 'Look up order history' }));
    assert.deepEqual([...change.affected].sort(), [ACTION_ID, OTHER_ID]);
    assert.deepEqual(findingsOf(workspace, OTHER_ID, CODE), []);
    assert.deepEqual(findingsOf(workspace, ACTION_ID, CODE), []);
  });

  test('renaming A onto B\'s name: B is affected and now has the finding', () => {
    const workspace = workspaceWith({ [ACTION_ID]: cleanAction({ name: 'Look up order history' }), [OTHER_ID]: cleanAction() });
    assert.deepEqual(findingsOf(workspace, OTHER_ID, CODE), []);
    const change = workspace.set(ACTION_ID, cleanAction());
    assert.ok(change.affected.has(OTHER_ID));
    assert.equal(findingsOf(workspace, OTHER_ID, CODE).length, 1);
  });

  test('an edit that keeps the name re-checks the edited file and its overlap partner, never an unrelated file', () => {
    const unrelated = cleanAction({ name: 'Reset password', description: 'Send a password reset link to the email address of the contact\'s account.', endpoint: 'https://api.acme.com/v1/password-resets' });
    const workspace = workspaceWith({ [ACTION_ID]: cleanAction(), [OTHER_ID]: cleanAction(), [THIRD_ID]: unrelated });
    const change = workspace.set(ACTION_ID, cleanAction({ description: 'Look up an order by its numeric order ID and return its carrier.' }));
    // B's duplicate-name finding is unchanged, but its description-overlap message quotes A's words, so B is re-checked.
    assert.deepEqual([...change.affected].sort(), [ACTION_ID, OTHER_ID]);
  });

  test('deleting A: B is affected, loses the finding, and A has no findings left', () => {
    const workspace = workspaceWith({ [ACTION_ID]: cleanAction(), [OTHER_ID]: cleanAction() });
    const change = workspace.delete(ACTION_ID);
    assert.deepEqual([...change.affected].sort(), [ACTION_ID, OTHER_ID]);
    assert.deepEqual(findingsOf(workspace, OTHER_ID, CODE), []);
    assert.deepEqual(workspace.findings(ACTION_ID), []);
    assert.equal(workspace.has(ACTION_ID), false);
  });

  test('deleting a file the workspace does not have changes nothing', () => {
    assert.deepEqual([...workspaceWith({}).delete(ACTION_ID).affected], []);
  });
});
