// A pulled action's segments are unknown, not missing (issue 16, "Details that matter"): the catalog, coverage and
// the overlap rule count it as offered to everyone and say so; writing restrictedToSegments makes them known.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCatalog, buildCoverage, type CatalogEntry } from '../../../server/src/engine/catalog';
import { actionModelOf } from '../../../server/src/engine/model/action';
import { ANONYMOUS_CONTACT } from '../../../server/src/engine/resolve';
import { Workspace } from '../../../server/src/engine/workspace/workspace';
import { cleanAction, rawFindings } from '../rules/workspaceHelpers';

const PULLED = { name: 'Track delivery', description: 'Track the delivery of an order and return the carrier and the expected delivery date.', method: 'GET', endpoint: 'https://a.example/track', remote: { id: 'act_1', segmentsUnknown: true } };
const entry = (file: string, value: Record<string, unknown>): CatalogEntry => ({ file, action: actionModelOf(value), invalid: false });

describe('ActionModel.segmentsUnknown', () => {
  test('set for a pulled file without restrictedToSegments; not once restrictedToSegments is written; absent otherwise', () => {
    assert.equal(actionModelOf(PULLED)?.segmentsUnknown, true);
    assert.equal(actionModelOf({ ...PULLED, restrictedToSegments: ['vip'] })?.segmentsUnknown, undefined);
    assert.equal(actionModelOf({ ...PULLED, remote: { id: 'act_1' } })?.segmentsUnknown, undefined);
    assert.ok(!('segmentsUnknown' in actionModelOf({ name: 'x' })!));
  });
});

describe('catalog and coverage on a pulled action', () => {
  test('the tool list offers it to the anonymous visitor with the note, read from the file itself', () => {
    const catalog = buildCatalog([entry('p.action.json', PULLED)], { contact: ANONYMOUS_CONTACT }, 'widget');
    assert.deepEqual(catalog.tools.map((t) => t.name), ['Track delivery']);
    assert.match(catalog.tools[0].notes[0], /segment restriction is not known \(pulled from OpenCX/);
  });

  test('with restrictedToSegments written here the segments are known: hidden from the anonymous visitor, no note', () => {
    const catalog = buildCatalog([entry('p.action.json', { ...PULLED, restrictedToSegments: ['vip'] })], { contact: ANONYMOUS_CONTACT }, 'widget');
    assert.deepEqual(catalog.tools, []);
    assert.equal(catalog.hidden[0].reason, 'segment');
  });

  test('coverage: offered to every contact, the cell says why, and the matrix lists the file', () => {
    const contacts = [{ name: 'bob', contact: { segments: ['customers'], externalId: 'c2' } }, { contact: ANONYMOUS_CONTACT }];
    const coverage = buildCoverage([entry('p.action.json', PULLED), entry('q.action.json', { ...PULLED, restrictedToSegments: ['vip'] })], contacts as never, undefined, 'widget');
    assert.deepEqual(coverage.actions.map((a) => a.offeredTo), [['bob', '(anonymous)'], []]);
    assert.deepEqual(coverage.segmentsUnknown, ['p.action.json']);
    assert.match(coverage.cells[0][1].detail, /segment restriction is not known/);
    assert.doesNotMatch(coverage.cells[1][0].detail, /not known/);
  });
});

describe('description-overlap with a pulled action', () => {
  const TWIN = cleanAction({ name: 'Where is my delivery', description: 'Track where the delivery of an order is and return the carrier and the expected delivery date.', restrictedToSegments: [] });

  test('counted as offered to everyone, and both the message and the related information say its segments are unknown', () => {
    const workspace = new Workspace();
    workspace.setMany([{ id: '/ws/a/pulled.action.json', text: JSON.stringify(PULLED, null, 2) }, { id: '/ws/a/twin.action.json', text: TWIN }]);
    const onPulled = rawFindings(workspace, '/ws/a/pulled.action.json', 'description-overlap')[0];
    const onTwin = rawFindings(workspace, '/ws/a/twin.action.json', 'description-overlap')[0];
    assert.ok(onPulled && onTwin);
    assert.match(onPulled.message, /Both are offered to every contact\. "Track delivery" was pulled from OpenCX, whose API does not carry segment restrictions: it is counted as offered to every contact here/);
    assert.match(onTwin.message, /"Track delivery" was pulled from OpenCX/);
    assert.match(onTwin.related![0].message, /^"Track delivery" has a similar name and description\. "Track delivery" was pulled from OpenCX/);
    assert.doesNotMatch(onPulled.related![0].message, /pulled/);
  });

  test('the note follows the file: writing restrictedToSegments in the pulled file drops it from its partner too', () => {
    const workspace = new Workspace();
    workspace.setMany([{ id: '/ws/a/pulled.action.json', text: JSON.stringify(PULLED, null, 2) }, { id: '/ws/a/twin.action.json', text: TWIN }]);
    assert.match(rawFindings(workspace, '/ws/a/twin.action.json', 'description-overlap')[0]!.message, /pulled from OpenCX/);
    const { affected } = workspace.set('/ws/a/pulled.action.json', JSON.stringify({ ...PULLED, restrictedToSegments: ['customers'] }, null, 2));
    assert.ok(affected.has('/ws/a/twin.action.json'), 'the partner is re-checked');
    const after = rawFindings(workspace, '/ws/a/twin.action.json', 'description-overlap')[0];
    assert.ok(after);
    assert.doesNotMatch(after.message, /pulled from OpenCX/);
  });
});
