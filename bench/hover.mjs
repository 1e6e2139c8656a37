#!/usr/bin/env node
// `npm run bench:hover`: hover latency on a header, end to end through the bundled language server (dist/server.js
// --stdio) over the real protocol, in generated workspaces of 1,000 and 10,000 valid actions (issue 4: "hover
// latency on a header in a 10,000-action workspace (median)").
//
// For each size it writes a temp workspace (the actions in service folders, and an opencx.config.json with global
// variables, context headers, contacts with headers and environments), starts the server on it, waits for the first
// index (`opencx/status` with `indexing: false`) and for the diagnostics of every file to be published, opens one
// action and waits for its own diagnostics, then sends hovers one at a time and times each round trip:
//   - on a header name that a global variable shadows (the provenance hover: every layer behind the header),
//   - on the `headers` key (the overview of every header sent),
//   - on the `name` key, which is no provenance target and falls through to vscode-json-languageservice's schema
//     hover: the peer that says what any hover costs in this server.
// The three kinds are interleaved, after a warm-up, so that noise on a shared machine hits them alike.
// Prints the median and p95 of each, the header/schema ratio, the index time the server reported
// (lastFullCheckMs), the wall time to that status, and the server's resident memory (RSS) after the hovers.
//
// BENCH_SIZES (comma-separated, default 1000,10000) and BENCH_HOVERS (per kind, default 300) override the defaults.
// BENCH_CPU_PROF=<dir> starts the server with `node --cpu-prof --cpu-prof-dir=<dir>` and, after it exits, prints
// the functions that took the most time while the hovers were measured.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seededRandom } from './generateActions.mjs';
import { generateOverlapWorkspace } from './generateOverlapActions.mjs';

const require = createRequire(import.meta.url);
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  HoverRequest,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
} = require('vscode-languageserver-protocol/node');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_JS = path.join(root, 'dist/server.js');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const HOVERS = Number(process.env.BENCH_HOVERS ?? 300);
const WARMUP = 30;
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
/** Publications stop for this long: the server has published the first index and is idle. */
const QUIET_MS = 1_000;
const INDEX_DEADLINE_MS = 300_000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------- the workspace

const VERSIONS = ['2023-10-01', '2024-04-01', '2024-09-01'];
const PATHS = { GET: 'lookup', POST: 'requests', PATCH: 'records', DELETE: 'records' };

/**
 * One valid action from a generated name and description (bench/generateOverlapActions.mjs): an https endpoint,
 * a path parameter for its placeholder, and the headers real actions carry: Accept, an API version, a magic contact
 * field, and sometimes a header the config also sets (X-Region, a global variable; X-Tier, a contact header), so
 * that provenance has layers to explain.
 */
function actionOf(entry, i, random, names) {
  const headers = { Accept: 'application/json', 'X-Api-Version': VERSIONS[i % VERSIONS.length] };
  if (random() < 0.5) headers['X-Contact-Email'] = { magic: 'contact.email' };
  if (random() < 0.3) headers['X-Region'] = 'us';
  if (random() < 0.2) headers['X-Tier'] = 'standard';
  if (random() < 0.2) headers.Authorization = 'Bearer ${secret:SERVICE_TOKEN}';
  // The generator's segment variants repeat a name; their authors would say which segment each one is for.
  let name = entry.name;
  if (names.has(name)) name = `${entry.name} (${entry.restrictedToSegments[0] ?? 'variant'})`;
  if (names.has(name)) name = `${entry.name} (variant ${i})`;
  names.add(name);
  const action = {
    name,
    description: entry.description,
    method: entry.method,
    endpoint: `https://api-${i % 40}.example.com/v1/${PATHS[entry.method] ?? 'records'}/{record_id}`,
    headers,
    parameters: [{ name: 'record_id', in: 'path', description: 'The reference the customer gives, e.g. R-1042', required: true, schema: { type: 'string' } }],
    ...(entry.method === 'POST' || entry.method === 'PATCH'
      ? { body: { type: 'object', properties: { note: { type: 'string', description: 'What the customer asked for, in their words' } }, required: ['note'] } }
      : {}),
    // Every action says who gets it (most: every customer), as a workspace without missing-segment-rule errors does.
    restrictedToSegments: entry.restrictedToSegments.length ? entry.restrictedToSegments : ['customers'],
    channels: entry.channels,
  };
  return `${JSON.stringify(action, null, 2)}\n`;
}

function configOf(segments) {
  return `${JSON.stringify(
    {
      globalVariables: { Authorization: 'Bearer ${secret:API_TOKEN}', 'X-Region': 'eu' },
      contextHeaders: { enabled: true, orgId: '3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71' },
      segments,
      contacts: {
        'jane-vip': { segments: segments.slice(0, 2), externalId: 'cus_1001', headers: { 'X-Tier': 'gold', 'X-Locale': 'en-GB' } },
        'bob-customer': { segments: segments.slice(0, 1), externalId: 'cus_2002' },
        'anonymous-visitor': { segments: [] },
      },
      environments: { staging: { globalVariables: { 'X-Region': 'eu-staging' } }, production: {} },
      defaultEnvironment: 'staging',
      defaultContact: 'jane-vip',
    },
    null,
    2,
  )}\n`;
}

/** Writes `size` actions in folders of 25 (one per service) and the config; returns the folder and the actions. */
function writeWorkspace(size) {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-bench-hover-')));
  const random = seededRandom(size);
  const entries = generateOverlapWorkspace(size);
  const segments = ['customers', ...[...new Set(entries.flatMap(([, e]) => e.restrictedToSegments))].sort()];
  const names = new Set();
  fs.writeFileSync(path.join(folder, 'opencx.config.json'), configOf(segments));
  const files = [];
  entries.forEach(([, entry], i) => {
    const relative = path.join(`service-${String(i % Math.ceil(size / 25)).padStart(3, '0')}`, `action-${String(i).padStart(5, '0')}.action.json`);
    const text = actionOf(entry, i, random, names);
    fs.mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
    fs.writeFileSync(path.join(folder, relative), text);
    files.push({ file: path.join(folder, relative), text });
  });
  return { folder, files };
}

// --------------------------------------------------------------------------------------------- the protocol

/** The position of the character `delta` after the start of `needle`'s first occurrence in `text`. */
function positionIn(text, needle, delta) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in the text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function rssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return NaN; // not Linux
  }
}

async function startServer(folder) {
  const flags = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...flags, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const state = { statuses: [], lastPublication: 0, publications: new Map(), waiters: new Set() };
  const wake = () => state.waiters.forEach((w) => w());
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    state.lastPublication = performance.now();
    state.publications.set(params.uri, params);
    wake();
  });
  connection.onNotification('opencx/status', (params) => {
    state.statuses.push({ at: performance.now(), ...params });
    wake();
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const until = (predicate, deadlineMs, what) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const value = predicate();
        if (value === undefined) return;
        state.waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        state.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, deadlineMs);
      state.waiters.add(check);
      check();
    });
  const uri = pathToFileURL(folder).href;
  const started = performance.now();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: 'opencx-bench-hover', version: '1' },
    rootUri: uri,
    workspaceFolders: [{ uri, name: path.basename(folder) }],
    capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return { child, connection, state, until, started, exited };
}

async function stopServer(server) {
  await server.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
  await server.connection.sendNotification(ExitNotification.type).catch(() => undefined);
  await Promise.race([server.exited, sleep(10_000).then(() => server.child.kill())]);
  server.connection.dispose();
}

/** Waits until no diagnostics were published for QUIET_MS. */
async function quiet(server) {
  const deadline = performance.now() + INDEX_DEADLINE_MS;
  while (performance.now() - Math.max(server.state.lastPublication, server.state.quietFrom ?? 0) < QUIET_MS) {
    if (performance.now() > deadline) throw new Error('the server never stopped publishing');
    await sleep(100);
  }
}

async function measure(size) {
  const { folder, files } = writeWorkspace(size);
  const server = await startServer(folder);
  try {
    const status = await server.until(() => server.state.statuses.find((s) => !s.indexing && s.actions >= size), INDEX_DEADLINE_MS, 'the first index');
    const indexWallMs = status.at - server.started;
    server.state.quietFrom = performance.now();
    await quiet(server);
    const published = server.state.publications.size;
    const codes = new Map();
    for (const { diagnostics } of server.state.publications.values()) for (const d of diagnostics) codes.set(`${d.code}`, (codes.get(`${d.code}`) ?? 0) + 1);
    const rssIndexed = rssMb(server.child.pid);

    // An action with a header the config's global variable shadows (X-Region), in the middle of the workspace.
    const target = files.find((f, i) => i >= files.length / 2 && f.text.includes('"X-Region"') && f.text.includes('"X-Contact-Email"'));
    const uri = pathToFileURL(target.file).href;
    const openedAt = performance.now();
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'opencx-action', version: 1, text: target.text } });
    await server.until(() => (server.state.lastPublication > openedAt && server.state.publications.has(uri) ? true : undefined), 30_000, 'the opened action\'s diagnostics');
    server.state.quietFrom = performance.now();
    await quiet(server);

    const kinds = {
      header: positionIn(target.text, '"X-Region"', 3),
      headers: positionIn(target.text, '"headers"', 3),
      schema: positionIn(target.text, '"name"', 3),
    };
    const times = { header: [], headers: [], schema: [] };
    const samples = {};
    const hoverPhaseStart = performance.now();
    for (let i = 0; i < WARMUP + HOVERS; i++) {
      for (const [kind, position] of Object.entries(kinds)) {
        const t0 = performance.now();
        const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        const ms = performance.now() - t0;
        if (!hover) throw new Error(`no hover for ${kind}`);
        samples[kind] ??= typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
        if (i >= WARMUP) times[kind].push(ms);
      }
    }
    const hoverPhaseMs = performance.now() - hoverPhaseStart;
    const rss = rssMb(server.child.pid);
    return { size, status, codes, lastFullCheckMs: status.lastFullCheckMs, indexWallMs, published, rssIndexed, rss, times, samples, hoverPhaseMs, target: path.relative(folder, target.file) };
  } finally {
    await stopServer(server);
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Self time per function in the samples of the last `windowMs` before the profile ended (the hovers). */
function profileSummary(file, windowMs) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  const from = profile.endTime - windowMs * 1000;
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (times[i] < from) return;
    const frame = nodes.get(id).callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + 1);
    total++;
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([key, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${key}`);
}

if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build first`);
if (CPU_PROF_DIR) fs.mkdirSync(CPU_PROF_DIR, { recursive: true });
const results = [];
for (const size of SIZES) {
  const before = CPU_PROF_DIR ? new Set(fs.readdirSync(CPU_PROF_DIR)) : undefined;
  const r = await measure(size);
  results.push(r);
  const ms = (x) => `${x.toFixed(2).padStart(6)} ms`;
  console.log(`\n${size} actions (hovers on ${r.target}; ${HOVERS} of each kind after ${WARMUP} warm-up rounds)`);
  console.log(`  index: lastFullCheckMs ${r.lastFullCheckMs} ms (server), ${r.indexWallMs.toFixed(0)} ms from initialized to the status (client); ${r.published} files published`);
  console.log(`  findings: ${r.status.errors} errors, ${r.status.warnings} warnings, ${r.status.infos} infos in ${r.status.actions} actions and ${r.status.configs} config`);
  console.log(`    by code: ${[...r.codes].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ')}`);
  console.log(`  RSS: ${r.rssIndexed.toFixed(0)} MB after the index, ${r.rss.toFixed(0)} MB after the hovers`);
  console.log('  hover                       median      p95');
  for (const [kind, label] of [['header', 'header name (X-Region)'], ['headers', '"headers" key (overview)'], ['schema', '"name" key (schema hover)']]) {
    console.log(`  ${label.padEnd(26)} ${ms(median(r.times[kind]))} ${ms(p95(r.times[kind]))}`);
  }
  console.log(`  header / schema hover: ×${(median(r.times.header) / median(r.times.schema)).toFixed(2)} (median); overview / schema: ×${(median(r.times.headers) / median(r.times.schema)).toFixed(2)}`);
  if (process.env.BENCH_SHOW_HOVER) console.log(`\n${r.samples.header}\n`);
  if (CPU_PROF_DIR) {
    const file = fs.readdirSync(CPU_PROF_DIR).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
    if (file) {
      console.log(`  profile: ${path.join(CPU_PROF_DIR, file)}; self time in the last ${r.hoverPhaseMs.toFixed(0)} ms (the hovers, then shutdown):`);
      for (const line of profileSummary(path.join(CPU_PROF_DIR, file), r.hoverPhaseMs)) console.log(`    ${line}`);
    }
  }
}
if (results.length > 1) {
  const [small, large] = [results[0], results[results.length - 1]];
  console.log(`\n${small.size} → ${large.size} actions: header hover median ×${(median(large.times.header) / median(small.times.header)).toFixed(2)}, schema hover median ×${(median(large.times.schema) / median(small.times.schema)).toFixed(2)}`);
}
