// Re-import: unchanged files stay, unedited ones are replaced, hand-edited and hand-made ones are never touched,
// and operations gone from the spec are reported.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExistingFile, ImportPlan } from '../../../server/src/engine/openapi/types';
import { OUT, plan, spec30 } from './helpers';

const ok = { 200: { description: 'ok' } };
const specV1 = spec30({
  '/pets': { get: { operationId: 'listPets', summary: 'List all pets', responses: ok } },
  '/pets/{id}': { delete: { operationId: 'deletePet', summary: 'Delete a pet', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } },
});

/** The files an import wrote, as existing files for the next import. */
function written(result: ImportPlan): ExistingFile[] {
  return result.writes.map((w) => ({ id: w.id, text: w.text }));
}

function edit(files: ExistingFile[], id: string, change: (action: Record<string, unknown>) => void, indent: number | string = 2): ExistingFile[] {
  return files.map((f) => {
    if (f.id !== id) return f;
    const action = JSON.parse(f.text) as Record<string, unknown>;
    change(action);
    return { id: f.id, text: JSON.stringify(action, null, indent) };
  });
}

const LIST = `${OUT}/list-pets.action.json`;
const DELETE = `${OUT}/delete-pet.action.json`;

describe('re-import', () => {
  test('the same spec again: every file unchanged, nothing written', async () => {
    const first = await plan(specV1);
    const again = await plan(specV1, {}, written(first));
    assert.deepEqual(again.unchanged, [LIST, DELETE]);
    assert.deepEqual([again.created, again.updated, again.kept, again.writes], [[], [], [], []]);
  });

  test('reformatting a file or reordering its keys is not an edit', async () => {
    const first = await plan(specV1);
    const files = edit(written(first), LIST, (a) => {
      const { name } = a;
      delete a.name;
      a.name = name;
    }, '\t');
    assert.deepEqual((await plan(specV1, {}, files)).unchanged, [LIST, DELETE]);
  });

  test('a changed operation replaces its unedited file, in place, under the same name', async () => {
    const first = await plan(specV1);
    const specV2 = structuredClone(specV1) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    specV2.paths['/pets'].get.summary = 'List every pet in the shop';
    const again = await plan(specV2, {}, written(first));
    assert.deepEqual(again.updated, [LIST]);
    assert.deepEqual(again.unchanged, [DELETE]);
    assert.equal(JSON.parse(again.writes[0].text).name, 'List every pet in the shop');
  });

  test('a hand-edited file is kept, reported, and the spec\'s version offered for a diff', async () => {
    const first = await plan(specV1);
    const files = edit(written(first), LIST, (a) => {
      a.description = 'List every pet of the shop with its name and status, for a customer choosing one.';
    });
    const again = await plan(specV1, {}, files);
    assert.deepEqual(again.kept.map((k) => k.id), [LIST]);
    assert.equal(JSON.parse(again.kept[0].proposedText!).description, 'List all pets (GET /pets).');
    assert.deepEqual(again.skipped, [{ operation: 'listPets', reason: 'its file was edited by hand since the last import: kept (compare it with the spec\'s version)' }]);
    assert.ok(!again.writes.some((w) => w.id === LIST));
  });

  test('editing lint, remote or utterances is not a hand edit, and a replacement keeps them', async () => {
    const first = await plan(specV1);
    const files = edit(written(first), LIST, (a) => {
      a.lint = { allow: ['missing-segment-rule'] };
      a.remote = { id: 'act_1' };
      a.utterances = ['show me the pets'];
    });
    assert.deepEqual((await plan(specV1, {}, files)).unchanged, [LIST, DELETE]);
    const specV2 = structuredClone(specV1) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    specV2.paths['/pets'].get.summary = 'List every pet in the shop';
    const again = await plan(specV2, {}, files);
    const replaced = JSON.parse(again.writes[0].text);
    assert.deepEqual([replaced.lint, replaced.remote, replaced.utterances], [{ allow: ['missing-segment-rule'] }, { id: 'act_1' }, ['show me the pets']]);
  });

  test('hand-made actions (no origin, or another spec\'s) are never touched, even with the same operationId', async () => {
    const handMade = { id: `${OUT}/list-pets.action.json`, text: JSON.stringify({ name: 'List pets', description: 'My own list of pets, written by hand.', method: 'GET', endpoint: 'https://x.example.com/pets', operationId: 'listPets' }) };
    const otherSpec = { id: `${OUT}/other.action.json`, text: JSON.stringify({ name: 'List pets', origin: { spec: '../specs/other.json', operationId: 'deletePet', hash: `sha256:${'0'.repeat(64)}` } }) };
    const result = await plan(specV1, {}, [handMade, otherSpec]);
    assert.deepEqual(result.created, [`${OUT}/list-pets-2.action.json`, DELETE]);
    assert.ok(!result.writes.some((w) => w.id === handMade.id || w.id === otherSpec.id));
    assert.deepEqual(result.kept, []);
  });

  test('an operation gone from the spec: its file is kept and reported, not deleted', async () => {
    const first = await plan(specV1);
    const specV2 = spec30({ '/pets': specV1.paths && (specV1.paths as Record<string, unknown>)['/pets'] });
    const again = await plan(specV2, {}, written(first));
    assert.deepEqual(again.unchanged, [LIST]);
    assert.deepEqual(again.kept, [{ id: DELETE, operation: 'deletePet' }]);
    assert.deepEqual(again.skipped, [{ operation: 'deletePet', reason: 'no longer in the spec: its file was kept; delete it if the action should go' }]);
  });

  test('a re-import finds its files wherever they were moved under the output folder', async () => {
    const first = await plan(specV1);
    const moved = written(first).map((f) => (f.id === LIST ? { id: `${OUT}/pets/list-pets.action.json`, text: f.text.replace('"../specs/api.json"', '"../../specs/api.json"') } : f));
    const again = await plan(specV1, {}, moved);
    assert.deepEqual(again.unchanged, [`${OUT}/pets/list-pets.action.json`, DELETE]);
  });

  test('a file that does not parse is nobody\'s import', async () => {
    const first = await plan(specV1);
    const files = [...written(first).filter((f) => f.id !== LIST), { id: LIST, text: '{ "origin": ' }];
    const again = await plan(specV1, {}, files);
    assert.deepEqual(again.created, [`${OUT}/list-pets-2.action.json`]);
  });
});
