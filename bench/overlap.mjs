#!/usr/bin/env node
// `npm run bench:overlap`: the description-overlap index on generated workspaces of 1,000, 5,000 and 10,000
// actions. For each size it prints the cold index time (index every action, score every pair, describe every
// reportable pair), the median one-edit re-check (change one action's description: upsert, then the findings of
// that action and of every action whose results changed, with their messages) and the heap the index holds.
// The edits of all sizes take turns (see below), so a noisy machine does not favour one size.
// Targets: one-edit re-check ≤ 15 ms median at 10,000; doubling the workspace costs ≤ 1.3× the re-check time;
// cold index of 10,000 ≤ 2 s. BENCH_SIZES (comma-separated) and BENCH_EDITS override the defaults; run with
// `node --expose-gc` (the npm script does) for heap figures without garbage.
// The default workspaces get denser as they grow (see generateOverlapWorkspace): more overlaps per action, so more
// files to re-check per edit, whatever the index does. BENCH_DENSITY=fixed keeps overlaps per action about
// constant, to measure the index's own scaling; the "overlaps/action" column shows which one a run measured.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './generateActions.mjs';
import { editedEntry, generateOverlapWorkspace } from './generateOverlapActions.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { OverlapIndex, overlapMessage } = require(path.join(root, 'out/bench/engine.js'));

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);
const EDITS = Number(process.env.BENCH_EDITS ?? 1000);
const DENSITY = process.env.BENCH_DENSITY ?? 'growing';
const TARGET = { recheckMs: 15, doublingRatio: 1.3, coldMs: 2000, coldAt: 10000 };

const gc = () => globalThis.gc?.();
const heapUsed = () => (gc(), process.memoryUsage().heapUsed);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * What the server does after one edit: upsert (re-score the action, get the files whose results changed), then the
 * findings, with their messages, of the edited file and of every affected file. Returns both times.
 */
function recheck(index, id, entry) {
  const t0 = performance.now();
  const affected = index.upsert(id, entry);
  const t1 = performance.now();
  let messages = 0;
  for (const file of [id, ...affected]) for (const overlap of index.overlapsOf(file)) messages += overlapMessage(overlap).length > 0 ? 1 : 0;
  return { affected: affected.length, messages, upsertMs: t1 - t0, totalMs: performance.now() - t0 };
}

/** Indexes one workspace cold (every action, every pair, every reportable pair described). */
function build(size) {
  const workspace = generateOverlapWorkspace(size, undefined, { density: DENSITY });
  const before = heapUsed();
  const t0 = performance.now();
  const index = new OverlapIndex();
  index.upsertAll(workspace);
  const pairs = index.allPairs();
  const coldMs = performance.now() - t0;
  const heapMb = (heapUsed() - before) / 1024 / 1024;
  const flagged = new Set(pairs.flatMap((p) => [p.id, p.otherId])).size;
  return { size, workspace, index, random: seededRandom(size), times: [], upsertTimes: [], affected: 0, coldMs, heapMb, pairs: pairs.length, flagged };
}

// Every workspace is indexed first; then the edits take turns (one on each size, and again), so that the load of a
// shared machine weighs on every size alike and the doubling ratio compares like with like.
const states = SIZES.map(build);
for (let i = 0; i < EDITS; i++) {
  for (const state of states) {
    const [id, entry] = state.workspace[Math.floor(state.random() * state.workspace.length)];
    const result = recheck(state.index, id, editedEntry(entry, state.random));
    state.affected += result.affected;
    state.times.push(result.totalMs);
    state.upsertTimes.push(result.upsertMs);
  }
}
const results = states.map((s) => ({
  size: s.size,
  coldMs: s.coldMs,
  recheckMs: median(s.times),
  upsertMs: median(s.upsertTimes),
  p95Ms: [...s.times].sort((a, b) => a - b)[Math.floor(s.times.length * 0.95)],
  heapMb: s.heapMb,
  pairs: s.pairs,
  flagged: s.flagged,
  meanAffected: s.affected / EDITS,
}));
console.log(`density: ${DENSITY}`);
console.log('actions  cold index   re-check median  (upsert alone)  re-check p95  heap    pairs  overlaps/action  actions flagged  affected/edit');
for (const r of results) {
  console.log(
    `${String(r.size).padStart(7)}  ${r.coldMs.toFixed(0).padStart(7)} ms  ${r.recheckMs.toFixed(2).padStart(12)} ms  ${r.upsertMs.toFixed(2).padStart(11)} ms  ${r.p95Ms.toFixed(2).padStart(9)} ms  ${r.heapMb.toFixed(1).padStart(5)} MB  ${String(r.pairs).padStart(5)}  ${((2 * r.pairs) / r.size).toFixed(2).padStart(15)}  ${String(r.flagged).padStart(15)}  ${r.meanAffected.toFixed(1).padStart(13)}`,
  );
}

let failed = false;
const check = (ok, text) => {
  console.log(`${ok ? 'ok  ' : 'MISS'} ${text}`);
  failed ||= !ok;
};
const largest = results.find((r) => r.size === TARGET.coldAt);
if (largest) {
  check(largest.recheckMs <= TARGET.recheckMs, `one-edit re-check at ${largest.size}: ${largest.recheckMs.toFixed(2)} ms (target ≤ ${TARGET.recheckMs} ms)`);
  check(largest.coldMs <= TARGET.coldMs, `cold index at ${largest.size}: ${largest.coldMs.toFixed(0)} ms (target ≤ ${TARGET.coldMs} ms)`);
  const half = results.find((r) => r.size === largest.size / 2);
  if (half) {
    const ratio = largest.recheckMs / half.recheckMs;
    check(ratio <= TARGET.doublingRatio, `re-check ${half.size} → ${largest.size}: ×${ratio.toFixed(2)} (target ≤ ×${TARGET.doublingRatio})`);
    // The upsert alone: the index's own cost, without the findings of files whose number grows with overlap density.
    const upsertRatio = largest.upsertMs / half.upsertMs;
    console.log(`     upsert alone ${half.size} → ${largest.size}: ×${upsertRatio.toFixed(2)}`);
  }
}
process.exitCode = failed ? 1 : 0;
