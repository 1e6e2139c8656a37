#!/usr/bin/env node
// `npm run bench:startup`: start-up costs, each against a peer measured in the same run, the two alternating.
//   1. CLI start-up on one file: `node dist/cli.js lint <file>` against bench/peerCli.mjs (node + ajv compiling the
//      action schema + JSON.parse + validate): wall time and CPU time (user + system) of the child, medians.
//      Target (issue 15): ≤ 1.5× the peer.
//   2. Client bundle load: require('dist/client.js') with a stub `vscode` module, against
//      require('vscode-languageclient/node') alone, each in a fresh node process, timed inside it. Target ≤ 1.1×.
//   3. Which bundles `lint` loads: the CLI's lint run must not read dist/tokenizer.js, dist/runner.js, undici or openai.
// BENCH_ROUNDS (default 15) overrides the rounds. The .vsix size is bench/vsix.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { build } from 'esbuild';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateActions } from './generateActions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const TARGET = { cli: 1.5, client: 1.1 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU time (user + system) of this process's waited-for children so far, in ms (Linux /proc), NaN elsewhere. */
function childrenCpuMs() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": field 3 is index 0, so cutime (16) and cstime (17) are at 13 and 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

function timeChild(args, env = {}) {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  const wallMs = performance.now() - t0;
  if (run.error) throw run.error;
  return { wallMs, cpuMs: childrenCpuMs() - cpu0, stdout: run.stdout, stderr: run.stderr, status: run.status };
}

/** Runs the named commands ROUNDS times in turn (after one warm-up of each, for the file cache); medians. */
function alternate(commands) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, { wall: [], cpu: [], out: undefined }]));
  for (const command of Object.values(commands)) command();
  for (let round = 0; round < ROUNDS; round++) {
    const names = Object.keys(commands);
    for (const name of round % 2 ? names.reverse() : names) {
      const r = commands[name]();
      samples[name].wall.push(r.wallMs);
      samples[name].cpu.push(r.cpuMs);
      samples[name].out = r;
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, { wall: median(s.wall), cpu: median(s.cpu), last: s.out }]));
}

// --------------------------------------------------------------------------------------------- 1. CLI start-up
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-bench-startup-'));
const file = path.join(folder, 'lookup-order.action.json');
fs.writeFileSync(file, generateActions(40).find((f) => f.kind === 'valid').text);
const cli = alternate({
  ours: () => timeChild([path.join(root, 'dist/cli.js'), 'lint', file]),
  peer: () => timeChild([path.join(root, 'bench/peerCli.mjs'), file]),
});

// ------------------------------------------------------------------------------------ 2. client bundle load
/** A child that stubs `vscode` (any property, call or construction gives the stub again) and times one require. */
const LOADER = `
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
// TypeScript's __importStar returns an ES-module-flagged module as it is; esbuild's interop copies the module's own properties onto an object whose prototype is the module's: the stub
// is its own prototype, so every property read through the copy reaches the stub too.
const stub = new Proxy(function () {}, { get: (t, p) => (p === '__esModule' ? true : p === Symbol.toPrimitive ? () => '' : stub), getPrototypeOf: () => stub, apply: () => stub, construct: () => stub });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const t0 = performance.now();
require(process.argv[1]);
process.stdout.write(String(performance.now() - t0));
`;
const loadTime = (target) => () => {
  const r = timeChild(['-e', LOADER, target]);
  if (r.status !== 0) throw new Error(`loading ${target} failed: ${r.stderr}`);
  return { ...r, wallMs: Number(r.stdout) };
};
// The peer is the library bundled the way ours is (one file, esbuild, same options): from node_modules it would
// pay for reading ~100 small files, which no packaged extension does.
const PEER_BUNDLE = path.join(root, 'out/bench/languageclient.js');
await build({
  stdin: { contents: "module.exports = require('vscode-languageclient/node');", resolveDir: root, loader: 'js' },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], mainFields: ['module', 'main'],
  outfile: PEER_BUNDLE, logLevel: 'warning',
});
const client = alternate({
  ours: loadTime(path.join(root, 'dist/client.js')),
  peer: loadTime(PEER_BUNDLE),
});

// ------------------------------------------------------------------------------------ 3. what `lint` loads
const TRACE = `
const Module = require('node:module');
const loaded = new Set();
const load = Module._load;
Module._load = function (request, parent, ...rest) { loaded.add(request); return load.call(this, request, parent, ...rest); };
process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify([...loaded])));
process.argv.splice(1, 1);
require(process.argv[1]);
`;
const traced = timeChild(['-e', TRACE, 'x', path.join(root, 'dist/cli.js'), 'lint', file]);
const loaded = JSON.parse(traced.stderr.split('\nLOADED ').pop());
// What the CLI bundle itself holds: undici, openai and the tokenizer belong in chunks loaded by `run` and `route`.
const MARKERS = { undici: 'undici.globalDispatcher.1', openai: 'X-Stainless-Arch', tokenizer: 'o200k_base' };
const cliText = fs.readFileSync(path.join(root, 'dist/cli.js'), 'utf8');
const heavy = [
  ...loaded.filter((m) => /tokenizer|runner|undici|openai|chunk/.test(m)),
  ...Object.entries(MARKERS).filter(([, marker]) => cliText.includes(marker)).map(([name]) => `${name} (inside dist/cli.js)`),
];
fs.rmSync(folder, { recursive: true, force: true });

// ------------------------------------------------------------------------------------------------ report
const verdict = (ratio, target) => `${ratio.toFixed(2)}× ${ratio <= target ? 'met' : 'MISSED'} (target ≤ ${target}×)`;
console.log(`bench:startup on Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; medians of ${ROUNDS} alternating rounds`);
console.log(`CLI lint of one file   ours ${cli.ours.wall.toFixed(0)} ms wall, ${cli.ours.cpu.toFixed(0)} ms CPU (exit ${cli.ours.last.status}); peer ${cli.peer.wall.toFixed(0)} ms wall, ${cli.peer.cpu.toFixed(0)} ms CPU`);
console.log(`  wall ${verdict(cli.ours.wall / cli.peer.wall, TARGET.cli)}; CPU ${(cli.ours.cpu / cli.peer.cpu).toFixed(2)}×`);
console.log(`client bundle load     ours ${client.ours.wall.toFixed(1)} ms; vscode-languageclient/node alone ${client.peer.wall.toFixed(1)} ms`);
console.log(`  ${verdict(client.ours.wall / client.peer.wall, TARGET.client)}`);
console.log(`CLI bundle ${(cliText.length / 1024).toFixed(0)} KB; lint loads ${loaded.filter((m) => m.startsWith('.') || m.startsWith('/')).join(', ')}; ${heavy.length ? `HEAVY: ${heavy.join(', ')}` : 'no tokenizer, undici or openai'}`);
