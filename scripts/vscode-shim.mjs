#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) (and
// @vscode/test-cli's useInstallation.fromPath) on machines that cannot download VS Code. Those tools spawn it
// with Electron-style flags and take its exit code; this maps the flags onto scripts/run-vscode-tests.mjs
// (code-server + headless Chromium) and exits with that harness's code:
//   --extensionDevelopmentPath=P (repeatable) -> EXT_DEV_PATH
//   --extensionTestsPath=P                    -> EXT_TESTS_PATH
//   first positional argument                 -> TEST_WORKSPACE
// Every other flag (--no-sandbox, --disable-extensions, --user-data-dir=…, …) is ignored: the harness always
// uses fresh user-data and extensions dirs. VSCODE_VERSION and the other harness variables pass through.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run-vscode-tests.mjs');
// Flags that take a value; given without "=", their value is the next argument, not a workspace.
const FLAGS_WITH_VALUE = new Set(['--user-data-dir', '--extensions-dir', '--locale', '--log', '--profile',
  '--extensionDevelopmentPath', '--extensionTestsPath', '--inspect-extensions', '--inspect-brk-extensions']);

function parseArguments(argv) {
  const parsed = { devPaths: [], testsPath: undefined, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inlineValue ?? (FLAGS_WITH_VALUE.has(flag) ? argv[++i] : undefined);
    if (flag === '--extensionDevelopmentPath') parsed.devPaths.push(value);
    else if (flag === '--extensionTestsPath') parsed.testsPath = value;
    else if (!arg.startsWith('-')) parsed.positional.push(arg);
  }
  return parsed;
}

const { devPaths, testsPath, positional } = parseArguments(process.argv.slice(2));
if (devPaths.length === 0 || !testsPath) {
  console.error('vscode-shim: needs --extensionDevelopmentPath=… and --extensionTestsPath=…');
  process.exit(2);
}
const env = { ...process.env, EXT_DEV_PATH: devPaths.join(path.delimiter), EXT_TESTS_PATH: testsPath };
if (positional[0]) env.TEST_WORKSPACE = positional[0];

const harness = spawn(process.execPath, [HARNESS], { env, stdio: 'inherit' });
harness.on('exit', (code, signal) => process.exit(code ?? (signal ? 2 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => harness.kill(signal));
