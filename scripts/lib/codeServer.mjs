// Starting and stopping a real VS Code (code-server's server with its web workbench) on loopback: shared by the
// end-to-end harness (run-vscode-tests.mjs) and the demo (demo.mjs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TOOLS_DIR = path.join(REPO_ROOT, '.vscode-test');
/** Each VS Code version we can run, with the code-server release and the Node binary that provide it. */
export const VSCODE_BUILDS = {
  '1.100.3': { codeServer: '4.100.3', node: process.execPath },
  '1.139.1': { codeServer: '4.139.1', node: path.join(TOOLS_DIR, 'node-24', 'bin', 'node') },
};
export const DEFAULT_VSCODE_VERSION = '1.100.3';
const SERVER_START_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 100;
const KILL_GRACE_MS = 5_000;

export const installHint = (build) => `CODE_SERVER_VERSION=${build.codeServer} bash scripts/install-code-server.sh`;

/** code-server's entry.js for an installed build. */
export function codeServerEntry(build) {
  return path.join(TOOLS_DIR, `code-server-${build.codeServer}`, 'node_modules/code-server/out/node/entry.js');
}

/** The VS Code version inside the code-server that `entry` belongs to (…/code-server/out/node/entry.js). */
export function vscodeVersionOf(entry) {
  const manifest = path.join(path.dirname(entry), '../../lib/vscode/package.json');
  return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
}

/** User settings that keep the workbench quiet and offline. */
export function quietUserSettings(workspaceTrust) {
  return {
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'git.enabled': false,
    'npm.autoDetect': 'off',
    'typescript.disableAutomaticTypeAcquisition': true,
    // With trust on, open untrusted (Restricted Mode) without a modal prompt, so tests decide when to trust.
    ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never' } : { 'security.workspace.trust.enabled': false }),
  };
}

export function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });
}

function serverArguments(options) {
  const args = [options.entry, '--config', options.configFile, '--auth', 'none', '--bind-addr', `127.0.0.1:${options.port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir];
  if (!options.workspaceTrust) args.push('--disable-workspace-trust');
  // VS Code >= ~1.10x ignores extensionDevelopmentPath/extensionTestsPath in a built workbench's payload unless the
  // smoke-test driver is enabled; code-servers that know --vscode-option can pass it through (4.100.3 needs neither).
  const cliJs = fs.readFileSync(path.join(path.dirname(options.entry), 'cli.js'), 'utf8');
  if (cliJs.includes('"vscode-option"')) args.push('--vscode-option', 'enable-smoke-test-driver');
  return [...args, ...(options.extraArgs ?? [])];
}

/** The environment for code-server and its extension host, minus variables of a VS Code this may be started from. */
export function serverEnvironment(extra) {
  const inherited = Object.entries(process.env).filter(([name]) => !/^(VSCODE_(?!E2E_)|ELECTRON_)/.test(name));
  return { ...Object.fromEntries(inherited), EXTENSIONS_GALLERY: '{}', ...extra };
}

/**
 * Starts code-server in its own process group (stopping it stops the extension host and language servers too).
 * options: entry, serverNode, port, configFile, userDataDir, extensionsDir, workspaceTrust, extraArgs, env,
 * logFile, verbose, onExit(reason).
 */
export function startCodeServer(options) {
  const server = spawn(options.serverNode, serverArguments(options), { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: options.env });
  const logStream = fs.createWriteStream(options.logFile);
  for (const stream of [server.stdout, server.stderr]) {
    stream.on('data', (chunk) => { logStream.write(chunk); if (options.verbose) process.stdout.write(`[server] ${chunk}`); });
  }
  server.on('exit', (code, signal) => options.onExit?.(`code-server exited (${code ?? signal}); log: ${options.logFile}`));
  return server;
}

export async function waitForHealthy(port) {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return; } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`code-server did not answer /healthz within ${SERVER_START_TIMEOUT_MS} ms`);
}

export async function stopProcessGroup(server) {
  const signalGroup = (signal) => { try { process.kill(-server.pid, signal); } catch { /* already gone */ } };
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    signalGroup('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, KILL_GRACE_MS).unref())]);
  }
  signalGroup('SIGKILL'); // whatever of the group outlived its leader
}

/** A path as the workbench's remote authority sees it: code-server's authority is the literal "remote". */
export const remoteUri = (p) => 'vscode-remote://remote' + p.split('/').map(encodeURIComponent).join('/');

/** The workbench URL that opens `folder`, with `payload` ([key, value] pairs such as extensionDevelopmentPath). */
export function workbenchUrl(port, folder, payload) {
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
