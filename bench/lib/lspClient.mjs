// A minimal LSP client for the server benches: spawns a server over stdio, initializes it on a folder, records
// every publishDiagnostics with its arrival time, and reads the server's resident memory from /proc.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  PublishDiagnosticsNotification, ShutdownRequest, ExitNotification,
} = require('vscode-languageserver-protocol/node');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The resident memory of a process in MB (Linux), NaN elsewhere. */
export function rssMb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * Spawns `node <script> --stdio` and initializes it on `folder`. The clock (`started`) starts before the spawn, so
 * a cold index includes the server's own start-up. Returns the connection and the publications seen so far.
 */
export async function startLanguageServer(script, folder, { nodeFlags = [] } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const state = { lastPublication: 0, publications: new Map(), waiters: new Set() };
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    state.lastPublication = performance.now();
    state.publications.set(params.uri, { ...params, at: state.lastPublication });
    state.waiters.forEach((wake) => wake());
  });
  connection.onNotification(() => undefined);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const uri = pathToFileURL(folder).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: 'opencx-bench', version: '1' },
    rootUri: uri,
    workspaceFolders: [{ uri, name: path.basename(folder) }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  /** Resolves with predicate()'s first defined value, checked on every publication. */
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
  return { child, connection, state, until, started, exited };
}

/** Waits until `uris` were all published, then until nothing was published for `quietMs`; returns the last time. */
export async function lastPublication(server, uris, { quietMs = 1000, deadlineMs = 600_000 } = {}) {
  await server.until(() => (uris.every((u) => server.state.publications.has(u)) ? true : undefined), deadlineMs, 'every file\'s diagnostics');
  while (performance.now() - server.state.lastPublication < quietMs) await sleep(quietMs / 4);
  return server.state.lastPublication;
}

export async function stopLanguageServer(server) {
  await server.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
  await server.connection.sendNotification(ExitNotification.type).catch(() => undefined);
  await Promise.race([server.exited, sleep(10_000).then(() => server.child.kill())]);
  server.connection.dispose();
}
