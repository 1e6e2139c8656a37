#!/usr/bin/env node
// `npm run bench:server`: cold index and memory of the real language server (dist/server.js --stdio) on generated
// workspaces of 1,000, 5,000, 10,000 and 20,000 actions, against a peer measured in the same run: a schema-only
// language server on vscode-json-languageservice (bench/peerServer.mjs) doing the same protocol work (list, read,
// validate and publish every file). For each size and server:
//   - cold index: from the spawn to the last publishDiagnostics of the first index (every file published, then
//     one quiet second);
//   - RSS: the server's resident memory right after that;
// and, at BENCH_EDIT_SIZE (default 10,000), one open action edited again and again: the time from didChange to
// its new diagnostics, minus the server's debounce (ours waits 150 ms for typing to pause; the peer does not
// wait), with 400 ms between edits (each checked alone) and in bursts 60 ms apart (the last edit of the burst is
// timed). The two servers take turns (ours first on even sizes), so a busy machine weighs on both alike.
// Targets (issue 15): cold index ≤ 1.5× the peer; RSS ≤ 150 MB at 10,000; one edit ≤ 10 ms median above the
// debounce. BENCH_SIZES, BENCH_EDIT_SIZE and BENCH_EDITS override the defaults.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateActions } from './generateActions.mjs';
import { lastPublication, median, rssMb, sleep, startLanguageServer, stopLanguageServer } from './lib/lspClient.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVERS = {
  // Ours waits 150 ms for typing to pause (workspaceSync.ts), then 50 ms to publish changed files together (publisher.ts).
  ours: { script: path.join(root, 'dist/server.js'), debounceMs: 200, languageId: 'opencx-action' },
  peer: { script: path.join(root, 'bench/peerServer.mjs'), debounceMs: 0, languageId: 'json' },
};
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,10000,20000').split(',').map(Number);
const EDIT_SIZE = Number(process.env.BENCH_EDIT_SIZE ?? 10000);
const EDITS = Number(process.env.BENCH_EDITS ?? 25);
const TARGET = { coldRatio: 1.5, rssMb: 150, rssAt: 10000, editMs: 10 };

/** Writes `size` generated actions in folders of 25 and a config listing their segments; returns the files. */
function writeWorkspace(size) {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-bench-server-')));
  const files = generateActions(size).map((file, i) => {
    const relative = path.join(`service-${String(Math.floor(i / 25)).padStart(4, '0')}`, file.name);
    fs.mkdirSync(path.join(folder, path.dirname(relative)), { recursive: true });
    fs.writeFileSync(path.join(folder, relative), file.text);
    return { ...file, uri: pathToFileURL(path.join(folder, relative)).href };
  });
  const segments = new Set(['customers', 'vip', 'staff', 'trial']);
  for (const file of files) for (const s of /"restrictedToSegments": \[([^\]]*)\]/.exec(file.text)?.[1].match(/[\w-]+/g) ?? []) segments.add(s);
  const config = { segments: [...segments].sort(), contacts: { ann: { segments: ['customers'] }, vic: { segments: ['customers', 'vip'] } } };
  fs.writeFileSync(path.join(folder, 'opencx.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return { folder, files };
}

/** Edits one open action `EDITS` times alone and `EDITS` times at the end of a burst; ms above the debounce. */
async function edits(server, spec, file) {
  let version = 1;
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: file.uri, languageId: spec.languageId, version, text: file.text } });
  await server.until(() => (server.state.publications.get(file.uri)?.at > performance.now() - 60_000 ? true : undefined), 60_000, 'the open file');
  await sleep(500);
  const change = (n) => {
    version++;
    const text = file.text.replace('"description": "', `"description": "Edit ${n}: `);
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: file.uri, version }, contentChanges: [{ text }] });
    return { version, at: performance.now() };
  };
  const published = (v) => server.until(() => {
    const p = server.state.publications.get(file.uri);
    return p && p.at > 0 && (p.version === undefined ? p.diagnostics !== undefined && p.at : p.version >= v && p.at) ? p.at : undefined;
  }, 30_000, 'an edit\'s diagnostics');
  const alone = [];
  const burst = [];
  for (let i = 0; i < EDITS; i++) {
    // Alone: one edit, its diagnostics, then a pause so that the next one starts from an idle server.
    server.state.publications.delete(file.uri);
    const one = change(i);
    alone.push((await published(one.version)) - one.at - spec.debounceMs);
    await sleep(400);
    // A burst: five keystrokes 60 ms apart; only the last one's diagnostics are timed.
    let last;
    for (let k = 0; k < 5; k++) {
      last = change(`${i}.${k}`);
      if (k < 4) await sleep(60);
    }
    server.state.publications.delete(file.uri);
    burst.push((await published(last.version)) - last.at - spec.debounceMs);
    await sleep(400);
  }
  return { alone: median(alone), burst: median(burst) };
}

async function measure(name, size, workspace) {
  const spec = SERVERS[name];
  const server = await startLanguageServer(spec.script, workspace.folder);
  try {
    const last = await lastPublication(server, workspace.files.map((f) => f.uri));
    const coldMs = last - server.started;
    const rss = rssMb(server.child.pid);
    let flagged = 0;
    for (const f of workspace.files) if (server.state.publications.get(f.uri).diagnostics.length) flagged++;
    const overlaps = workspace.files.filter((f) => server.state.publications.get(f.uri).diagnostics.some((d) => d.code === 'description-overlap')).length;
    const target = workspace.files.find((f, i) => i >= size / 2 && f.kind === 'valid');
    const edit = size === EDIT_SIZE ? await edits(server, spec, target) : undefined;
    return { coldMs, rss, rssAfterEdits: edit ? rssMb(server.child.pid) : undefined, flagged, overlaps, edit };
  } finally {
    await stopLanguageServer(server);
  }
}

for (const spec of Object.values(SERVERS)) if (!fs.existsSync(spec.script)) throw new Error(`${spec.script} is missing: run npm run build first`);
console.log(`bench:server on Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('actions  server  cold index   ratio   RSS after index   files with findings  description-overlap  edit alone  edit in burst (ms above debounce)');
const rows = [];
for (const [i, size] of SIZES.entries()) {
  const workspace = writeWorkspace(size);
  try {
    const order = i % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours'];
    const r = {};
    for (const name of order) r[name] = await measure(name, size, workspace);
    rows.push({ size, ...r });
    for (const name of ['ours', 'peer']) {
      const x = r[name];
      console.log([
        String(size).padStart(7), name.padEnd(6), `${x.coldMs.toFixed(0).padStart(7)} ms`,
        name === 'ours' ? `${(r.ours.coldMs / r.peer.coldMs).toFixed(2)}×`.padStart(6) : ''.padStart(6),
        `${x.rss.toFixed(0).padStart(9)} MB${x.rssAfterEdits ? ` (${x.rssAfterEdits.toFixed(0)} after edits)` : ''}`.padEnd(30),
        String(x.flagged).padStart(8), String(x.overlaps).padStart(20),
        x.edit ? `${x.edit.alone.toFixed(1).padStart(9)} ms  ${x.edit.burst.toFixed(1).padStart(9)} ms` : '',
      ].join('  '));
    }
  } finally {
    fs.rmSync(workspace.folder, { recursive: true, force: true });
  }
}
const verdict = (ok) => (ok ? 'met   ' : 'MISSED');
for (const row of rows) console.log(`${verdict(row.ours.coldMs / row.peer.coldMs <= TARGET.coldRatio)} cold index at ${row.size}: ${(row.ours.coldMs / row.peer.coldMs).toFixed(2)}× the peer (target ≤ ${TARGET.coldRatio}×)`);
const at = rows.find((r) => r.size === TARGET.rssAt);
if (at) console.log(`${verdict(at.ours.rss <= TARGET.rssMb)} RSS at ${at.size}: ${at.ours.rss.toFixed(0)} MB, the peer ${at.peer.rss.toFixed(0)} MB (target ≤ ${TARGET.rssMb} MB)`);
const edited = rows.find((r) => r.ours.edit);
if (edited) console.log(`${verdict(edited.ours.edit.alone <= TARGET.editMs && edited.ours.edit.burst <= TARGET.editMs)} one edit at ${edited.size}: ${edited.ours.edit.alone.toFixed(1)} ms alone, ${edited.ours.edit.burst.toFixed(1)} ms in a burst above the debounce; the peer ${edited.peer.edit.alone.toFixed(1)} / ${edited.peer.edit.burst.toFixed(1)} ms (target ≤ ${TARGET.editMs} ms median)`);
