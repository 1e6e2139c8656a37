// Issue 9: actions are compared (description-overlap, duplicate-action-name) only within one organisation: the
// nearest opencx.config.json, or, with no config above them, the workspace folder / CLI path argument they are in.
// exclusiveSegmentGroups in the config skips pairs whose audiences never meet, and a contact in two segments of one
// group is a config error.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Workspace } from '../../../server/src/engine/workspace/workspace';
import { cleanAction, findingsOf, lintConfig, pretty } from './workspaceHelpers';

const TRACK = (segments: string[] = []) =>
  cleanAction({ name: 'Track delivery', description: 'Track the delivery of an order and return the carrier and the expected delivery date.', restrictedToSegments: segments });
const TRACK_TWIN = (segments: string[] = []) =>
  cleanAction({ name: 'Where is my delivery', description: 'Track where the delivery of an order is and return the carrier and the expected delivery date.', restrictedToSegments: segments });

function codes(workspace: Workspace, id: string): string[] {
  return findingsOf(workspace, id).map((f) => f.code).filter((c) => c === 'description-overlap' || c === 'duplicate-action-name');
}

describe('organisation scope', () => {
  test('two organisations with their own config are never compared, for overlap or names', () => {
    const workspace = new Workspace();
    workspace.setMany([
      { id: '/ws/acme/opencx.config.json', text: pretty({}) },
      { id: '/ws/acme/track.action.json', text: TRACK() },
      { id: '/ws/globex/opencx.config.json', text: pretty({}) },
      { id: '/ws/globex/track.action.json', text: TRACK() },
      { id: '/ws/globex/where.action.json', text: TRACK_TWIN() },
    ]);
    assert.deepEqual(codes(workspace, '/ws/acme/track.action.json'), []);
    // Within one organisation both rules still fire.
    assert.deepEqual(codes(workspace, '/ws/globex/track.action.json'), ['description-overlap']);
    workspace.set('/ws/globex/where.action.json', cleanAction({ name: 'Track delivery', description: 'Reset the password of the account and send a sign-in link by email.', method: 'POST' }));
    assert.deepEqual(codes(workspace, '/ws/globex/track.action.json'), ['duplicate-action-name']);
  });

  test('a config added or removed between two actions moves them apart or together, in one edit', () => {
    const workspace = new Workspace();
    workspace.set('/ws/a/track.action.json', TRACK());
    workspace.set('/ws/b/where.action.json', TRACK_TWIN());
    assert.deepEqual(codes(workspace, '/ws/a/track.action.json'), ['description-overlap']);
    const change = workspace.set('/ws/b/opencx.config.json', pretty({}));
    assert.ok(change.affected.has('/ws/a/track.action.json'), 'the former partner is re-checked');
    assert.deepEqual(codes(workspace, '/ws/a/track.action.json'), []);
    workspace.delete('/ws/b/opencx.config.json');
    assert.deepEqual(codes(workspace, '/ws/a/track.action.json'), ['description-overlap']);
  });

  test('without a config, each root (workspace folder or path argument) is its own group', () => {
    const workspace = new Workspace();
    workspace.setRoots(['file:///one/', 'file:///two']);
    workspace.setMany([
      { id: 'file:///one/track.action.json', text: TRACK() },
      { id: 'file:///two/where.action.json', text: TRACK_TWIN() },
      { id: 'file:///two/deep/track.action.json', text: TRACK() },
    ]);
    assert.deepEqual(codes(workspace, 'file:///one/track.action.json'), []);
    assert.deepEqual(codes(workspace, 'file:///two/deep/track.action.json'), ['description-overlap']);
    assert.notEqual(workspace.scopeOf('file:///one/track.action.json'), workspace.scopeOf('file:///two/where.action.json'));
  });
});

describe('exclusiveSegmentGroups', () => {
  const config = (extra: Record<string, unknown> = {}) =>
    pretty({ segments: ['Business', 'Personal', 'VIP'], exclusiveSegmentGroups: [['Business', 'Personal']], ...extra });

  test('actions whose every segment pair is exclusive are not compared; one shared possibility is enough', () => {
    const workspace = new Workspace();
    workspace.setMany([
      { id: '/ws/opencx.config.json', text: config() },
      { id: '/ws/business.action.json', text: TRACK(['Business']) },
      { id: '/ws/personal.action.json', text: TRACK_TWIN(['Personal']) },
    ]);
    assert.deepEqual(codes(workspace, '/ws/business.action.json'), []);
    // Personal + VIP: a VIP business customer sees both.
    workspace.set('/ws/personal.action.json', TRACK_TWIN(['Personal', 'VIP']));
    assert.deepEqual(codes(workspace, '/ws/business.action.json'), ['description-overlap']);
  });

  test('editing the config groups re-checks the actions under it', () => {
    const workspace = new Workspace();
    workspace.setMany([
      { id: '/ws/opencx.config.json', text: pretty({ segments: ['Business', 'Personal'] }) },
      { id: '/ws/business.action.json', text: TRACK(['Business']) },
      { id: '/ws/personal.action.json', text: TRACK_TWIN(['Personal']) },
    ]);
    const before = findingsOf(workspace, '/ws/business.action.json').filter((f) => f.code === 'description-overlap');
    assert.equal(before.length, 1);
    assert.match(before[0].message, /add \["Business", "Personal"\] to "exclusiveSegmentGroups" in opencx\.config\.json/);
    workspace.set('/ws/opencx.config.json', config());
    assert.deepEqual(codes(workspace, '/ws/business.action.json'), []);
  });

  test('a contact in two segments of one group is an error in the config', () => {
    const text = config({ contacts: { sam: { segments: ['Business', 'VIP', 'Personal'] }, ann: { segments: ['Business', 'VIP'] } } });
    const found = lintConfig(text, 'contact-in-exclusive-segments');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /^contact "sam" is in "Business" and "Personal", which exclusiveSegmentGroups says no contact can be in together; remove one/);
  });

  test('the schema accepts groups and rejects a group of one', () => {
    assert.deepEqual(lintConfig(config(), 'wrong-type'), []);
    const bad = lintConfig(pretty({ exclusiveSegmentGroups: [['Business']] }), 'too-short');
    assert.equal(bad.length, 1);
  });
});
