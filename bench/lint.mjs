#!/usr/bin/env node
// `npm run bench:lint`: lints 1,000 generated action files (valid and invalid mixed) and prints, side by side in
// one run, our full lint time, vscode-json-languageservice validating the same files with the same schema (the
// peer), and JSON.parse + the compiled ajv validator alone (the floor), with the ratios.
// Target: ours ≤ 0.5× the peer, ≤ 3× the floor.
// Everything is in memory, so file I/O does not blur the comparison. BENCH_FILES and BENCH_ROUNDS override the
// defaults, BENCH_ONLY picks methods. (With `node --expose-gc` it collects garbage before each measurement; that
// triples the time of allocation-heavy code such as ours, which then regrows its heap, so the figures we report
// are without it, as the CLI and the server run.)
// BENCH_LIVE_HEAP=10000 first loads a workspace of that many generated actions and keeps it alive while measuring,
// as the language server's heap is after its first index (issue 15: "per-file lint vs JSON.parse + compiled ajv,
// inside a live 10k workspace heap", target ≤ 3×): GC then has a large live heap to trace.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateActions } from './generateActions.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The engine as bundled by build.mjs (the same code the CLI and the server run); CommonJS, hence require.
const engine = require(path.join(root, 'out/bench/engine.js'));
const { getLanguageService } = require('vscode-json-languageservice');
const { TextDocument } = require('vscode-languageserver-textdocument');

const FILE_COUNT = Number(process.env.BENCH_FILES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARM_UP_ROUNDS = 10; // the JIT settles after about ten passes over 1,000 files (all methods get the same)
const TARGET = { peer: 0.5, floor: 3 };
const SEGMENTS = ['customers', 'vip', 'staff', 'trial'];

const files = generateActions(FILE_COUNT);
const LIVE_HEAP = Number(process.env.BENCH_LIVE_HEAP ?? 0);
/** Held for the whole run, never read: the live heap of a server after its first index. */
const liveWorkspace = LIVE_HEAP ? loadLiveWorkspace(LIVE_HEAP) : undefined;

function loadLiveWorkspace(count) {
  const workspace = new engine.Workspace(engine.schemaValidators());
  const generated = generateActions(count, 7);
  workspace.setMany(generated.map((file, i) => ({ id: `/live/svc-${Math.floor(i / 25)}/${file.name}`, text: file.text, kind: 'action' })));
  for (const id of workspace.ids()) workspace.findings(id);
  return workspace;
}
const validators = engine.schemaValidators();
const actionSchema = engine.SCHEMAS.action;
// The files say "$schema": "../schemas/action.schema.json"; registering the schema under the URI that resolves
// to lets the peer use it as VS Code would, without loading anything.
const SCHEMA_URI = 'file:///bench/schemas/action.schema.json';
const fileUri = (file) => `file:///bench/actions/${file.name}`;
const CONFIG = { id: '/bench/opencx.config.json', text: JSON.stringify({ segments: SEGMENTS, contacts: { ann: { segments: ['customers'] } } }, null, 2) };

/** Each method lints every file once and returns, per file, how many findings it reported. */
const methods = {
  ours: {
    label: 'ours, full lint (Workspace: syntax, keys, schema, rules)',
    run() {
      const workspace = new engine.Workspace(validators);
      // As the CLI loads files: one bulk load (overlaps scored once, with the final word frequencies).
      workspace.setMany([{ id: CONFIG.id, text: CONFIG.text, kind: 'config' }, ...files.map((file) => ({ id: `/bench/actions/${file.name}`, text: file.text, kind: 'action' }))]);
      return files.map((file) => workspace.findings(`/bench/actions/${file.name}`).length);
    },
  },
  oursPerFile: {
    label: 'ours, per-file part (lintDocument)',
    run: () => files.map((file) => engine.lintDocument({ kind: 'action', text: file.text }, validators).findings.length),
  },
  peer: {
    label: 'peer (json-languageservice doValidation)',
    service: undefined,
    async run() {
      if (!this.service) {
        // resolveRelativePath lets the peer follow each file's "$schema" to the registered schema, as in VS Code.
        this.service = getLanguageService({ workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href } });
        this.service.configure({ validate: true, allowComments: false, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.action.json'], schema: actionSchema }] });
      }
      const counts = [];
      for (const file of files) {
        const document = TextDocument.create(fileUri(file), 'json', 1, file.text);
        const json = this.service.parseJSONDocument(document);
        const diagnostics = await this.service.doValidation(document, json, { comments: 'error', trailingCommas: 'error' });
        counts.push(diagnostics.length);
      }
      return counts;
    },
  },
  floor: {
    label: 'floor (JSON.parse + compiled ajv)',
    run() {
      const validate = validators.action;
      return files.map((file) => {
        let value;
        try {
          value = JSON.parse(file.text);
        } catch {
          return 1;
        }
        return validate(value) ? 0 : validate.errors.length;
      });
    },
  },
};

async function timeOnce(method) {
  globalThis.gc?.();
  const started = performance.now();
  const counts = await method.run();
  return { ms: performance.now() - started, counts };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measure() {
  // BENCH_ONLY=ours,floor runs some methods only: for profiling one path with `node --cpu-prof`.
  const names = Object.keys(methods).filter((n) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(n));
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const counts = {};
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const name of names) counts[name] = (await timeOnce(methods[name])).counts;
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order each round so no method always runs right after the same one (GC debt, caches).
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) times[name].push((await timeOnce(methods[name])).ms);
  }
  return Object.fromEntries(names.map((n) => [n, { ms: median(times[n]), min: Math.min(...times[n]), counts: counts[n] }]));
}

function describeInput() {
  const byKind = new Map();
  for (const file of files) byKind.set(file.kind, (byKind.get(file.kind) ?? 0) + 1);
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const kinds = [...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  return `${files.length} generated action files, ${(bytes / 1024).toFixed(0)} KB in memory (${kinds})`;
}

function report(results) {
  if (!results.ours || !results.peer || !results.floor) {
    for (const [name, r] of Object.entries(results)) console.log(`${methods[name].label}: ${((r.ms * 1000) / files.length).toFixed(1)} µs/file`);
    return;
  }
  const broken = files.map((f) => f.kind !== 'valid');
  const brokenCount = broken.filter(Boolean).length;
  const width = Math.max(...Object.keys(results).map((n) => methods[n].label.length));
  const columns = ['method'.padEnd(width), 'ms/1000 files', 'µs/file', '(min)', 'findings', 'flagged: broken', 'valid'];
  console.log(`\n${columns.join('  ')}`);
  for (const [name, result] of Object.entries(results)) {
    const flagged = (wantBroken) => result.counts.filter((n, i) => n > 0 && broken[i] === wantBroken).length;
    const perFile = (ms) => (ms * 1000) / files.length;
    console.log([
      methods[name].label.padEnd(width),
      perFile(result.ms).toFixed(1).padStart(13), // per 1,000 files in ms = per file in µs when there are 1,000
      perFile(result.ms).toFixed(1).padStart(7),
      perFile(result.min).toFixed(1).padStart(5),
      String(result.counts.reduce((a, b) => a + b, 0)).padStart(8),
      `${flagged(true)} of ${brokenCount}`.padStart(15),
      `${flagged(false)} of ${files.length - brokenCount}`.padStart(5),
    ].join('  '));
  }
  const vsPeer = results.ours.ms / results.peer.ms;
  const vsFloor = results.ours.ms / results.floor.ms;
  const verdict = (ratio, target) => (ratio <= target ? `met (target ≤ ${target}×)` : `MISSED (target ≤ ${target}×)`);
  console.log(`\nours / peer  = ${vsPeer.toFixed(2)}×  ${verdict(vsPeer, TARGET.peer)}`);
  console.log(`ours / floor = ${vsFloor.toFixed(2)}×  ${verdict(vsFloor, TARGET.floor)}`);
  console.log(`per-file part alone: ${(results.oursPerFile.ms / results.peer.ms).toFixed(2)}× the peer, ${(results.oursPerFile.ms / results.floor.ms).toFixed(2)}× the floor`);
  console.log('\nFindings are not one unit: the floor counts ajv\'s raw errors (if/anyOf noise included) and a parse failure as one;');
  console.log('the peer and we report one diagnostic per problem, and our full lint adds the rules (segments, names, descriptions…).');
  console.log('"flagged" counts files with at least one finding: every method should flag the broken files and no valid one');
  console.log('(the floor cannot see duplicate keys: JSON.parse keeps the last one).');
}

console.log(`bench:lint on Node ${process.version}: ${describeInput()}`);
if (liveWorkspace) console.log(`live heap: a workspace of ${LIVE_HEAP} actions held (heap used ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB)`);
console.log(`${WARM_UP_ROUNDS} warm-up rounds, then ${ROUNDS} rounds alternating the methods; medians${globalThis.gc ? ', GC between runs' : ''}.`);
report(await measure());
