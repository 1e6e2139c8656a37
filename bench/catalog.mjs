#!/usr/bin/env node
// `npm run bench:catalog`: the time to build "what the AI is offered" at 10,000 actions (BENCH_FILES overrides),
// and the token counts of the examples' catalogs per contact and channel.
//
// Steps measured separately, in one process, median of BENCH_ROUNDS after warm-up:
//   read      lintDocument + actionModelOf for every file (what the CLI does once; the server has it indexed)
//   floor     JSON.parse of the same texts: the least any reader could do
//   catalog   buildCatalog for one contact on one channel (segments, channels, parameters, function names)
//   coverage  buildCoverage for 9 contacts + (anonymous)
//   tokens    catalogTokens: the tokenizer over the compact tools JSON, and per tool
// Then the bundled CLI end to end: `opencx-actions tools DIR --format json` on the files written to a temp folder.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateActions } from './generateActions.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const engine = require(path.join(root, 'out/bench/engine.js'));

const FILE_COUNT = Number(process.env.BENCH_FILES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SEGMENTS = ['customers', 'vip', 'staff', 'trial'];
const CONFIG = engine.configModelOf({
  segments: SEGMENTS,
  contacts: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`contact-${i}`, { segments: SEGMENTS.filter((_, j) => (i >> j) & 1), externalId: `c${i}` }])),
});
const ORG = { file: 'opencx.config.json', config: CONFIG, raw: {} };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (n) => `${n.toFixed(1)} ms`;

async function time(fn) {
  const samples = [];
  let result;
  for (let i = 0; i < ROUNDS + 2; i++) {
    const start = performance.now();
    result = await fn();
    if (i >= 2) samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

const files = generateActions(FILE_COUNT);
const readEntries = () => files.map((file) => {
  const { document, findings } = engine.lintDocument({ kind: 'action', text: file.text });
  return { file: file.name, action: document.wellFormed ? engine.actionModelOf(document.value) : undefined, invalid: findings.some((f) => f.severity === 'error') };
});
const floor = await time(() => files.map((f) => { try { return JSON.parse(f.text); } catch { return undefined; } }));
const read = await time(readEntries);
const entries = read.result;
const who = engine.catalogContact(ORG, undefined, 'contact-3');
if (!who.ok) throw new Error(who.error.message);
const catalog = await time(() => engine.buildCatalog(entries, who.value, 'widget'));
const contacts = engine.coverageContacts(ORG, undefined);
const coverage = await time(() => engine.buildCoverage(entries, contacts.value.contacts, contacts.value.segments, 'widget'));
const tokens = await time(() => engine.catalogTokens(catalog.result.tools));

console.log(`catalog at ${FILE_COUNT} actions (${entries.filter((e) => !e.invalid).length} valid), median of ${ROUNDS}:`);
console.log(`  read (lint + model)   ${ms(read.ms)}   floor JSON.parse ${ms(floor.ms)}  (${(read.ms / floor.ms).toFixed(1)}× the floor)`);
console.log(`  buildCatalog          ${ms(catalog.ms)}   ${catalog.result.tools.length} tools, ${catalog.result.hidden.length} hidden`);
console.log(`  buildCoverage         ${ms(coverage.ms)}   ${contacts.value.contacts.length} contacts × ${entries.length} actions`);
console.log(`  catalogTokens         ${ms(tokens.ms)}   ${tokens.result.tokens} tokens`);

// The CLI end to end, as a user runs it: files on disk, one process.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-bench-catalog-'));
try {
  fs.writeFileSync(path.join(dir, 'opencx.config.json'), JSON.stringify({ segments: SEGMENTS, contacts: { 'contact-3': { segments: ['customers', 'vip'], externalId: 'c3' } } }));
  fs.mkdirSync(path.join(dir, 'actions'));
  for (const file of files) fs.writeFileSync(path.join(dir, 'actions', file.name), file.text);
  const start = performance.now();
  const run = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'tools', dir, '--contact', 'contact-3', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - start;
  const out = JSON.parse(run.stdout);
  console.log(`  CLI tools (wall)      ${ms(wall)}   exit ${run.status}, ${out.tools.length} tools, ${out.tokens} tokens`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

// The examples' catalogs: tokens per contact and channel, from the bundled CLI (what a user sees).
console.log('\nexamples/: tokens of the tool list per contact and channel');
for (const channel of ['widget', 'email']) {
  for (const contact of ['anonymous-visitor', 'jane-vip', 'bob-customer']) {
    const run = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'tools', path.join(root, 'examples'), '--contact', contact, '--channel', channel, '--format', 'json'], { encoding: 'utf8' });
    const out = JSON.parse(run.stdout);
    console.log(`  ${channel.padEnd(7)} ${contact.padEnd(18)} ${String(out.tools.length).padStart(2)} tools  ${String(out.tokens).padStart(4)} tokens  (${out.tools.map((t) => t.function).join(', ') || 'none'})`);
  }
}
