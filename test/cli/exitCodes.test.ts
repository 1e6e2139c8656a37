// Exit codes for CI: 0 no error, 1 an error or too many warnings. (2, bad usage, is in commandLine.test.ts.)
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { EXAMPLES, FIXTURES, fixtureText, runPlain, tempFolder, writeFile } from './cliHarness';

const ONE_WARNING = path.join(FIXTURES, 'warnings');

describe('exit 0', () => {
  test('a clean folder', () => {
    const run = runPlain(['lint'], path.join(FIXTURES, 'clean'));
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '✔ no problems (2 files checked)\n');
    assert.equal(run.stderr, '');
  });

  test('warnings only (a duplicate key is a warning)', () => {
    const run = runPlain(['lint'], ONE_WARNING);
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /0 errors, 1 warning/);
  });

  test('information only (a vague description): info never fails the run', () => {
    const run = runPlain(['lint', '--max-warnings', '0'], path.join(FIXTURES, 'info'));
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /\(0 errors, 0 warnings, 1 info\)/);
  });

  test('warnings up to --max-warnings', () => {
    assert.equal(runPlain(['lint', '--max-warnings', '1'], ONE_WARNING).status, 0);
    assert.equal(runPlain(['lint', '--max-warnings=5'], ONE_WARNING).status, 0);
  });

  test('the examples without the deliberately broken file', () => {
    const run = runPlain(['lint', 'actions', 'opencx.config.json'], EXAMPLES);
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.stdout, '✔ no problems (6 files checked)\n');
  });
});

describe('exit 1', () => {
  test('one error (the examples hold one deliberately broken file)', () => {
    const run = runPlain(['lint'], EXAMPLES);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
  });

  test('a syntax error', () => {
    assert.equal(runPlain(['lint'], path.join(FIXTURES, 'syntax')).status, 1);
  });

  for (const format of ['json', 'sarif']) {
    test(`an error with --format ${format}: the exit code does not depend on the format`, () => {
      const run = runPlain(['lint', '--format', format], path.join(FIXTURES, 'mixed'));
      assert.equal(run.status, 1);
      assert.doesNotThrow(() => JSON.parse(run.stdout), 'stdout stays machine-readable');
    });
  }

  test('--max-warnings 0 with one warning', () => {
    const run = runPlain(['lint', '--max-warnings', '0'], ONE_WARNING);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '1 warning exceeds --max-warnings 0\n');
  });

  test('more warnings than --max-warnings N', (t) => {
    const folder = tempFolder(t);
    const text = fixtureText('warnings/duplicate-key.action.json');
    writeFile(folder, 'one.action.json', text);
    writeFile(folder, 'two.action.json', text.replace('Cancel subscription', 'Pause subscription'));
    // The two near-copies also overlap (description-overlap); this test counts the duplicate-key warnings only.
    const lint = (max: string) => runPlain(['lint', '--max-warnings', max, '--rule', 'description-overlap=off'], folder);
    assert.equal(lint('2').status, 0, 'two warnings are not more than 2');
    const over = lint('1');
    assert.equal(over.status, 1);
    assert.match(over.stderr, /^2 warnings exceed --max-warnings 1\n$/);
  });

  test('an error even when warnings are allowed', () => {
    assert.equal(runPlain(['lint', '--max-warnings', '100'], path.join(FIXTURES, 'mixed')).status, 1);
  });
});
