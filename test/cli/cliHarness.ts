// Runs the real, built CLI (dist/cli.js) in a child process, as a user or a CI job would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';

/** The repository root: this file is bundled to out/test/cli/<name>.test.js. */
export const ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(ROOT, 'dist/cli.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
export const EXAMPLES = path.join(ROOT, 'examples');

/** A deadline, not a sleep: a CLI that hangs (reading a FIFO, say) fails the test instead of the whole run. */
const CLI_DEADLINE_MS = 30_000;

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `node dist/cli.js ...args` in `cwd`. The colour variables of the parent (test-all sets NO_COLOR)
 * are removed so that each test says exactly which ones it wants.
 */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
  const inherited = { ...process.env };
  delete inherited.NO_COLOR;
  delete inherited.FORCE_COLOR;
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: CLI_DEADLINE_MS,
  });
  if (run.error) throw run.error;
  assert.equal(run.signal, null, `the CLI was killed by ${run.signal} (hung for ${CLI_DEADLINE_MS} ms?)\n${run.stderr}`);
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Like runCli, with colours off, for exact text comparisons. */
export function runPlain(args: string[], cwd: string): CliRun {
  return runCli(args, cwd, { NO_COLOR: '1' });
}

/** A fresh temp folder, removed when the test ends. */
export function tempFolder(t: TestContext): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-cli-')));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Writes `text` to `folder/relative`, creating the folders on the way. */
export function writeFile(folder: string, relative: string, text: string): string {
  const file = path.join(folder, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** The text of a fixture file under test/fixtures/cli. */
export function fixtureText(relative: string): string {
  return fs.readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/** One finding as `--format json` prints it. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  related: unknown[];
}

export function parseJsonOutput(run: CliRun): JsonFinding[] {
  return JSON.parse(run.stdout) as JsonFinding[];
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
