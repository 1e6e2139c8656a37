// Every mapping rule of the OpenAPI import, one operation at a time (docs/assumptions.md, "OpenAPI import").
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionOf, notesOf, oneOperation, plan, spec30 } from './helpers';

const ok = { 200: { description: 'ok' } };

describe('name and description', () => {
  test('the summary is the name and the description the description, as plain text', async () => {
    const result = await plan(oneOperation({ operationId: 'getThing', summary: 'Look up a thing.', description: 'Look up a **thing** by its\n numeric <b>ID</b> and return its [status](https://x).' }));
    const action = actionOf(result, 'getThing');
    assert.equal(action.name, 'Look up a thing');
    assert.equal(action.description, 'Look up a thing by its numeric ID and return its status.');
    assert.deepEqual(notesOf(result, 'getThing'), []);
  });

  test('without a description, the summary (completed with the route when under 20 characters) is the description', async () => {
    const short = actionOf(await plan(oneOperation({ operationId: 'getThing', summary: 'Get a thing' })), 'getThing');
    assert.equal(short.description, 'Get a thing (GET /things/{id}).');
    const long = actionOf(await plan(oneOperation({ operationId: 'getThing', summary: 'Look up one thing by its identifier' })), 'getThing');
    assert.equal(long.description, 'Look up one thing by its identifier.');
  });

  test('a description under 20 characters is completed with the route', async () => {
    const action = actionOf(await plan(oneOperation({ operationId: 'delThing', summary: 'Delete a thing', description: 'Deletes it.' }, 'delete')), 'delThing');
    assert.equal(action.description, 'Deletes it (DELETE /things/{id}).');
  });

  test('without a summary the name comes from the operationId and is marked for the user', async () => {
    const result = await plan(oneOperation({ operationId: 'listThingsByOwnerID', description: 'Lists every thing an owner has, newest first.' }));
    const action = actionOf(result, 'listThingsByOwnerID');
    assert.equal(action.name, 'List things by owner ID');
    assert.equal(action.description, 'Lists every thing an owner has, newest first.');
    assert.match(notesOf(result, 'listThingsByOwnerID')[0], /no summary: the name was written from the operationId/);
  });

  test('with neither, name and description are synthesised from method and path, long enough, and marked TODO', async () => {
    const result = await plan(oneOperation({}, 'get', '/a/{b}'));
    const action = actionOf(result, 'GET /a/{b}');
    assert.equal(action.name, 'Get a b');
    assert.equal(action.description, 'TODO: say what this does and returns, for the AI. Get a b: GET /a/{b}.');
    assert.ok((action.name as string).length >= 5 && (action.description as string).length >= 20);
    assert.match(notesOf(result, 'GET /a/{b}')[0], /no summary or description: the name and description were written/);
  });

  test('a name under 5 characters is completed with the route', async () => {
    const action = actionOf(await plan(oneOperation({ operationId: 'go' }, 'post', '/go')), 'go');
    assert.equal(action.name, 'Go (POST /go)');
  });

  test('a long summary is cut at a word, a long description at a sentence before 1,000 characters', async () => {
    const summary = 'Look up '.concat('many things '.repeat(10)).trim();
    const description = 'First sentence here. '.repeat(60).trim();
    const action = actionOf(await plan(oneOperation({ operationId: 'x1', summary, description })), 'x1');
    assert.ok((action.name as string).length <= 80 && !(action.name as string).endsWith(' '), String(action.name));
    assert.ok((action.description as string).length <= 1000 && (action.description as string).endsWith('.'));
  });
});

describe('endpoint and method', () => {
  test('server URL + path with {param} kept, method upper-case, channels widget, operationId recorded', async () => {
    const action = actionOf(await plan(oneOperation({ operationId: 'getThing', summary: 'Get a thing' }, 'patch')), 'getThing');
    assert.equal(action.endpoint, 'https://api.example.com/v1/things/{id}');
    assert.equal(action.method, 'PATCH');
    assert.deepEqual(action.channels, ['widget']);
    assert.equal(action.operationId, 'getThing');
  });

  test('server variables take their defaults; the operation\'s and path item\'s servers win over the document\'s', async () => {
    const spec = spec30({
      '/a': { servers: [{ url: 'https://path.example.com' }], get: { operationId: 'a', responses: ok } },
      '/b': { get: { operationId: 'b', servers: [{ url: 'https://{region}.example.com/{v}', variables: { region: { default: 'eu' }, v: { default: 'v2' } } }], responses: ok } },
    });
    const result = await plan(spec);
    assert.equal(actionOf(result, 'a').endpoint, 'https://path.example.com/a');
    assert.equal(actionOf(result, 'b').endpoint, 'https://eu.example.com/v2/b');
  });

  test('--server replaces every server URL', async () => {
    const action = actionOf(await plan(oneOperation({ operationId: 'x1' }), { server: 'https://staging.example.com/api/' }), 'x1');
    assert.equal(action.endpoint, 'https://staging.example.com/api/things/{id}');
  });

  test('Swagger 2.0: schemes (https preferred), host and basePath', async () => {
    const spec = { swagger: '2.0', info: { title: 't', version: '1' }, schemes: ['http', 'https'], host: 'api.example.com', basePath: '/v2', paths: { '/x': { get: { operationId: 'x1', responses: ok } } } };
    assert.equal(actionOf(await plan(spec), 'x1').endpoint, 'https://api.example.com/v2/x');
  });

  test('an http:// server becomes https:// with one note for the spec', async () => {
    const spec = spec30({ '/a': { get: { operationId: 'a', responses: ok } }, '/b': { get: { operationId: 'b', responses: ok } } }, { servers: [{ url: 'http://api.example.com' }] });
    const result = await plan(spec);
    assert.equal(actionOf(result, 'a').endpoint, 'https://api.example.com/a');
    assert.equal(notesOf(result, null).filter((n) => n.includes('http://')).length, 1);
  });

  test('a relative server URL is resolved against the URL the spec was fetched from', async () => {
    const spec = spec30({ '/a': { get: { operationId: 'a', responses: ok } } }, { servers: [{ url: '/api/v3' }] });
    const fetched = await plan(spec, {}, [], 'https://petstore.example.com/openapi.json');
    assert.equal(actionOf(fetched, 'a').endpoint, 'https://petstore.example.com/api/v3/a');
    const local = await plan(spec);
    assert.deepEqual(local.errors.map((e) => [e.code, e.operation]), [['cannot_determine_api_endpoint', 'a']]);
  });

  test('no server and no --server: cannot_determine_api_endpoint for each operation; --server fixes it', async () => {
    const spec = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { operationId: 'a', responses: ok } } } };
    const result = await plan(spec);
    assert.deepEqual(result.errors, [{ code: 'cannot_determine_api_endpoint', operation: 'a', message: 'the spec has no server URL (servers[0].url, or host for Swagger 2.0); give one with --server' }]);
    assert.equal(result.writes.length, 0);
    assert.equal(actionOf(await plan(spec, { server: 'https://x.example.com' }), 'a').endpoint, 'https://x.example.com/a');
  });

  test('a server variable without a default cannot give an endpoint', async () => {
    const result = await plan(oneOperation({ operationId: 'x1' }, 'get', '/x', { servers: [{ url: 'https://{tenant}.example.com' }] }));
    assert.equal(result.errors[0].code, 'cannot_determine_api_endpoint');
    assert.match(result.errors[0].message, /variable without a default/);
  });

  test('HEAD, OPTIONS and TRACE are skipped, not rejected', async () => {
    const result = await plan(spec30({ '/a': { head: { operationId: 'h', responses: ok }, options: { responses: ok }, trace: { operationId: 't', responses: ok } } }));
    assert.deepEqual(result.skipped.map((s) => s.operation), ['OPTIONS /a', 'h', 't']);
    assert.match(result.skipped[1].reason, /OpenCX actions have no HEAD method/);
    assert.deepEqual(result.errors, []);
  });
});

describe('parameters', () => {
  test('path and query parameters keep description, required and schema; path ones are required; path-item ones merge', async () => {
    const spec = spec30({
      '/things/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, description: 'Thing ID', schema: { type: 'integer' } }, { name: 'q', in: 'query', schema: { type: 'string' } }],
        get: { operationId: 'getThing', parameters: [{ name: 'q', in: 'query', description: 'Search words', required: true, schema: { type: 'string', example: 'blue' } }], responses: ok },
      },
    });
    assert.deepEqual(actionOf(await plan(spec), 'getThing').parameters, [
      { name: 'id', in: 'path', description: 'Thing ID', required: true, schema: { type: 'integer' } },
      { name: 'q', in: 'query', description: 'Search words', required: true, schema: { type: 'string', examples: ['blue'] } },
    ]);
  });

  test('Swagger 2.0 inline parameter types become the schema', async () => {
    const spec = { swagger: '2.0', info: { title: 't', version: '1' }, host: 'api.example.com', paths: { '/x/{id}': { get: { operationId: 'x1', parameters: [{ name: 'id', in: 'path', required: true, type: 'string', format: 'uuid' }, { name: 'tags', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'csv' }], responses: ok } } } };
    assert.deepEqual(actionOf(await plan(spec), 'x1').parameters, [
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      { name: 'tags', in: 'query', required: false, schema: { type: 'array', items: { type: 'string' } } },
    ]);
  });

  test('a required header parameter becomes a header with a placeholder; optional ones, cookies, Authorization are noted', async () => {
    const result = await plan(oneOperation({
      operationId: 'x1',
      summary: 'Get the thing',
      parameters: [
        { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } },
        { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        { name: 'Authorization', in: 'header', required: true, schema: { type: 'string' } },
        { name: 'session', in: 'cookie', required: true, schema: { type: 'string' } },
      ],
    }, 'get', '/x'));
    assert.deepEqual(actionOf(result, 'x1').headers, { 'X-Tenant': '<fill in>' });
    assert.equal(actionOf(result, 'x1').parameters, undefined);
    assert.deepEqual(notesOf(result, 'x1'), [
      'header X-Tenant is required: replace "<fill in>" with its value (a ${secret:NAME} for a credential, or a magic field)',
      'optional header parameter X-Trace left out: a static header would always be sent',
      'header parameter Authorization ignored, as OpenAPI says for Accept, Content-Type and Authorization',
      'cookie parameter session left out: OpenCX sends no cookies',
    ]);
  });

  test('a header parameter that carries an API-key security scheme is left for the global variable', async () => {
    const result = await plan(oneOperation(
      { operationId: 'x1', parameters: [{ name: 'X-Api-Key', in: 'header', required: true, schema: { type: 'string' } }] },
      'get', '/x', { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } } },
    ));
    assert.equal(actionOf(result, 'x1').headers, undefined);
    assert.match(notesOf(result, 'x1')[0], /header X-Api-Key carries an API key: set it as a global variable/);
  });
});

describe('request body', () => {
  const body = (content: Record<string, unknown>, required = true) => ({ operationId: 'x1', summary: 'Send a thing', requestBody: { required, content } });

  test('a JSON body becomes the body schema, bodyFormat json; read-only properties are left out; nullable becomes a type', async () => {
    const action = actionOf(await plan(oneOperation(body({ 'application/json': { schema: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string', nullable: true, xml: { name: 'n' }, 'x-internal': 1 } } } } }), 'post', '/x')), 'x1');
    assert.deepEqual(action.body, { type: 'object', required: ['name'], properties: { name: { type: ['string', 'null'] } } });
    assert.equal(action.bodyFormat, 'json');
  });

  test('vendor JSON types count as JSON, and JSON wins over multipart', async () => {
    const action = actionOf(await plan(oneOperation(body({ 'multipart/form-data': { schema: { type: 'object' } }, 'application/vnd.api+json': { schema: { type: 'object', properties: { a: { type: 'string' } } } } }), 'put', '/x')), 'x1');
    assert.equal(action.bodyFormat, 'json');
    assert.deepEqual(action.body, { type: 'object', properties: { a: { type: 'string' } } });
  });

  test('a multipart/form-data body becomes bodyFormat multipart', async () => {
    const action = actionOf(await plan(oneOperation(body({ 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } }), 'post', '/x')), 'x1');
    assert.equal(action.bodyFormat, 'multipart');
    assert.deepEqual(action.body, { type: 'object', properties: { file: { type: 'string', format: 'binary' } } });
  });

  test('Swagger 2.0: a body parameter is the JSON body; formData with multipart consumes is a multipart body, files as binary strings', async () => {
    const base = { swagger: '2.0', info: { title: 't', version: '1' }, host: 'api.example.com' };
    const json = await plan({ ...base, paths: { '/x': { post: { operationId: 'x1', parameters: [{ name: 'b', in: 'body', required: true, schema: { type: 'object', properties: { a: { type: 'string' } } } }], responses: ok } } } });
    assert.deepEqual(actionOf(json, 'x1').body, { type: 'object', properties: { a: { type: 'string' } } });
    const form = await plan({ ...base, paths: { '/x': { post: { operationId: 'x1', consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file', required: true, description: 'The file' }, { name: 'note', in: 'formData', type: 'string' }], responses: ok } } } });
    assert.equal(actionOf(form, 'x1').bodyFormat, 'multipart');
    assert.deepEqual(actionOf(form, 'x1').body, { type: 'object', properties: { file: { type: 'string', format: 'binary', description: 'The file' }, note: { type: 'string' } }, required: ['file'] });
  });

  test('a required body OpenCX cannot send (form-encoded, XML) skips the operation; an optional one is left out with a note', async () => {
    const form = { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { a: { type: 'string' } } } } };
    const required = await plan(oneOperation(body(form), 'post', '/x'));
    assert.deepEqual(required.skipped, [{ operation: 'x1', reason: 'its request body is application/x-www-form-urlencoded; OpenCX sends JSON or multipart/form-data' }]);
    const optional = await plan(oneOperation(body(form, false), 'post', '/x'));
    assert.equal(actionOf(optional, 'x1').body, undefined);
    assert.match(notesOf(optional, 'x1')[0], /^optional request body left out: its request body is application\/x-www-form-urlencoded/);
  });

  test('a body whose schema requires fields is required, whatever requestBody.required says', async () => {
    const result = await plan(oneOperation(body({ 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['To'], properties: { To: { type: 'string' } } } } }, false), 'post', '/x'));
    assert.equal(result.skipped.length, 1);
  });

  test('GET and DELETE never carry a body', async () => {
    const result = await plan(oneOperation(body({ 'application/json': { schema: { type: 'object' } } }), 'delete', '/x'));
    assert.equal(actionOf(result, 'x1').body, undefined);
    assert.deepEqual(notesOf(result, 'x1'), ['request body left out: OpenCX sends no body with DELETE']);
  });
});

describe('extensions, security and tags', () => {
  test('x-open-require-form-submission, x-open-pinned and x-open-tags map to requireFormSubmission, pinned and tags', async () => {
    const action = actionOf(await plan(oneOperation({ operationId: 'x1', tags: ['things'], 'x-open-require-form-submission': true, 'x-open-pinned': false, 'x-open-tags': ['billing', 'vip'] })), 'x1');
    assert.equal(action.requireFormSubmission, true);
    assert.equal(action.pinned, false);
    assert.deepEqual(action.tags, ['billing', 'vip']);
  });

  test('extensions of the wrong type are ignored with a note; OpenAPI tags are not action tags', async () => {
    const result = await plan(oneOperation({ operationId: 'x1', summary: 'Get a thing', tags: ['things'], 'x-open-pinned': 'yes', 'x-open-tags': ['a', 3, 'a'] }));
    const action = actionOf(result, 'x1');
    assert.equal(action.pinned, undefined);
    assert.deepEqual(action.tags, ['a']);
    assert.deepEqual(notesOf(result, 'x1'), ['x-open-pinned ignored: it must be true or false', 'x-open-tags: only non-empty, distinct strings are kept']);
  });

  test('security schemes become suggested ${secret:NAME} global variables in notes, never values', async () => {
    const result = await plan(oneOperation({ operationId: 'x1' }, 'get', '/x', {
      components: {
        securitySchemes: {
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          queryKey: { type: 'apiKey', in: 'query', name: 'key' },
          bearer: { type: 'http', scheme: 'bearer' },
          basic: { type: 'http', scheme: 'basic' },
          oauth: { type: 'oauth2', flows: {} },
        },
      },
    }));
    assert.deepEqual(notesOf(result, null), [
      'security scheme "apiKeyHeader": add the global variable "X-API-Key": "${secret:API_KEY_HEADER}" to opencx.config.json and set the secret API_KEY_HEADER (never its value in a file)',
      'security scheme "queryKey": an API key in the query (key) cannot be a global variable (those are headers); add it to each action as a static query parameter with the value ${secret:QUERY_KEY} if the API needs it',
      'security scheme "bearer": add the global variable "Authorization": "Bearer ${secret:BEARER}" to opencx.config.json and set the secret BEARER (never its value in a file)',
      'security scheme "basic": add the global variable "Authorization": "Basic ${secret:BASIC}" to opencx.config.json and set the secret BASIC (never its value in a file)',
      'security scheme "oauth": add the global variable "Authorization": "Bearer ${secret:OAUTH}" to opencx.config.json and set the secret OAUTH (never its value in a file); get the token outside OpenCX: it does not run OAuth flows',
    ]);
  });
});
