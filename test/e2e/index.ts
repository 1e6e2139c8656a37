// The mocha runner that runs INSIDE the VS Code extension host. VS Code require()s the bundle
// (out/test/e2e/index.js) given as extensionTestsPath and awaits run(): a resolve means exit code 0, a reject 1.
// It runs every *.test.js bundled next to it (from test/e2e/suite/*.test.ts, see scripts/build-e2e.mjs).
//
// Environment, inherited from code-server (set by scripts/run-vscode-tests.mjs or the caller):
//   E2E_GREP            run only the tests whose full title matches this pattern (a RegExp source, or /re/flags)
//   VSCODE_E2E_RESULTS  write {passed: [titles], failed: [{title, error}], pending: [titles]} there as JSON
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha'; // external in the bundle: resolves from out/test/e2e/ up to the repo's node_modules

/** Per-test limit; tests poll with their own, shorter deadlines, so this only catches a hung await. */
const TEST_TIMEOUT_MS = 60_000;

interface FailedTest {
  title: string;
  error: string;
}

interface SuiteResults {
  passed: string[];
  failed: FailedTest[];
  pending: string[];
}

function findTestFiles(dir: string): string[] {
  return fs.readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message || String(err.stack) : String(err);
}

function writeResults(results: SuiteResults): void {
  const file = process.env.VSCODE_E2E_RESULTS;
  if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

function runMocha(mocha: Mocha, results: SuiteResults): Promise<number> {
  return new Promise((resolve) => {
    const runner = mocha.run((failures) => resolve(failures));
    runner.on('pass', (test) => results.passed.push(test.fullTitle()));
    runner.on('pending', (test) => results.pending.push(test.fullTitle()));
    runner.on('fail', (test, err) => results.failed.push({ title: test.fullTitle(), error: describeError(err) }));
  });
}

/** Called by VS Code's extension host once the extension under test has been registered. */
export async function run(): Promise<void> {
  const results: SuiteResults = { passed: [], failed: [], pending: [] };
  const grep = process.env.E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: TEST_TIMEOUT_MS, ...(grep ? { grep } : {}) });
  const files = findTestFiles(__dirname);
  try {
    if (files.length === 0) throw new Error(`no *.test.js files next to ${__filename}; did the e2e build run?`);
    for (const file of files) mocha.addFile(file);
    const failures = await runMocha(mocha, results);
    if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
  } catch (err) {
    // Loading a test file can throw before mocha reports anything: record that as a failure of its own.
    if (results.failed.length === 0) results.failed.push({ title: 'loading the end-to-end tests', error: describeError(err) });
    throw err;
  } finally {
    writeResults(results);
  }
}
