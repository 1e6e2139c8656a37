#!/usr/bin/env node
// Runs the extension's mocha suite INSIDE a real VS Code: code-server's VS Code server (Node extension host)
// with its web workbench loaded in headless Debian Chromium through playwright-core. The workbench gets the
// same extensionDevelopmentPath/extensionTestsPath pair @vscode/test-electron passes, through its `payload`
// URL parameter; the suite's result comes back through window.codeAutomationExit(code) and its console
// output through window.codeAutomationLog(type, args).
//
// Exit code: 0 all tests passed, 1 test failures, 2 harness failure or timeout.
//
// Environment (all optional):
//   VSCODE_VERSION       1.100.3 (default; code-server 4.100.3 on this Node) or 1.139.1 (code-server 4.139.1 on
//                        .vscode-test/node-24). Install with scripts/install-code-server.sh.
//   CODE_SERVER_ENTRY    code-server's out/node/entry.js, instead of the one VSCODE_VERSION selects
//   CODE_SERVER_NODE     Node binary that runs code-server and the extension host
//   CHROMIUM             browser binary (default /usr/bin/chromium)
//   EXT_DEV_PATH         extension folder(s), ':'-separated (default: the repository root)
//   EXT_TESTS_PATH       module exporting run() (default: out/test/e2e/index.js)
//   TEST_WORKSPACE       folder to open; a fresh temp copy of it is opened (default: examples, the newcomer's workspace)
//   TEST_TIMEOUT_MS      whole-run deadline (default 180000)
//   E2E_WORKSPACE_TRUST  1 = leave workspace trust on, so the folder opens in Restricted Mode
//   E2E_SUMMARY_OUT      write {passed, failed, skipped, failures, vscodeVersion[, error]} as JSON there
//   E2E_GREP             mocha grep pattern, read by test/e2e/index.ts in the extension host
//   E2E_VERBOSE=1        echo server output and the raw browser console
//   KEEP_TMP=1           keep the temp dir (user data, workspace copy, server.log)
//   E2E_LOGS_DIR         write the workbench logs handed to codeAutomationExit there
//   E2E_SCREENSHOTS_DIR  where tests' screenshot requests write their PNGs (default: the run's temp dir); see
//                        scripts/lib/uiRequests.mjs (npm run screenshots sets docs/images)
//   CODE_SERVER_ARGS     extra code-server flags, space-separated
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  codeServerEntry, DEFAULT_VSCODE_VERSION, freeLoopbackPort, installHint, quietUserSettings, remoteUri, REPO_ROOT,
  serverEnvironment, startCodeServer, stopProcessGroup, VSCODE_BUILDS, vscodeVersionOf, waitForHealthy, workbenchUrl,
} from './lib/codeServer.mjs';
import { handleUiRequest } from './lib/uiRequests.mjs';

const DEFAULT_RUN_TIMEOUT_MS = 180_000;
const EXIT = { passed: 0, testsFailed: 1, harnessFailed: 2 };
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
// Workbench chatter that says nothing about the tests (shown with E2E_VERBOSE=1).
const WORKBENCH_NOISE = /open-vsx\.org|Failed to load resource|additional builtin extensions|Creating a socket|connection token|ChatSessionStore|Service Worker|AgentHost|ChatModelSelection|reconnection-grace-time|AccountPolicyGate/;

const startedAt = Date.now();
const log = (...args) => console.log(`[e2e ${((Date.now() - startedAt) / 1000).toFixed(1)}s]`, ...args);
class HarnessError extends Error {}

function readConfig(env) {
  const requested = env.VSCODE_VERSION || DEFAULT_VSCODE_VERSION;
  const build = VSCODE_BUILDS[requested];
  if (!build && !env.CODE_SERVER_ENTRY) {
    throw new HarnessError(`unknown VSCODE_VERSION ${requested}; known: ${Object.keys(VSCODE_BUILDS).join(', ')}`);
  }
  const extDevPaths = (env.EXT_DEV_PATH || REPO_ROOT).split(path.delimiter).filter(Boolean).map((p) => path.resolve(p));
  const entry = path.resolve(env.CODE_SERVER_ENTRY || codeServerEntry(build));
  return {
    requestedVersion: env.VSCODE_VERSION, entry, installHint: build ? installHint(build) : 'CODE_SERVER_ENTRY',
    serverNode: path.resolve(env.CODE_SERVER_NODE || build?.node || process.execPath),
    chromiumPath: env.CHROMIUM || '/usr/bin/chromium',
    extDevPaths,
    extTestsPath: path.resolve(env.EXT_TESTS_PATH || path.join(REPO_ROOT, 'out/test/e2e/index.js')),
    workspaceSource: path.resolve(env.TEST_WORKSPACE || path.join(REPO_ROOT, 'examples')),
    timeoutMs: Number(env.TEST_TIMEOUT_MS || DEFAULT_RUN_TIMEOUT_MS),
    workspaceTrust: env.E2E_WORKSPACE_TRUST === '1',
    summaryOut: env.E2E_SUMMARY_OUT ? path.resolve(env.E2E_SUMMARY_OUT) : undefined,
    verbose: Boolean(env.E2E_VERBOSE), logsDir: env.E2E_LOGS_DIR,
    screenshotsDir: env.E2E_SCREENSHOTS_DIR ? path.resolve(env.E2E_SCREENSHOTS_DIR) : undefined,
    extraServerArgs: (env.CODE_SERVER_ARGS || '').split(' ').filter(Boolean),
  };
}

function checkInputsExist(config) {
  const required = [
    ['code-server (install: ' + config.installHint + ')', config.entry],
    ['Node for code-server', config.serverNode],
    ['chromium (install: bash scripts/setup-system.sh)', config.chromiumPath],
    ['test runner module (build first: npm run build)', config.extTestsPath],
    ['test workspace folder', config.workspaceSource],
    ...config.extDevPaths.map((p) => ['extension manifest', path.join(p, 'package.json')]),
  ];
  for (const [what, file] of required) {
    if (!fs.existsSync(file)) throw new HarnessError(`missing ${what}: ${file}`);
  }
}

/** A fresh temp dir with user data, extensions, XDG homes and a copy of the workspace; nothing touches ~. */
function prepareRunDir(config) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-e2e-'));
  const run = {
    dir,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    resultsFile: path.join(dir, 'results.json'),
    uiDir: path.join(dir, 'ui'),
    configFile: path.join(dir, 'code-server.yaml'),
    serverLog: path.join(dir, 'server.log'),
    workspace: path.join(dir, 'workspace', path.basename(config.workspaceSource)),
    xdg: { XDG_CONFIG_HOME: path.join(dir, 'xdg-config'), XDG_DATA_HOME: path.join(dir, 'xdg-data'), XDG_CACHE_HOME: path.join(dir, 'xdg-cache') },
  };
  fs.mkdirSync(path.join(run.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(run.extensionsDir, { recursive: true });
  fs.mkdirSync(run.uiDir, { recursive: true });
  fs.writeFileSync(path.join(run.userDataDir, 'User', 'settings.json'), JSON.stringify(quietUserSettings(config.workspaceTrust), null, 2));
  fs.writeFileSync(run.configFile, 'auth: none\ncert: false\n');
  fs.cpSync(config.workspaceSource, run.workspace, { recursive: true });
  return run;
}

function isRemoteRequest(url) {
  return /^(https?|wss?):$/.test(url.protocol) && !LOOPBACK_HOSTS.has(url.hostname);
}

async function launchBrowser(config, run) {
  return chromium.launch({
    executablePath: config.chromiumPath,
    headless: true,
    env: { ...process.env, ...run.xdg }, // keeps ~/.config/chromium untouched
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
}

/** Opens the workbench with the test payload; resolves with the exit code of the extension host's run(). */
async function runSuiteInWorkbench(config, run, browser, port, onBrowserFailure) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route(isRemoteRequest, (route) => route.abort()); // nothing but loopback
  const page = await context.newPage();
  if (config.verbose) page.on('console', (msg) => console.log(`[browser:${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => console.log(`[browser:pageerror] ${err.message}`));
  page.on('crash', () => onBrowserFailure('the workbench page crashed'));

  let resolveExitCode, suiteExited = false;
  const exitCode = new Promise((resolve) => { resolveExitCode = resolve; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(args || []));
    if (handleUiRequest(page, line, { answers: run.uiDir, screenshots: config.screenshotsDir })) return;
    // Lines after the exit (the runner's own rejection) would land below our summary line.
    if (!config.verbose && (suiteExited || WORKBENCH_NOISE.test(line))) return;
    (type === 'error' ? console.error : console.log)(line);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    suiteExited = true;
    if (logs && config.logsDir) writeWorkbenchLogs(config.logsDir, logs);
    resolveExitCode(code);
  });

  const payload = [
    ...config.extDevPaths.map((p) => ['extensionDevelopmentPath', remoteUri(p)]),
    ['extensionTestsPath', remoteUri(config.extTestsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  log('opening the workbench');
  await page.goto(workbenchUrl(port, run.workspace, payload));
  return exitCode;
}

function writeWorkbenchLogs(logsDir, logs) {
  for (const { relativePath, contents } of logs) {
    const file = path.join(logsDir, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
}

/**
 * The pass/fail/pending lists test/e2e/index.ts wrote (mocha's pending tests are the skipped ones); a runner that
 * failed without writing them counts as one failure.
 */
export function readResults(resultsFile, exitCode) {
  if (fs.existsSync(resultsFile)) {
    const { passed = [], failed = [], pending = [] } = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    return { passed, failed, pending };
  }
  console.log('(no results file: the runner in the extension host did not write VSCODE_E2E_RESULTS; see its output above)');
  const failed = exitCode === 0 ? [] : [{ title: 'extension host test runner', error: `exited with ${exitCode} before reporting results` }];
  return { passed: [], failed, pending: [] };
}

export function printResults({ passed, failed, pending = [] }) {
  for (const title of passed) console.log(`  ok   ${title}`);
  for (const title of pending) console.log(`  skip ${title}`);
  for (const { title, error } of failed) console.log(`  FAIL ${title}\n       ${String(error).trimEnd().split('\n').join('\n       ')}`);
  console.log(`${passed.length} passed, ${failed.length} failed, ${pending.length} skipped`);
}

export function writeSummary(file, vscodeVersion, { passed, failed, pending = [] }, error) {
  const summary = { passed: passed.length, failed: failed.length, skipped: pending.length, failures: failed.map((f) => f.title), vscodeVersion };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(error ? { ...summary, error } : summary, null, 2) + '\n');
}

/** Ends the run once: summary on harness failure, browser closed, server group killed, temp dir removed. */
function createFinisher(state) {
  return async function finish(code, reason) {
    if (state.finished) return;
    state.finished = true;
    if (reason) log(reason);
    if (code === EXIT.harnessFailed && state.summaryOut) {
      writeSummary(state.summaryOut, state.vscodeVersion ?? process.env.VSCODE_VERSION, { passed: [], failed: [] }, reason);
    }
    try { await state.browser?.close(); } catch { /* already closed */ }
    if (state.server) await stopProcessGroup(state.server);
    if (state.run && !process.env.KEEP_TMP) fs.rmSync(state.run.dir, { recursive: true, force: true });
    else if (state.run) log('kept', state.run.dir);
    log(`exit code ${code}`);
    process.exit(code);
  };
}

async function runOnce(state, harnessFailure) {
  const config = readConfig(process.env);
  checkInputsExist(config);
  state.vscodeVersion = vscodeVersionOf(config.entry);
  if (config.requestedVersion && config.requestedVersion !== state.vscodeVersion) {
    throw new HarnessError(`VSCODE_VERSION=${config.requestedVersion} but ${config.entry} is VS Code ${state.vscodeVersion}`);
  }
  setTimeout(() => harnessFailure(`timed out after ${config.timeoutMs} ms`), config.timeoutMs).unref();
  const run = state.run = prepareRunDir(config);
  const port = await freeLoopbackPort();
  log(`starting code-server (VS Code ${state.vscodeVersion}, Node ${config.serverNode}) on 127.0.0.1:${port}`);
  state.server = startCodeServer({
    entry: config.entry, serverNode: config.serverNode, port, configFile: run.configFile, userDataDir: run.userDataDir,
    extensionsDir: run.extensionsDir, workspaceTrust: config.workspaceTrust, extraArgs: config.extraServerArgs,
    env: serverEnvironment({ ...run.xdg, VSCODE_E2E_RESULTS: run.resultsFile, E2E_UI_DIR: run.uiDir }), logFile: run.serverLog, verbose: config.verbose,
    onExit: (reason) => harnessFailure(`code-server exited early: ${reason}`),
  });
  await waitForHealthy(port).catch((error) => { throw new HarnessError(error.message); });
  log('code-server is up');
  state.browser = await launchBrowser(config, run);
  state.browser.on('disconnected', () => harnessFailure('the browser went away'));
  const exitCode = await runSuiteInWorkbench(config, run, state.browser, port, harnessFailure);
  log(`extension host test runner exited with ${exitCode}`);
  const results = readResults(run.resultsFile, exitCode);
  printResults(results);
  if (config.summaryOut) writeSummary(config.summaryOut, state.vscodeVersion, results);
  return exitCode === 0 && results.failed.length === 0 ? EXIT.passed : EXIT.testsFailed;
}

async function main() {
  const state = { finished: false, summaryOut: process.env.E2E_SUMMARY_OUT && path.resolve(process.env.E2E_SUMMARY_OUT) };
  if (state.summaryOut) fs.rmSync(state.summaryOut, { force: true }); // never leave a stale summary behind
  const finish = createFinisher(state);
  const harnessFailure = (reason) => finish(EXIT.harnessFailed, reason);
  process.on('SIGINT', () => finish(130, 'interrupted'));
  process.on('SIGTERM', () => finish(143, 'terminated'));
  process.on('uncaughtException', (err) => harnessFailure(`harness error: ${err.stack || err}`));
  process.on('unhandledRejection', (err) => harnessFailure(`harness error: ${err?.stack || err}`));
  try {
    await finish(await runOnce(state, harnessFailure));
  } catch (err) {
    await harnessFailure(err instanceof HarnessError ? err.message : `harness error: ${err.stack || err}`);
  }
}

// Also imported by run-with-test-electron.cjs for its result reporting; only run when started directly.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
