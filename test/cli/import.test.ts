// `opencx-actions import`: formats, exit codes and re-import through the built CLI (dist/cli.js + dist/openapi.js).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, runPlain, tempFolder, writeFile } from './cliHarness';

const SPECS = path.join(ROOT, 'test/fixtures/openapi');
const PETSTORE = path.join(SPECS, 'petstore-3.0.yaml');
const TICTACTOE = path.join(SPECS, 'tictactoe-3.1.yaml');

interface Summary {
  spec: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  kept: string[];
  skipped: { operation: string; reason: string }[];
  errors: { code: string; operation: string | null; message: string }[];
  notes: { operation: string | null; message: string }[];
  lint: { file: string; line: number; column: number; severity: string; code: string; message: string }[];
}

function importJson(args: string[], cwd: string): { status: number; summary: Summary; stderr: string } {
  const run = runPlain(['import', ...args, '--format', 'json'], cwd);
  return { status: run.status, summary: JSON.parse(run.stdout) as Summary, stderr: run.stderr };
}

describe('import: output', () => {
  test('text: the counts, the files created, the lint findings to fix first and the notes', (t) => {
    const cwd = tempFolder(t);
    const run = runPlain(['import', PETSTORE, '--out', 'actions'], cwd);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /petstore-3\.0\.yaml: 3 created, 0 updated, 0 unchanged, 0 kept, 0 skipped, 0 errors, \d+ lint findings\.$/);
    assert.match(run.stdout, /\nCreated \(3\):\n {2}actions\/list-pets\.action\.json\n {2}actions\/create-pets\.action\.json\n {2}actions\/show-pet-by-id\.action\.json\n/);
    assert.match(run.stdout, /\nLint: fix these first \(\d+\):\n {2}actions\/list-pets\.action\.json:2:3 warning missing-segment-rule: /);
    assert.match(run.stdout, /description-overlap/);
    assert.match(run.stdout, /\nNotes \(1\):\n {2}the spec's server is http:\/\/; OpenCX only calls https:\/\//);
    assert.deepEqual(fs.readdirSync(path.join(cwd, 'actions')).sort(), ['create-pets.action.json', 'list-pets.action.json', 'show-pet-by-id.action.json']);
  });

  test('json: exactly the summary\'s fields, files shown relative to the current folder', (t) => {
    const cwd = tempFolder(t);
    const { status, summary } = importJson([PETSTORE, '--out', 'actions'], cwd);
    assert.equal(status, 0);
    assert.deepEqual(Object.keys(summary), ['spec', 'created', 'updated', 'unchanged', 'kept', 'skipped', 'errors', 'notes', 'lint']);
    assert.deepEqual(summary.created, ['actions/list-pets.action.json', 'actions/create-pets.action.json', 'actions/show-pet-by-id.action.json']);
    assert.deepEqual([summary.updated, summary.unchanged, summary.kept, summary.skipped, summary.errors], [[], [], [], [], []]);
    assert.ok(summary.lint.some((f) => f.code === 'missing-segment-rule' && f.severity === 'error' && f.file === 'actions/create-pets.action.json'));
    const action = JSON.parse(fs.readFileSync(path.join(cwd, 'actions/show-pet-by-id.action.json'), 'utf8'));
    assert.equal(action.origin.spec, path.relative(path.join(cwd, 'actions'), PETSTORE).split(path.sep).join('/'));
  });

  test('the files it writes pass `lint` without a schema error', (t) => {
    const cwd = tempFolder(t);
    assert.equal(runPlain(['import', path.join(SPECS, 'netlify-2.0.yml'), '--out', 'netlify'], cwd).status, 0);
    const lint = runPlain(['lint', 'netlify', '--format', 'json'], cwd);
    const codes = new Set((JSON.parse(lint.stdout) as { code: string }[]).map((f) => f.code));
    assert.deepEqual([...codes].sort(), ['description-overlap', 'missing-segment-rule', 'vague-description']);
  });

  test('--dry-run reports the same and writes nothing', (t) => {
    const cwd = tempFolder(t);
    const { status, summary } = importJson([PETSTORE, '--out', 'actions', '--dry-run'], cwd);
    assert.equal(status, 0);
    assert.equal(summary.created.length, 3);
    assert.equal(fs.existsSync(path.join(cwd, 'actions')), false);
    assert.match(runPlain(['import', PETSTORE, '--dry-run'], cwd).stdout, /^Dry run, nothing written\. /);
  });

  test('--operation and --tag select operations', (t) => {
    const cwd = tempFolder(t);
    assert.deepEqual(importJson([PETSTORE, '--operation', 'showPetById', '--operation', 'POST /pets'], cwd).summary.created, ['create-pets.action.json', 'show-pet-by-id.action.json']);
    const other = tempFolder(t);
    assert.equal(importJson([PETSTORE, '--tag', 'pets'], other).summary.created.length, 3);
  });
});

describe('import: re-import', () => {
  test('unchanged, hand-edited (kept), hand-made (never touched) and removed operations', (t) => {
    const cwd = tempFolder(t);
    const spec = writeFile(cwd, 'petstore.yaml', fs.readFileSync(PETSTORE, 'utf8'));
    assert.equal(runPlain(['import', spec, '--out', 'actions'], cwd).status, 0);
    assert.deepEqual(importJson([spec, '--out', 'actions'], cwd).summary.unchanged.length, 3);

    const edited = path.join(cwd, 'actions/list-pets.action.json');
    fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace('"List all pets (GET /pets)."', '"List every pet in the shop with its name and tag."'));
    const handMade = writeFile(cwd, 'actions/mine.action.json', JSON.stringify({ name: 'Adopt a pet', description: 'Start the adoption of a pet for the customer.', method: 'POST', endpoint: 'https://petstore.example.com/adopt', restrictedToSegments: [] }, null, 2));
    const handMadeBefore = fs.readFileSync(handMade, 'utf8');
    fs.writeFileSync(spec, fs.readFileSync(spec, 'utf8').replace(/ {2}\/pets\/\{petId\}:[\s\S]*?(?=\ncomponents:)/, ''));

    const { status, summary } = importJson([spec, '--out', 'actions'], cwd);
    assert.equal(status, 0);
    assert.deepEqual(summary.kept.sort(), ['actions/list-pets.action.json', 'actions/show-pet-by-id.action.json']);
    assert.deepEqual(summary.unchanged, ['actions/create-pets.action.json']);
    assert.deepEqual(summary.skipped.map((s) => s.operation).sort(), ['listPets', 'showPetById']);
    assert.match(fs.readFileSync(edited, 'utf8'), /List every pet in the shop/);
    assert.equal(fs.readFileSync(handMade, 'utf8'), handMadeBefore);
    assert.ok(fs.existsSync(path.join(cwd, 'actions/show-pet-by-id.action.json')), 'a removed operation\'s file is not deleted');
  });
});

describe('import: exit codes', () => {
  test('1 when operations are rejected (no server URL), with the errors; 0 with --server', (t) => {
    const cwd = tempFolder(t);
    const rejected = importJson([TICTACTOE], cwd);
    assert.equal(rejected.status, 1);
    assert.deepEqual(rejected.summary.errors.map((e) => [e.code, e.operation]), [['cannot_determine_api_endpoint', 'get-board'], ['cannot_determine_api_endpoint', 'get-square'], ['cannot_determine_api_endpoint', 'put-square']]);
    assert.equal(importJson([TICTACTOE, '--server', 'https://games.example.com'], cwd).status, 0);
  });

  test('1 for an invalid tool schema, and the other operations are still imported', (t) => {
    const cwd = tempFolder(t);
    const spec = writeFile(cwd, 'tree.json', JSON.stringify({
      openapi: '3.0.3', info: { title: 't', version: '1' }, servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/nodes': { post: { operationId: 'addNode', summary: 'Add a node to the tree', requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } }, responses: { 201: { description: 'ok' } } } },
        '/health': { get: { operationId: 'health', summary: 'Check the service health', responses: { 200: { description: 'ok' } } }, head: { operationId: 'ping', responses: { 200: { description: 'ok' } } } },
      },
      components: { schemas: { Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } } } },
    }));
    const { status, summary } = importJson([spec], cwd);
    assert.equal(status, 1);
    assert.deepEqual(summary.errors.map((e) => [e.code, e.operation]), [['invalid_tool_schema', 'addNode']]);
    assert.deepEqual(summary.created, ['health.action.json']);
    assert.deepEqual(summary.skipped.map((s) => s.operation), ['ping']);
  });

  test('0 when only HEAD/OPTIONS/TRACE operations are skipped', (t) => {
    const cwd = tempFolder(t);
    const spec = writeFile(cwd, 'api.json', JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, servers: [{ url: 'https://api.example.com' }], paths: { '/a': { get: { operationId: 'a', summary: 'Get the a resource', responses: { 200: { description: 'ok' } } }, head: { operationId: 'h', responses: { 200: { description: 'ok' } } } } } }));
    const { status, summary } = importJson([spec], cwd);
    assert.equal(status, 0);
    assert.equal(summary.skipped.length, 1);
  });

  test('2 for failed_to_parse_spec, reported in the summary, nothing written', (t) => {
    const cwd = tempFolder(t);
    const spec = writeFile(cwd, 'api.json', 'openapi: 3.0.0\npaths: {}\n');
    const { status, summary } = importJson([spec], cwd);
    assert.equal(status, 2);
    assert.deepEqual(summary.errors.map((e) => [e.code, e.operation]), [['failed_to_parse_spec', null]]);
    assert.match(summary.errors[0].message, /api\.json is not valid JSON/);
    assert.deepEqual(fs.readdirSync(cwd), ['api.json']);
  });

  for (const [title, args, message] of [
    ['no SPEC', [], /import takes one SPEC file; got none/],
    ['two SPECs', [PETSTORE, TICTACTOE], /import takes one SPEC file; got 2/],
    ['an unknown format', [PETSTORE, '--format', 'xml'], /--format must be one of text, json; got "xml"/],
    ['a --server that is not a URL', [PETSTORE, '--server', 'api.example.com'], /--server must be an absolute https:\/\/ URL/],
    ['an --operation the spec does not have', [PETSTORE, '--operation', 'adoptPet'], /not in .*petstore-3\.0\.yaml: --operation adoptPet/],
    ['a --tag the spec does not have', [PETSTORE, '--tag', 'cats'], /--tag cats/],
    ['an unknown option', [PETSTORE, '--force'], /Unknown option '--force'/],
    ['a missing spec file', ['nowhere.yaml'], /cannot read nowhere\.yaml: no such file or folder/],
  ] as const) {
    test(`2 for ${title}`, (t) => {
      const run = runPlain(['import', ...args], tempFolder(t));
      assert.equal(run.status, 2, run.stdout);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /internal error|    at /);
    });
  }
});

describe('import: the parser stays out of lint', () => {
  test('dist/cli.js and dist/client.js do not hold the OpenAPI parser; dist/openapi.js does', () => {
    const marker = 'is not a valid Openapi API definition'; // a message of swagger-parser's
    assert.ok(!fs.readFileSync(path.join(ROOT, 'dist/cli.js'), 'utf8').includes(marker));
    assert.ok(!fs.readFileSync(path.join(ROOT, 'dist/client.js'), 'utf8').includes(marker));
    assert.ok(fs.readFileSync(path.join(ROOT, 'dist/openapi.js'), 'utf8').includes(marker));
  });
});
