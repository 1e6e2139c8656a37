// File names and origin: stable names from operationId or method + path, never another file's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionOf, OUT, plan, spec30 } from './helpers';

const ok = { 200: { description: 'ok' } };

describe('file names', () => {
  test('from the operationId in lower-case words, else from method and path', async () => {
    const result = await plan(spec30({ '/pets/{petId}': { get: { operationId: 'showPetByID', responses: ok }, delete: { responses: ok } } }));
    assert.deepEqual(result.created, [`${OUT}/show-pet-by-id.action.json`, `${OUT}/delete-pets-pet-id.action.json`]);
  });

  test('two operations with the same name, or a hand-made file in the way, get -2, -3', async () => {
    const spec = spec30({ '/a': { get: { operationId: 'get_thing', responses: ok } }, '/b': { get: { operationId: 'getThing', responses: ok } } });
    const handMade = { id: `${OUT}/get-thing.action.json`, text: '{"name": "Mine, by hand"}' };
    const result = await plan(spec, {}, [handMade]);
    assert.deepEqual(result.created, [`${OUT}/get-thing-2.action.json`, `${OUT}/get-thing-3.action.json`]);
    assert.ok(!result.writes.some((w) => w.id === handMade.id));
  });
});

describe('origin', () => {
  test('records the spec relative to the file, the operation key and the hash of the generated fields', async () => {
    const result = await plan(spec30({ '/a': { get: { operationId: 'a', responses: ok } }, '/b': { get: { responses: ok } } }));
    const a = actionOf(result, 'a');
    assert.deepEqual(Object.keys(a).at(-1), 'origin');
    const origin = a.origin as Record<string, string>;
    assert.equal(origin.spec, '../specs/api.json');
    assert.equal(origin.operationId, 'a');
    assert.match(origin.hash, /^sha256:[0-9a-f]{64}$/);
    const b = actionOf(result, 'GET /b');
    assert.equal((b.origin as Record<string, string>).operationId, 'GET /b');
    assert.equal(b.operationId, undefined, 'no operationId in the spec: none invented for OpenCX');
  });

  test('a spec in the output folder is referenced as ./name; a spec fetched from a URL by its URL', async () => {
    const spec = spec30({ '/a': { get: { operationId: 'a', responses: ok } } });
    const local = await plan(spec, {}, [], `${OUT}/api.json`);
    assert.equal((actionOf(local, 'a').origin as Record<string, string>).spec, './api.json');
    const remote = await plan(spec, {}, [], 'https://example.com/openapi.json');
    assert.equal((actionOf(remote, 'a').origin as Record<string, string>).spec, 'https://example.com/openapi.json');
  });
});
