// Helpers for the `run` tests: the built CLI spawned without blocking this process (so servers started here keep
// answering), the example shop's demo API (scripts/demo-api.mjs) in its own process, a copy of examples/ pointed at
// it, and certificates for a host name made with openssl.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, EXAMPLES, ROOT, type CliRun } from './cliHarness';

/** A deadline for one CLI run (the CLI's own timeouts are far shorter); a hang fails the test, never the run. */
const RUN_DEADLINE_MS = 30_000;
/** A deadline for the demo API to print its port. */
const START_DEADLINE_MS = 20_000;

export const DEMO_HOST = 'api.acme-shop.example';
export const DEMO_TOKEN = 'demo-token';
/** The secret the examples' Authorization global variable refers to, as the CLI reads it. */
export const TOKEN_ENV = { OPENCX_SECRET_SHOP_API_TOKEN: DEMO_TOKEN };

/**
 * Spawns `node dist/cli.js ...args` in `cwd` and waits for it to exit, without blocking the event loop. Secrets
 * of the parent environment (OPENCX_SECRET_*) and the colour variables are removed: each test says what it wants.
 */
export function runCliAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`node build.mjs\` first`);
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(inherited)) if (name.startsWith('OPENCX_SECRET_') || name === 'FORCE_COLOR') delete inherited[name];
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...inherited, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
  child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not exit within ${RUN_DEADLINE_MS} ms: run ${args.join(' ')}\n${stderr}`));
    }, RUN_DEADLINE_MS);
    child.on('error', (error) => { clearTimeout(deadline); reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      if (signal) reject(new Error(`the CLI was killed by ${signal}\n${stderr}`));
      else resolve({ status: code ?? -1, stdout, stderr });
    });
  });
}

/** The demo API running in a child process of this test. */
export interface DemoApi {
  port: number;
  caFile: string;
  stop(): Promise<void>;
}

/** Starts `node scripts/demo-api.mjs --port 0 --ca-out <folder>/demo-ca.pem` and waits (with a deadline) for its JSON line. */
export async function startDemoApi(folder: string): Promise<DemoApi> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/demo-api.mjs'), '--port', '0', '--ca-out', path.join(folder, 'demo-ca.pem')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const line = await firstLine(child);
    const ready = JSON.parse(line) as { port: number; caFile: string };
    assert.equal(typeof ready.port, 'number', `the demo API printed ${line}`);
    return { port: ready.port, caFile: ready.caFile, stop: () => stop(child, exited) };
  } catch (error) {
    await stop(child, exited);
    throw error;
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`the demo API printed no port within ${START_DEADLINE_MS} ms\n${err}`)), START_DEADLINE_MS);
    child.stderr!.setEncoding('utf8').on('data', (c: string) => { err += c; });
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const end = out.indexOf('\n');
      if (end >= 0) { clearTimeout(deadline); resolve(out.slice(0, end)); }
    });
    child.once('exit', (code) => { clearTimeout(deadline); reject(new Error(`the demo API exited (${code}) before it was ready\n${err}`)); });
  });
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}

/**
 * A copy of examples/ in `folder`, its "local-demo" environment (the default) connecting the demo host to
 * 127.0.0.1:`port`; `edit` may change the config further. Returns the folder.
 */
export function demoWorkspace(folder: string, port: number, edit: (config: DemoConfig) => void = () => undefined): string {
  fs.cpSync(EXAMPLES, folder, { recursive: true });
  const file = path.join(folder, 'opencx.config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoConfig;
  assert.equal(config.defaultEnvironment, 'local-demo', 'test bug: the examples no longer default to local-demo');
  config.environments['local-demo'].connectTo = { [DEMO_HOST]: `127.0.0.1:${port}` };
  edit(config);
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
  return folder;
}

export interface DemoConfig {
  defaultEnvironment?: string;
  environments: Record<string, { connectTo?: Record<string, string>; globalVariables?: Record<string, string> }>;
  [key: string]: unknown;
}

/** A self-signed certificate for the DNS name `host` (openssl), as PEM; the key too. */
export function hostCertificate(host: string): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-run-cert-'));
  try {
    const run = spawnSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
      '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`,
    ], { encoding: 'utf8' });
    assert.ok(!run.error && run.status === 0, `openssl could not make a certificate for ${host}: ${run.stderr ?? run.error}`);
    return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `run --format json` as printed. */
export interface RunJson {
  outcome: string;
  ai: { status: number | null; body: string };
  request: { method: string; url: string; headers: { name: string; value: string; source: string; shadowed: { source: string; value: string }[] }[]; body: string | null };
  response: { status: number | null; headers: { name: string; value: string }[]; bytes: number; tokens: number; timing: Record<string, unknown> };
  visibleToContact: boolean;
  notes: string[];
  explanation: { level: string; headline: string; details: string[] };
  redirects: unknown[];
  error: { code: string; message: string } | null;
  differsFromOpenCX: boolean;
}

export function parseRun(run: CliRun): RunJson {
  try {
    return JSON.parse(run.stdout) as RunJson;
  } catch {
    return assert.fail(`stdout is not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** The secret's value is nowhere in what the CLI printed. */
export function assertNoSecret(run: CliRun, secret = DEMO_TOKEN): void {
  assert.ok(!run.stdout.includes(secret), `stdout contains the secret value:\n${run.stdout}`);
  assert.ok(!run.stderr.includes(secret), `stderr contains the secret value:\n${run.stderr}`);
}

/** A temp folder for one describe block (node:test's `t.after` is per test; this is for before/after hooks). */
export function makeTempFolder(prefix = 'opencx-run-'): { path: string; remove(): void } {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  return { path: folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
