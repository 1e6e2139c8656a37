// The workspace's organisations: the nearest opencx.config.json at or above an action, re-checks when a config
// changes or goes away, and a config with errors (the last valid version is used, or `invalid` when there is none).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rangeOfText, warning } from '../helpers';
import { ACTION_ID, CONFIG_ID, cleanAction, findingsOf, pretty, workspaceWith } from './workspaceHelpers';

const TEAM_CONFIG_ID = '/ws/team/opencx.config.json';
const TEAM_ACTION_ID = '/ws/team/sub/t.action.json';
const BESIDE_ACTION_ID = '/ws/team/beside.action.json';
const ROOT_CONFIG = pretty({ segments: ['vip'] });
const TEAM_CONFIG = pretty({ segments: ['staff'] });
const STAFF_ONLY = cleanAction({ restrictedToSegments: ['staff'] });

function unknownStaff(text: string) {
  return warning('unknown-segment', rangeOfText(text, '"staff"'), 'segment "staff" is not listed in opencx.config.json, so no contact can match it; known segments: vip');
}

describe('nested configs', () => {
  test('the nearest config at or above the action wins', () => {
    const workspace = workspaceWith({ [CONFIG_ID]: ROOT_CONFIG, [TEAM_CONFIG_ID]: TEAM_CONFIG, [ACTION_ID]: STAFF_ONLY, [TEAM_ACTION_ID]: STAFF_ONLY, [BESIDE_ACTION_ID]: STAFF_ONLY });
    assert.equal(workspace.orgFor(TEAM_ACTION_ID)?.id, TEAM_CONFIG_ID);
    assert.equal(workspace.orgFor(BESIDE_ACTION_ID)?.id, TEAM_CONFIG_ID);
    assert.equal(workspace.orgFor(ACTION_ID)?.id, CONFIG_ID);
    assert.deepEqual(findingsOf(workspace, TEAM_ACTION_ID, 'unknown-segment'), []);
    assert.deepEqual(findingsOf(workspace, BESIDE_ACTION_ID, 'unknown-segment'), []);
    assert.deepEqual(findingsOf(workspace, ACTION_ID, 'unknown-segment'), [unknownStaff(STAFF_ONLY)]);
  });

  test('setting a config affects the actions under its folder, and the ones it separates them from', () => {
    const workspace = workspaceWith({ [ACTION_ID]: STAFF_ONLY, [TEAM_ACTION_ID]: STAFF_ONLY, [BESIDE_ACTION_ID]: STAFF_ONLY });
    const change = workspace.set(TEAM_CONFIG_ID, TEAM_CONFIG);
    // The three share a name; the new config makes the team a different organisation (issue 9), so the action
    // outside it loses its duplicates and is re-checked too.
    assert.deepEqual([...change.affected].sort(), [ACTION_ID, BESIDE_ACTION_ID, TEAM_CONFIG_ID, TEAM_ACTION_ID].sort());
    assert.deepEqual(findingsOf(workspace, ACTION_ID, 'duplicate-action-name'), []);
    // An action unrelated to the team keeps its own result and is not re-checked.
    const other = workspaceWith({ [ACTION_ID]: cleanAction({ name: 'Reset password', description: 'Reset the password of the account and send a sign-in link by email.', method: 'POST' }), [TEAM_ACTION_ID]: STAFF_ONLY });
    assert.deepEqual([...other.set(TEAM_CONFIG_ID, TEAM_CONFIG).affected].sort(), [TEAM_CONFIG_ID, TEAM_ACTION_ID].sort());
  });

  test('deleting the nearer config falls back to the one above, and re-checks its actions', () => {
    const workspace = workspaceWith({ [CONFIG_ID]: ROOT_CONFIG, [TEAM_CONFIG_ID]: TEAM_CONFIG, [TEAM_ACTION_ID]: STAFF_ONLY });
    assert.deepEqual(findingsOf(workspace, TEAM_ACTION_ID, 'unknown-segment'), []);
    const change = workspace.delete(TEAM_CONFIG_ID);
    assert.deepEqual([...change.affected].sort(), [TEAM_CONFIG_ID, TEAM_ACTION_ID].sort());
    assert.equal(workspace.orgFor(TEAM_ACTION_ID)?.id, CONFIG_ID);
    assert.deepEqual(findingsOf(workspace, TEAM_ACTION_ID, 'unknown-segment'), [unknownStaff(STAFF_ONLY)]);
  });

  test('deleting the only config re-checks its actions, and unknown-segment falls silent', () => {
    const workspace = workspaceWith({ [CONFIG_ID]: ROOT_CONFIG, [ACTION_ID]: STAFF_ONLY });
    assert.equal(findingsOf(workspace, ACTION_ID, 'unknown-segment').length, 1);
    const change = workspace.delete(CONFIG_ID);
    assert.deepEqual([...change.affected].sort(), [ACTION_ID, CONFIG_ID].sort());
    assert.equal(workspace.orgFor(ACTION_ID), undefined);
    assert.deepEqual(findingsOf(workspace, ACTION_ID, 'unknown-segment'), []);
  });

  test('adding a config after the action re-checks the action', () => {
    const workspace = workspaceWith({ [ACTION_ID]: STAFF_ONLY });
    assert.deepEqual(findingsOf(workspace, ACTION_ID, 'unknown-segment'), []);
    assert.ok(workspace.set(CONFIG_ID, ROOT_CONFIG).affected.has(ACTION_ID));
    assert.deepEqual(findingsOf(workspace, ACTION_ID, 'unknown-segment'), [unknownStaff(STAFF_ONLY)]);
  });
});

describe('a config file with errors', () => {
  test('a schema error: the last valid model stays in use ("last-valid"), the file shows its own error', () => {
    const workspace = workspaceWith({ [CONFIG_ID]: pretty({ segments: ['vip', 'staff'] }), [ACTION_ID]: STAFF_ONLY });
    assert.equal(workspace.orgFor(ACTION_ID)?.status, 'valid');
    const broken = pretty({ segments: 'vip' });
    workspace.set(CONFIG_ID, broken);
    const org = workspace.orgFor(ACTION_ID);
    assert.equal(org?.status, 'last-valid');
    assert.deepEqual(org?.model?.segments, ['vip', 'staff']);
    assert.deepEqual(findingsOf(workspace, ACTION_ID, 'unknown-segment'), []);
    assert.deepEqual(findingsOf(workspace, CONFIG_ID).map((f) => [f.code, f.message]), [['wrong-type', 'segments must be an array; got a string ("vip")']]);
  });

  test('text that is not JSON: still the last valid model; a second broken edit keeps it', () => {
    const workspace = workspaceWith({ [CONFIG_ID]: pretty({ segments: ['vip', 'staff'] }) });
    workspace.set(CONFIG_ID, '{ "segments": ["vip", ');
    workspace.set(CONFIG_ID, '{ "segments": ["vip", "sta');
    const org = workspace.orgFor(ACTION_ID);
    assert.equal(org?.status, 'last-valid');
    assert.deepEqual(org?.model?.segments, ['vip', 'staff']);
    assert.ok(findingsOf(workspace, CONFIG_ID).every((f) => f.code === 'json-syntax'));
  });

  test('never valid: "invalid", with what could be read from the file', () => {
    const workspace = workspaceWith({ [CONFIG_ID]: pretty({ segments: ['vip'], defaultContact: 42 }) });
    const org = workspace.orgFor(ACTION_ID);
    assert.equal(org?.status, 'invalid');
    assert.deepEqual(org?.model?.segments, ['vip']);
  });

  test('never valid and not even an object: "invalid" with no model', () => {
    const workspace = workspaceWith({ [CONFIG_ID]: '[1, 2]' });
    assert.deepEqual({ status: workspace.orgFor(ACTION_ID)?.status, model: workspace.orgFor(ACTION_ID)?.model }, { status: 'invalid', model: undefined });
  });

  test('fixing the file makes it "valid" again with the new model', () => {
    const workspace = workspaceWith({ [CONFIG_ID]: pretty({ segments: ['vip'] }), [ACTION_ID]: STAFF_ONLY });
    workspace.set(CONFIG_ID, pretty({ segments: 'vip' }));
    workspace.set(CONFIG_ID, pretty({ segments: ['vip', 'staff'] }));
    assert.equal(workspace.orgFor(ACTION_ID)?.status, 'valid');
    assert.deepEqual(findingsOf(workspace, ACTION_ID, 'unknown-segment'), []);
  });
});
