// The fuzz layer: property-based tests (fast-check) that mutate the example and fixture files and push each
// mutant through lint, the workspace rules and planning. Properties: nothing throws (a rule that throws becomes
// an `internal-error` finding, which counts as a throw here), every finding lies inside its document (never past
// a line's end, never between a CRLF's two characters), and no document takes more than a second.
//
// Bounded: FUZZ_RUNS cases per property (default 2,000), from FUZZ_SEED (default: random, printed on failure so
// the case replays: FUZZ_SEED=<seed> node --test out/test/unit/fuzz.test.js).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Finding } from '../../server/src/engine/lint/findings';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { configModelOf } from '../../server/src/engine/model/config';
import { actionModelOf } from '../../server/src/engine/model/action';
import { fixedIds, resolveHeaders, resolveRequest, type OrgInput } from '../../server/src/engine/resolve';
import { schemaValidators } from '../../server/src/engine/schema/compile';
import type { Range } from '../../server/src/engine/document/text';
import { Workspace } from '../../server/src/engine/workspace/workspace';

const ROOT = path.resolve(__dirname, '../../..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const PER_DOCUMENT_MS = 1000;
/** A long run (FUZZ_RUNS=100000) says how far it got. */
const PROGRESS_EVERY = 10_000;
let done = 0;
const VALIDATORS = schemaValidators();

interface Seed {
  name: string;
  text: string;
  kind: 'action' | 'config';
}

/** Every action, config and other JSON file under examples/ and test/fixtures/ (the others are fuzzed as actions). */
function corpus(): Seed[] {
  const seeds: Seed[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.json') && fs.statSync(file).size < 200_000) {
        seeds.push({ name: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8'), kind: entry.name === 'opencx.config.json' ? 'config' : 'action' });
      }
    }
  };
  visit(path.join(ROOT, 'examples'));
  visit(path.join(ROOT, 'test/fixtures'));
  return seeds;
}

const SEEDS = corpus();
const EXAMPLE_CONFIG = fs.readFileSync(path.join(ROOT, 'examples/opencx.config.json'), 'utf8');
const NEIGHBOUR = fs.readFileSync(path.join(ROOT, 'examples/actions/look-up-order.action.json'), 'utf8');

/** Strings that have broken parsers, encoders and rules before, mixed with arbitrary ones. */
const nastyString = fc.oneof(
  fc.constantFrom('\ud800', '\udc00', 'a\ud800b', '😀', '${secret:X}', '${secret:}', '{order_id}', '{', '}', '%', '%E0%A4%A', '\u0000', '\r', '\r\n', '\\', '"', 'https://', 'http://127.0.0.1', '#', '?a=1&b', ' ', '', 'x'.repeat(5000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);

/** A JSON value to put somewhere: anything JSON has, the nasty strings, magic fields, deep or wide shapes. */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyString,
  fc.constantFrom(null, true, 0, -1, 1e308, 2 ** 53, 'GET', 'POST', 'FETCH', [], {}, { magic: 'contact.email' }, { magic: 'nope' }, { type: 'object', properties: { a: { type: 'int' } } }, { $ref: '#' }, { oneOf: [{ oneOf: [] }] }),
  fc.integer({ min: 1, max: 600 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'remove'; pick: number }
  | { kind: 'crlf' }
  | { kind: 'cr' }
  | { kind: 'truncate'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(nastyString, fc.constantFrom(',', ':', '{', '}', '[', ']', '"', '\\u', '\\ud800', '/*', '//')) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('set' as const), pick: position, value: jsonValue }),
  fc.record({ kind: fc.constant('set' as const), pick: position, value: jsonValue }),
  fc.record({ kind: fc.constant('remove' as const), pick: position }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'cr' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);

/** Every path in a value (objects and arrays), the root included. */
function pathsIn(value: unknown, base: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(base);
  if (out.length > 2000) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsIn(v, [...base, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsIn(v, [...base, k], out);
  return out;
}

/** Sets (or removes) the value at one path of a parsed text and prints it again, 2-space, tab or compact. */
function structural(text: string, pick: number, change: (parent: Record<string | number, unknown>, key: string | number) => void): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  const paths = pathsIn(value).filter((p) => p.length > 0);
  if (!paths.length) return text;
  const target = paths[Math.floor(pick * paths.length) % paths.length];
  let parent = value as Record<string | number, unknown>;
  for (const key of target.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, target[target.length - 1]);
  return JSON.stringify(value, null, [2, '\t', 0][Math.floor(pick * 3) % 3]);
}

function apply(text: string, m: Mutation): string {
  const at = m.kind === 'insert' || m.kind === 'delete' || m.kind === 'duplicate' || m.kind === 'truncate' ? Math.floor(m.at * (text.length + 1)) : 0;
  switch (m.kind) {
    case 'insert': return text.slice(0, at) + m.text + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate': return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'set': return structural(text, m.pick, (parent, key) => { parent[key] = m.value; });
    case 'remove': return structural(text, m.pick, (parent, key) => { if (Array.isArray(parent)) parent.splice(Number(key), 1); else delete parent[key]; });
    case 'crlf': return text.replace(/\r?\n/g, '\r\n');
    case 'cr': return text.replace(/\r?\n/g, '\r');
    case 'truncate': return text.slice(0, at);
  }
}

/** Line starts and content ends, computed here (not with the engine's LineIndex) to judge its positions. */
function lineExtents(text: string): { start: number; contentEnd: number }[] {
  const lines: { start: number; contentEnd: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || c === '\n' || c === '\r') {
      lines.push({ start, contentEnd: i });
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  return lines;
}

function assertInside(range: Range, text: string, what: string): void {
  const lines = lineExtents(text);
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `${what}: ${JSON.stringify(range)} is not a position`);
    assert.ok(p.line < lines.length, `${what}: line ${p.line} of a ${lines.length}-line document`);
    const line = lines[p.line];
    assert.ok(p.character <= line.contentEnd - line.start, `${what}: character ${p.character} past the end of line ${p.line} (${line.contentEnd - line.start} characters)`);
  }
  const before = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what}: ${JSON.stringify(range)} ends before it starts`);
}

function assertFindings(findings: Finding[], texts: Map<string, string>, id: string): void {
  for (const f of findings) {
    assert.notEqual(f.code, 'internal-error', `a rule threw: ${f.message}`);
    assertInside(f.range, texts.get(id)!, `${f.code} in ${id}`);
    for (const r of f.related ?? []) if (texts.has(r.file)) assertInside(r.range, texts.get(r.file)!, `related location of ${f.code} in ${r.file}`);
  }
}

const ACTION_ID = '/fuzz/actions/fuzzed.action.json';
const CONFIG_ID = '/fuzz/opencx.config.json';
const NEIGHBOUR_ID = '/fuzz/actions/neighbour.action.json';

/** CPU milliseconds used by this process so far: a hang shows in it, other processes on the machine do not. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Lint, the workspace rules (with a config and a neighbour) and plans of one document; returns its CPU time. */
function exercise(seed: Seed, text: string, values: Record<string, string>): number {
  const started = cpuMs();
  lintDocument({ kind: seed.kind, text }, VALIDATORS);
  const config = seed.kind === 'config' ? text : EXAMPLE_CONFIG;
  const files = new Map([[CONFIG_ID, config], [NEIGHBOUR_ID, NEIGHBOUR], ...(seed.kind === 'action' ? [[ACTION_ID, text] as [string, string]] : [])]);
  const workspace = new Workspace(VALIDATORS);
  workspace.setContext({ isSecretSet: (name) => name === 'SHOP_API_TOKEN' });
  workspace.setMany([...files].map(([id, t]) => ({ id, text: t, kind: id === CONFIG_ID ? 'config' as const : 'action' as const })));
  for (const id of files.keys()) assertFindings(workspace.findings(id), files, id);

  const configDocument = lintDocument({ kind: 'config', text: config }, VALIDATORS).document;
  const model = configDocument.wellFormed ? configModelOf(configDocument.value) : undefined;
  const org: OrgInput | undefined = model ? { file: CONFIG_ID, config: model, raw: configDocument.value } : undefined;
  const actionText = seed.kind === 'action' ? text : NEIGHBOUR;
  const actionDocument = lintDocument({ kind: 'action', text: actionText }, VALIDATORS).document;
  if (actionDocument.wellFormed) {
    const action = { file: ACTION_ID, value: actionDocument.value };
    const names = Object.keys(model?.contacts ?? {});
    for (const contact of [undefined, ...names.slice(0, 2)]) {
      for (const mode of ['dryRun', 'send'] as const) {
        resolveRequest({ action, ...(org ? { org } : {}), contact, values, mode, ids: fixedIds('11111111-2222-4333-8444-555555555555', '1') });
      }
      resolveHeaders({ action, ...(org ? { org } : {}), contact });
    }
  }
  return cpuMs() - started;
}

/** The names an action asks values for, given nasty values (the run inputs a user types). */
function valuesFor(text: string, pick: string[]): Record<string, string> {
  let model;
  try {
    model = actionModelOf(JSON.parse(text));
  } catch {
    return {};
  }
  const names = [...(model?.parameters.map((p) => p.name) ?? []), 'order_id', 'reason'];
  return Object.fromEntries(names.map((name, i) => [name, pick[i % pick.length]]));
}

describe(`fuzz: ${RUNS} mutated documents per property, seed ${SEED}`, () => {
  test('seeds: the corpus is there', () => {
    assert.ok(SEEDS.length >= 20, `only ${SEEDS.length} seed files`);
    assert.ok(SEEDS.some((s) => s.kind === 'config'));
  });

  test('lint, workspace rules and plans never throw, never place a finding outside the document, take < 1 s', () => {
    const property = fc.property(
      fc.constantFrom(...SEEDS),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      fc.array(nastyString, { minLength: 1, maxLength: 3 }),
      (seed, mutations, picks) => {
        const text = mutations.reduce(apply, seed.text);
        let elapsed: number;
        try {
          elapsed = exercise(seed, text, valuesFor(text, picks));
        } catch (error) {
          // Short and replayable: the seed file and the mutations, not the whole text (fast-check prints that too).
          throw new Error(`${seed.name} with ${JSON.stringify(mutations).slice(0, 600)}: ${error instanceof Error ? error.stack : String(error)}`);
        }
        assert.ok(elapsed < PER_DOCUMENT_MS, `${seed.name} mutated took ${elapsed.toFixed(0)} ms of CPU`);
        if (++done % PROGRESS_EVERY === 0) console.error(`fuzz: ${done} documents, no failure so far`);
      },
    );
    try {
      fc.assert(property, { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
    } catch (error) {
      // fast-check's message has the counterexample and the path; the seed is what replays the whole run.
      console.error(`fuzz failed: replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);
      throw error;
    }
  });
});
