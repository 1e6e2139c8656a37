// Runs the end-to-end suite through @vscode/test-electron's standard runTests(): in a real VS Code desktop when
// this machine can download one, otherwise (the download fails: ENOTFOUND and the like) through
// scripts/vscode-shim.mjs, which runs the same suite in code-server + headless Chromium.
//   node scripts/run-with-test-electron.cjs
// Environment:
//   VSCODE_VERSION   VS Code to download or, through the shim, to run (default 1.100.3)
//   E2E_ELECTRON     auto (default: download, else shim) | download (no fallback) | shim (no download attempt)
//   EXT_DEV_PATH, EXT_TESTS_PATH, TEST_WORKSPACE, E2E_SUMMARY_OUT, E2E_GREP: as in run-vscode-tests.mjs
// Exit code: 0 pass, 1 test failures, 2 harness failure. A desktop VS Code on Linux needs a display (e.g. xvfb-run).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { runTests, downloadAndUnzipVSCode } = require('@vscode/test-electron');

const REPO_ROOT = path.resolve(__dirname, '..');
const SHIM = path.join(__dirname, 'vscode-shim.mjs');
const HARNESS = path.join(__dirname, 'run-vscode-tests.mjs');
const DEFAULT_VSCODE_VERSION = '1.100.3';
const EXIT_HARNESS_FAILED = 2;

function readConfig(env) {
  return {
    version: env.VSCODE_VERSION || DEFAULT_VSCODE_VERSION,
    mode: env.E2E_ELECTRON || 'auto',
    extDevPaths: (env.EXT_DEV_PATH || REPO_ROOT).split(path.delimiter).filter(Boolean).map((p) => path.resolve(p)),
    extTestsPath: path.resolve(env.EXT_TESTS_PATH || path.join(REPO_ROOT, 'out/test/e2e/index.js')),
    workspaceSource: path.resolve(env.TEST_WORKSPACE || path.join(REPO_ROOT, 'test/e2e/workspace')),
    summaryOut: env.E2E_SUMMARY_OUT,
  };
}

/** The downloaded desktop VS Code, or undefined after printing why the shim stands in for it. */
async function desktopVSCode(config) {
  if (config.mode === 'shim') return undefined;
  try {
    return await downloadAndUnzipVSCode({ version: config.version, cachePath: path.join(REPO_ROOT, '.vscode-test') });
  } catch (err) {
    if (config.mode === 'download') throw err;
    console.log(`\nNOTE: cannot download VS Code ${config.version} here (${err.message}).`);
    console.log('NOTE: running the same suite through scripts/vscode-shim.mjs instead: the real VS Code ' +
      `${config.version} server (code-server) with its web workbench in headless Chromium.\n`);
    return undefined;
  }
}

/** The shim's harness prints results and writes E2E_SUMMARY_OUT itself; runTests() only relays its exit code. */
function runThroughShim(config) {
  return runTests({
    vscodeExecutablePath: SHIM,
    extensionDevelopmentPath: config.extDevPaths,
    extensionTestsPath: config.extTestsPath,
    launchArgs: [config.workspaceSource, '--disable-extensions'],
    reuseMachineInstall: true, // the harness makes fresh user-data and extensions dirs anyway
  });
}

/** Desktop VS Code: fresh temp profile and workspace copy; results read back from VSCODE_E2E_RESULTS. */
async function runOnDesktop(config, executable) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-e2e-desktop-'));
  const workspace = path.join(tmp, 'workspace', path.basename(config.workspaceSource));
  const resultsFile = path.join(tmp, 'results.json');
  fs.cpSync(config.workspaceSource, workspace, { recursive: true });
  const report = await import(pathToFileURL(HARNESS).href);
  let exitCode = 0;
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: config.extDevPaths,
      extensionTestsPath: config.extTestsPath,
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${tmp}/user-data`, `--extensions-dir=${tmp}/extensions`],
      extensionTestsEnv: { VSCODE_E2E_RESULTS: resultsFile },
    });
  } catch (err) {
    exitCode = typeof err.code === 'number' ? err.code : 1;
  }
  const results = report.readResults(resultsFile, exitCode);
  report.printResults(results);
  if (config.summaryOut) report.writeSummary(path.resolve(config.summaryOut), config.version, results);
  fs.rmSync(tmp, { recursive: true, force: true });
  return exitCode === 0 && results.failed.length === 0 ? 0 : 1;
}

async function main() {
  const config = readConfig(process.env);
  const executable = await desktopVSCode(config);
  if (executable) return runOnDesktop(config, executable);
  try {
    return await runThroughShim(config);
  } catch (err) {
    // runTests() rejects with TestRunFailedError; its code is the shim's (= the harness's) exit code.
    return typeof err.code === 'number' ? err.code : EXIT_HARNESS_FAILED;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => { console.error(err); process.exit(EXIT_HARNESS_FAILED); },
);
