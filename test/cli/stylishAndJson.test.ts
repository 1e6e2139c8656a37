// The two formats people and scripts read: stylish (exact text, with and without colours) and json.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { EXAMPLES, FIXTURES, ROOT, parseJsonOutput, runCli, runPlain, type JsonFinding } from './cliHarness';

const FETCH_MESSAGE = 'method must be one of GET, POST, PUT, PATCH, DELETE; got "FETCH"';
const ESC = '\u001b';

describe('stylish', () => {
  test('the examples, from the repository root (NO_COLOR)', () => {
    const run = runPlain(['lint', 'examples'], ROOT);
    assert.equal(run.stdout, [
      'examples/broken/track-parcel.action.json',
      `  5:13  error    ${FETCH_MESSAGE}  invalid-value`,
      '',
      '✖ 1 problem (1 error, 0 warnings, 0 info) in 7 files checked',
      '',
    ].join('\n'));
    assert.ok(!run.stdout.includes(ESC), 'no colour codes with NO_COLOR');
  });

  test('the examples, from inside the folder', () => {
    const run = runPlain(['lint'], EXAMPLES);
    assert.ok(run.stdout.startsWith(`broken/track-parcel.action.json\n  5:13  error    ${FETCH_MESSAGE}`), run.stdout);
  });

  test('several files, errors and warnings, positions aligned per file', () => {
    const run = runPlain(['lint'], path.join(FIXTURES, 'mixed'));
    assert.equal(run.stdout, [
      'insecure.action.json',
      '  3:18  error    description must be at least 20 characters; got 19. It is prompt text the AI reads to choose a tool, not an internal note.  too-short',
      '  5:15  error    endpoint uses http://, which OpenCX never calls: use "https://api.example/orders"  insecure-endpoint',
      '  6:3   error    body is only sent with POST, PUT or PATCH; OpenCX sends no body with GET: remove body or set it to null  body-not-allowed',
      '  9:3   error    "tag" is not a property of the action; did you mean "tags"?  unknown-property',
      '',
      'nested/headers.action.json',
      '  6:59  error    headers.X-Retries must be a string or a magic field { "magic": "contact.email" }; got a number (3)  wrong-type',
      '  6:62  warning  "Accept" is already defined on line 6; JSON keeps only the last value, so the earlier one is ignored  duplicate-key',
      '',
      '✖ 6 problems (5 errors, 1 warning, 0 info) in 2 files checked',
      '',
    ].join('\n'));
  });

  test('FORCE_COLOR paints the file, position, severity, code and summary', () => {
    const run = runCli(['lint', 'examples'], ROOT, { FORCE_COLOR: '1' });
    assert.equal(run.stdout, [
      `${ESC}[4mexamples/broken/track-parcel.action.json${ESC}[24m`,
      `  ${ESC}[2m5:13${ESC}[22m  ${ESC}[31merror  ${ESC}[39m  ${FETCH_MESSAGE}  ${ESC}[2minvalid-value${ESC}[22m`,
      '',
      `${ESC}[31m${ESC}[1m✖ 1 problem (1 error, 0 warnings, 0 info) in 7 files checked${ESC}[22m${ESC}[39m`,
      '',
    ].join('\n'));
  });

  test('FORCE_COLOR paints warnings yellow', () => {
    const run = runCli(['lint'], path.join(FIXTURES, 'warnings'), { FORCE_COLOR: '1' });
    assert.ok(run.stdout.includes(`${ESC}[33mwarning${ESC}[39m`), JSON.stringify(run.stdout));
    assert.ok(run.stdout.includes(`${ESC}[33m${ESC}[1m✖ 1 problem (0 errors, 1 warning, 0 info)`), JSON.stringify(run.stdout));
  });

  test('no colours when stdout is not a terminal, or with FORCE_COLOR=0', () => {
    assert.ok(!runCli(['lint', 'examples'], ROOT).stdout.includes(ESC));
    assert.ok(!runCli(['lint', 'examples'], ROOT, { FORCE_COLOR: '0' }).stdout.includes(ESC));
  });
});

describe('json', () => {
  const finding = (f: Omit<JsonFinding, 'related' | 'severity'> & { severity?: string }): JsonFinding => ({ severity: 'error', related: [], ...f });

  test('the exact array for several files: 1-based positions, end exclusive', () => {
    const run = runPlain(['lint', '--format', 'json'], path.join(FIXTURES, 'mixed'));
    assert.deepEqual(parseJsonOutput(run), [
      finding({
        file: 'insecure.action.json', line: 3, column: 18, endLine: 3, endColumn: 39, code: 'too-short',
        message: 'description must be at least 20 characters; got 19. It is prompt text the AI reads to choose a tool, not an internal note.',
      }),
      finding({
        file: 'insecure.action.json', line: 5, column: 15, endLine: 5, endColumn: 42, code: 'insecure-endpoint',
        message: 'endpoint uses http://, which OpenCX never calls: use "https://api.example/orders"',
      }),
      finding({
        file: 'insecure.action.json', line: 6, column: 3, endLine: 6, endColumn: 9, code: 'body-not-allowed',
        message: 'body is only sent with POST, PUT or PATCH; OpenCX sends no body with GET: remove body or set it to null',
      }),
      finding({
        file: 'insecure.action.json', line: 9, column: 3, endLine: 9, endColumn: 8, code: 'unknown-property',
        message: '"tag" is not a property of the action; did you mean "tags"?',
      }),
      finding({
        file: 'nested/headers.action.json', line: 6, column: 59, endLine: 6, endColumn: 60, code: 'wrong-type',
        message: 'headers.X-Retries must be a string or a magic field { "magic": "contact.email" }; got a number (3)',
      }),
      finding({
        file: 'nested/headers.action.json', line: 6, column: 62, endLine: 6, endColumn: 70, severity: 'warning', code: 'duplicate-key',
        message: '"Accept" is already defined on line 6; JSON keeps only the last value, so the earlier one is ignored',
      }),
    ]);
    assert.equal(run.stderr, '');
  });

  test('the examples: the one broken file, its range on "FETCH"', () => {
    const run = runPlain(['lint', '--format', 'json', 'examples'], ROOT);
    assert.deepEqual(parseJsonOutput(run), [
      finding({ file: 'examples/broken/track-parcel.action.json', line: 5, column: 13, endLine: 5, endColumn: 20, code: 'invalid-value', message: FETCH_MESSAGE }),
    ]);
  });

  test('a syntax error is placed on the offending character', () => {
    const run = runPlain(['lint', '--format', 'json'], path.join(FIXTURES, 'syntax'));
    assert.deepEqual(parseJsonOutput(run), [
      finding({
        file: 'trailing-comma.action.json', line: 6, column: 49, endLine: 6, endColumn: 50, code: 'json-syntax',
        message: 'trailing comma: JSON allows no "," before a closing bracket',
      }),
    ]);
  });

  test('a clean folder prints an empty array and nothing else', () => {
    const run = runPlain(['lint', '--format', 'json'], path.join(FIXTURES, 'clean'));
    assert.equal(run.stdout, '[]\n');
    assert.equal(run.stderr, '');
  });
});
