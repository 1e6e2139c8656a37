#!/usr/bin/env node
// `npm test`: type-checks, then runs every test layer and ends with one line `N passed, N failed, N skipped`.
//   1. unit      engine tests (node:test)                      out/test/unit
//   2. protocol  the bundled server over stdio (node:test)     out/test/protocol
//   3. cli       the bundled CLI (node:test)                   out/test/cli
//   3b. webview  the run page in headless Chromium (axe-core)   out/test/webview
//   4. neovim    headless Neovim 0.7 + the README's config     out/test/neovim
//   5. package   the .vsix of `npm run package` (node:test)    out/test/package
//   6. e2e       the mocha suite in a real VS Code, once per version in E2E_VSCODE_VERSIONS (default 1.100.3)
// `npm pretest` has already installed system packages, built the bundles and installed code-server.
// LAYERS=unit,cli limits the run to some layers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const only = process.env.LAYERS ? new Set(process.env.LAYERS.split(',')) : undefined;
const wanted = (layer) => !only || only.has(layer);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-test-'));
const totals = [];

function step(title) {
  console.log(`\n=== ${title} ===`);
}

step('typecheck (tsc --noEmit)');
// Node code and the webview page (DOM types) are two TypeScript projects.
const typecheckFailed = ['.', 'client/webview'].some((project) =>
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], { stdio: 'inherit' }).status !== 0);
// A type error is not a test, but it fails the run.
if (typecheckFailed) totals.push({ layer: 'typecheck', passed: 0, failed: 1 });

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f));
}

for (const layer of ['unit', 'protocol', 'cli', 'webview', 'neovim', 'package']) {
  if (!wanted(layer)) continue;
  step(`${layer} tests`);
  const files = testFiles(`out/test/${layer}`);
  if (!files.length) {
    console.log('(no test files)');
    totals.push({ layer, passed: 0, failed: 1, note: 'no test files' });
    continue;
  }
  const summary = path.join(tmp, `${layer}.json`);
  const run = spawnSync(process.execPath, [
    '--enable-source-maps', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(root, 'scripts/count-reporter.mjs')}`, `--test-reporter-destination=${summary}`,
    ...files,
  ], { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
  const counts = fs.existsSync(summary) ? JSON.parse(fs.readFileSync(summary, 'utf8') || '{}') : {};
  const failed = (counts.failed ?? 0) + (run.status !== 0 && !counts.failed ? 1 : 0);
  totals.push({ layer, passed: counts.passed ?? 0, failed, skipped: counts.skipped ?? 0 });
}

/** One run of the e2e harness; returns its counts (a harness failure counts as one failed test). */
function runE2E(label, env) {
  step(label);
  const summary = path.join(tmp, `e2e-${totals.length}.json`);
  const run = spawnSync(process.execPath, ['scripts/run-vscode-tests.mjs'], { stdio: 'inherit', env: { ...process.env, ...env, E2E_SUMMARY_OUT: summary } });
  const counts = fs.existsSync(summary) ? JSON.parse(fs.readFileSync(summary, 'utf8')) : { passed: 0, failed: 0 };
  return { passed: counts.passed, failed: counts.failed + (run.status !== 0 && !counts.failed ? 1 : 0), skipped: counts.skipped ?? 0 };
}

if (wanted('e2e')) {
  for (const version of (process.env.E2E_VSCODE_VERSIONS || '1.100.3').split(',').map((v) => v.trim()).filter(Boolean)) {
    totals.push({ layer: `e2e ${version}`, ...runE2E(`e2e tests in VS Code ${version}`, { VSCODE_VERSION: version }) });
    // Workspace Trust: the same suite in a folder that opens in Restricted Mode; only the tests about it run.
    totals.push({
      layer: `e2e ${version} restricted`,
      ...runE2E(`e2e tests in VS Code ${version}, Restricted Mode`, { VSCODE_VERSION: version, E2E_WORKSPACE_TRUST: '1', E2E_GREP: 'Restricted Mode' }),
    });
  }
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log('\n=== summary ===');
const line = ({ passed, failed, skipped = 0 }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;
for (const t of totals) console.log(`${t.layer.padEnd(16)} ${line(t)}${t.note ? ` (${t.note})` : ''}`);
const sum = (key) => totals.reduce((n, t) => n + (t[key] ?? 0), 0);
const failed = sum('failed');
console.log(line({ passed: sum('passed'), failed, skipped: sum('skipped') }));
process.exitCode = failed ? 1 : 0;
