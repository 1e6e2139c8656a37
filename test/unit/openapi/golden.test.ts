// Golden tests on real public specs (test/fixtures/openapi/README.md): what each import gives, and every file it
// writes lints without a schema error (nor a finding the import should have prevented).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lintAfterImport, planImport } from '../../../server/src/engine/openapi';
import type { ImportOptions, ImportPlan } from '../../../server/src/engine/openapi/types';
import { ACTION_RULES } from '../../../server/src/engine/rules/registry';

/** The repository root: this file is bundled to out/test/unit/openapi/golden.test.js. */
const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/openapi');
const GOLDEN = path.join(FIXTURES, 'golden');
const OUT = '/golden/actions';

const RULE_CODES = new Set(ACTION_RULES.map((r) => r.code));
/** Findings the import itself must never cause: it rejects such schemas and writes matching path parameters. */
const PREVENTED = new Set(['invalid-tool-schema', 'path-parameter-mismatch', 'insecure-endpoint']);

async function importFixture(file: string, options: Partial<ImportOptions> = {}): Promise<ImportPlan> {
  const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
  return planImport({ text, location: `/golden/specs/${file}` }, [], { outDir: OUT, ...options });
}

function assertLintClean(result: ImportPlan): void {
  for (const { id, findings } of lintAfterImport(result, [])) {
    for (const f of findings) {
      assert.ok(RULE_CODES.has(f.code), `${id}: schema error ${f.code}: ${f.message}`);
      assert.ok(!PREVENTED.has(f.code), `${id}: ${f.code}: ${f.message}`);
    }
  }
}

/** Compares the written files with test/fixtures/openapi/golden/<name>/ (UPDATE_GOLDEN=1 rewrites them). */
function assertGolden(name: string, result: ImportPlan): void {
  const folder = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    for (const w of result.writes) fs.writeFileSync(path.join(folder, path.posix.basename(w.id)), w.text);
  }
  const expected = fs.readdirSync(folder).sort();
  assert.deepEqual(result.writes.map((w) => path.posix.basename(w.id)).sort(), expected);
  for (const w of result.writes) assert.equal(w.text, fs.readFileSync(path.join(folder, path.posix.basename(w.id)), 'utf8'), w.id);
}

const counts = (r: ImportPlan) => ({ operations: r.operationCount, created: r.created.length, skipped: r.skipped.length, errors: r.errors.length });

describe('golden imports of real specs', () => {
  test('OpenAPI Initiative petstore, Swagger 2.0 JSON', async () => {
    const result = await importFixture('petstore-2.0.json');
    assert.deepEqual(counts(result), { operations: 3, created: 3, skipped: 0, errors: 0 });
    assertGolden('petstore-2.0', result);
    assertLintClean(result);
  });

  test('OpenAPI Initiative petstore, OpenAPI 3.0 YAML', async () => {
    const result = await importFixture('petstore-3.0.yaml');
    assert.deepEqual(counts(result), { operations: 3, created: 3, skipped: 0, errors: 0 });
    assertGolden('petstore-3.0', result);
    assertLintClean(result);
  });

  test('OpenAPI Initiative tic-tac-toe, OpenAPI 3.1 YAML: no server, so --server is needed', async () => {
    const without = await importFixture('tictactoe-3.1.yaml');
    assert.deepEqual(counts(without), { operations: 3, created: 0, skipped: 0, errors: 3 });
    assert.ok(without.errors.every((e) => e.code === 'cannot_determine_api_endpoint'));
    const result = await importFixture('tictactoe-3.1.yaml', { server: 'https://tictactoe.example.com' });
    assert.deepEqual(counts(result), { operations: 3, created: 3, skipped: 0, errors: 0 });
    assertGolden('tictactoe-3.1', result);
    assertLintClean(result);
  });

  test('Netlify API, Swagger 2.0 YAML (174 operations)', async () => {
    const result = await importFixture('netlify-2.0.yml');
    assert.deepEqual(counts(result), { operations: 174, created: 172, skipped: 2, errors: 0 });
    assert.ok(result.skipped.every((s) => /application\/octet-stream/.test(s.reason)), JSON.stringify(result.skipped));
    assertLintClean(result);
  });

  test('Twilio Messaging v1, OpenAPI 3.0 JSON (58 operations, form-encoded bodies)', async () => {
    const result = await importFixture('twilio-messaging-3.0.json');
    assert.deepEqual(counts(result), { operations: 58, created: 45, skipped: 13, errors: 0 });
    assert.ok(result.skipped.every((s) => /application\/x-www-form-urlencoded/.test(s.reason)), JSON.stringify(result.skipped));
    assertLintClean(result);
  });

  test('an import is deterministic: the same spec twice gives the same files', async () => {
    const [a, b] = [await importFixture('netlify-2.0.yml'), await importFixture('netlify-2.0.yml')];
    assert.deepEqual(a.writes, b.writes);
  });
});
