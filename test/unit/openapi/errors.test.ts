// The three errors OpenCX's import documents, and what rejects one operation but not the others.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionOf, plan, spec30 } from './helpers';

const ok = { 200: { description: 'ok' } };
const jsonBody = (schema: unknown) => ({ required: true, content: { 'application/json': { schema } } });

describe('failed_to_parse_spec', () => {
  const parseError = async (text: string, location: string) => {
    const result = await plan(text, {}, [], location);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].code, 'failed_to_parse_spec');
    assert.equal(result.errors[0].operation, null);
    assert.equal(result.writes.length, 0);
    return result.errors[0].message;
  };

  test('YAML in a .json file, and broken JSON, fail as JSON', async () => {
    assert.match(await parseError('openapi: 3.0.0\npaths: {}\n', '/s/api.json'), /^\/s\/api\.json is not valid JSON: /);
    assert.match(await parseError('{"openapi": "3.0.0",', '/s/api.json'), /is not valid JSON/);
  });

  test('broken YAML in a .yaml file fails as YAML', async () => {
    assert.match(await parseError('openapi: 3.0.0\npaths: [\n', '/s/api.yaml'), /^\/s\/api\.yaml is not valid YAML: /);
  });

  test('JSON is YAML, so a JSON text in a .yml file parses', async () => {
    const result = await plan(JSON.stringify(spec30({ '/a': { get: { operationId: 'a', responses: ok } } })), {}, [], '/s/api.yml');
    assert.equal(result.writes.length, 1);
  });

  test('a document that is not OpenAPI 2.0, 3.0 or 3.1', async () => {
    assert.match(await parseError('{"name": "not a spec"}', '/s/a.json'), /no "openapi" or "swagger" field: this is not an OpenAPI document/);
    assert.match(await parseError('{"swagger": "1.2", "paths": {}}', '/s/a.json'), /unsupported Swagger version "1.2"/);
    assert.match(await parseError('{"openapi": "4.0.0", "paths": {}}', '/s/a.json'), /unsupported OpenAPI version "4.0.0"/);
    assert.match(await parseError('{"openapi": 3.0, "paths": {}}', '/s/a.json'), /must be a version string/);
    assert.match(await parseError('{"openapi": "3.1.0", "info": {}}', '/s/a.json'), /no "paths" object/);
    assert.match(await parseError('[1, 2]', '/s/a.json'), /its top level is not an object/);
  });

  test('a $ref to nothing fails the spec', async () => {
    const spec = spec30({ '/a': { post: { operationId: 'a', requestBody: jsonBody({ $ref: '#/components/schemas/Missing' }), responses: ok } } });
    assert.match(await parseError(JSON.stringify(spec), '/s/a.json'), /Missing/);
  });
});

describe('invalid_tool_schema, at the operation only', () => {
  test('a circular $ref rejects the operations that reach it; the others are imported', async () => {
    const spec = spec30(
      {
        '/tree': { post: { operationId: 'addNode', requestBody: jsonBody({ $ref: '#/components/schemas/Node' }), responses: ok } },
        '/flat': { post: { operationId: 'addFlat', requestBody: jsonBody({ $ref: '#/components/schemas/Flat' }), responses: ok } },
      },
      { components: { schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } }, Flat: { type: 'object', properties: { a: { type: 'string' } } } } } },
    );
    const result = await plan(spec);
    assert.deepEqual(result.errors, [{ code: 'invalid_tool_schema', operation: 'addNode', message: 'request body: circular $ref: #/components/schemas/Node refers back to itself; OpenCX\'s tool validator rejects it' }]);
    assert.deepEqual(actionOf(result, 'addFlat').body, { type: 'object', properties: { a: { type: 'string' } } });
  });

  test('a oneOf below the top is rejected; at the top it is kept', async () => {
    const nested = await plan(spec30({ '/a': { post: { operationId: 'a', requestBody: jsonBody({ type: 'object', properties: { pay: { oneOf: [{ type: 'string' }, { type: 'integer' }] } } }), responses: ok } } }));
    assert.deepEqual(nested.errors, [{ code: 'invalid_tool_schema', operation: 'a', message: 'request body: nested oneOf at pay: OpenCX\'s tool validator only accepts oneOf at the top of a schema' }]);
    const top = await plan(spec30({ '/a': { post: { operationId: 'a', requestBody: jsonBody({ oneOf: [{ type: 'string' }, { type: 'integer' }] }), responses: ok } } }));
    assert.deepEqual(top.errors, []);
  });

  test('a type that is not JSON Schema\'s, in a body or a parameter', async () => {
    const result = await plan(spec30({
      '/a': { post: { operationId: 'a', requestBody: jsonBody({ type: 'object', properties: { when: { type: 'date' } } }), responses: ok } },
      '/b': { get: { operationId: 'b', parameters: [{ name: 'n', in: 'query', schema: { type: 'int' } }], responses: ok } },
    }));
    assert.deepEqual(result.errors.map((e) => [e.operation, e.message]), [
      ['a', 'request body: "date" is not a JSON Schema type at when (use one of string, number, integer, boolean, object, array, null)'],
      ['b', 'parameter n: "int" is not a JSON Schema type (use one of string, number, integer, boolean, object, array, null)'],
    ]);
  });

  test('Swagger 2.0 type file outside a multipart body is not JSON Schema', async () => {
    const spec = { swagger: '2.0', info: { title: 't', version: '1' }, host: 'api.example.com', paths: { '/x': { post: { operationId: 'x1', consumes: ['application/json'], parameters: [{ name: 'b', in: 'body', required: true, schema: { type: 'file' } }], responses: ok } } } };
    const result = await plan(spec);
    assert.equal(result.errors[0].code, 'invalid_tool_schema');
    assert.match(result.errors[0].message, /"file" is not a JSON Schema type/);
  });

  test('a $ref to another file is not followed and rejects the operation', async () => {
    const result = await plan(spec30({ '/a': { post: { operationId: 'a', requestBody: jsonBody({ $ref: 'models.yaml#/Pet' }), responses: ok } } }));
    assert.deepEqual(result.errors.map((e) => e.message), ['request body: $ref to another document (models.yaml#/Pet): the import reads one file; bundle the spec first']);
  });
});

describe('selection', () => {
  const spec = spec30({
    '/pets': { get: { operationId: 'listPets', tags: ['pets'], responses: ok }, post: { operationId: 'addPet', tags: ['pets', 'admin'], responses: ok } },
    '/users': { get: { tags: ['users'], responses: ok } },
  });

  test('--operation by operationId or METHOD /path, plus --tag, select the union', async () => {
    const result = await plan(spec, { operations: ['GET /users'], tags: ['admin'] });
    assert.deepEqual(result.writes.map((w) => w.operation), ['addPet', 'GET /users']);
    assert.equal(result.selectedCount, 2);
    assert.equal(result.operationCount, 3);
  });

  test('names that match nothing are reported for the CLI to refuse', async () => {
    const result = await plan(spec, { operations: ['nope'], tags: ['pets', 'ghosts'] });
    assert.deepEqual(result.unmatched, { operations: ['nope'], tags: ['ghosts'] });
  });
});

describe('selection by route', () => {
  test('--operation also takes METHOD /path of an operation that has an operationId (method in any case)', async () => {
    const spec = spec30({ '/pets': { post: { operationId: 'addPet', responses: ok } } });
    const result = await plan(spec, { operations: ['post /pets'] });
    assert.deepEqual(result.writes.map((w) => w.operation), ['addPet']);
    assert.deepEqual(result.unmatched.operations, []);
  });
});
