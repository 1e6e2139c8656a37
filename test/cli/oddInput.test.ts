// The CLI on odd input (issue 8, item 5): symbolic links followed once, a timeout out of range, a reader that
// closes the pipe early, an internal error, and a value the URL encoder rejects. Never a stack.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli as runCliInProcess } from '../../server/src/cli/cli';
import { CLI, fixtureText, parseJsonOutput, runPlain, tempFolder, writeFile } from './cliHarness';

const BROKEN = fixtureText('syntax/trailing-comma.action.json');
const CLEAN = fixtureText('clean/get-invoice.action.json');

describe('lint follows symbolic links', () => {
  test('a linked file and a linked folder are linted; a link and its target count once, by real path', (t) => {
    const folder = tempFolder(t);
    const shared = tempFolder(t);
    writeFile(shared, 'linked-broken.action.json', BROKEN);
    writeFile(shared, 'nested/deep.action.json', BROKEN);
    writeFile(folder, 'real/clean.action.json', CLEAN);
    fs.symlinkSync(path.join(shared, 'linked-broken.action.json'), path.join(folder, 'file-link.action.json'));
    fs.symlinkSync(path.join(shared, 'nested'), path.join(folder, 'folder-link'));
    fs.symlinkSync(path.join(folder, 'real/clean.action.json'), path.join(folder, 'also-clean.action.json'));

    const run = runPlain(['lint', '--format', 'json'], folder);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual([...new Set(parseJsonOutput(run).map((f) => f.file))], ['file-link.action.json', 'folder-link/deep.action.json']);
    assert.ok(!parseJsonOutput(run).some((f) => f.code === 'duplicate-action-name'), 'a link and its target are one file, not two actions with one name');
    const stylish = runPlain(['lint'], folder);
    assert.match(stylish.stdout, /in 3 files checked\n$/, 'clean.action.json once (by its own path), and the two linked ones');
    assert.doesNotMatch(stylish.stdout, /also-clean/);
  });

  test('a link loop ends (each folder is entered once by its real path)', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a/one.action.json', BROKEN);
    fs.symlinkSync(folder, path.join(folder, 'a/back-to-top'));
    fs.symlinkSync(path.join(folder, 'a'), path.join(folder, 'a/self'));
    const run = runPlain(['lint', '--format', 'json'], folder);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual([...new Set(parseJsonOutput(run).map((f) => f.file))], ['a/one.action.json']);
  });

  test('a dangling link named like an action is an unreadable input (exit 2), not silently skipped', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'clean.action.json', CLEAN);
    fs.symlinkSync(path.join(folder, 'gone.action.json'), path.join(folder, 'missing.action.json'));
    fs.symlinkSync(path.join(folder, 'gone.txt'), path.join(folder, 'notes.txt'));
    const run = runPlain(['lint'], folder);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, `opencx-actions: cannot read ${path.join(folder, 'missing.action.json')}: no such file or folder (a symbolic link whose target is missing)\n`);
  });
});

describe('lint … | head -1', () => {
  test('exits quietly when the reader closes the pipe early', (t) => {
    const folder = tempFolder(t);
    // Far more output than a pipe holds (64 KiB), so the CLI is still writing when head exits.
    for (let i = 0; i < 400; i++) writeFile(folder, `a${i}.action.json`, '{ "name": "x", "method": "FETCH", "endpoint": "http://a" }');
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" lint | head -1; exit "\${PIPESTATUS[0]}"`], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
    assert.equal(run.stdout, 'a0.action.json\n');
    assert.equal(run.stderr, '', 'no EPIPE stack');
    assert.equal(run.status, 1, 'the exit code of the findings, not a crash');
  });
});

describe('an internal error', () => {
  /** A bug stand-in: an output stream that fails with something other than a closed pipe. */
  const failing = () => ({ write(): boolean { throw new Error('disk on fire\nsecond line'); } });
  const context = (stderr: string[], cwd: string) => ({
    cwd, env: {}, stdout: failing(), stderr: { write: (text: string) => stderr.push(text) },
    tool: { name: 'opencx-actions', version: '0.0.0', informationUri: 'https://example.com' },
  });

  test('prints one line and how to see the stack', async (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'clean.action.json', CLEAN);
    const stderr: string[] = [];
    assert.equal(await runCliInProcess(['lint'], context(stderr, folder)), 2);
    assert.deepEqual(stderr, ['opencx-actions: internal error: Error: disk on fire (run with --debug for the stack)\n']);
  });

  test('--debug (anywhere on the line) prints the stack', async (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'clean.action.json', CLEAN);
    const stderr: string[] = [];
    assert.equal(await runCliInProcess(['lint', '--debug'], context(stderr, folder)), 2);
    assert.equal(stderr.length, 1);
    assert.match(stderr[0], /^opencx-actions: internal error: Error: disk on fire\nsecond line\n {4}at /);
  });

  test('--debug does not change a normal run', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'clean.action.json', CLEAN);
    assert.deepEqual(runPlain(['--debug', 'lint'], folder), runPlain(['lint'], folder));
  });
});

describe('a value the URL encoder rejects (a lone surrogate)', () => {
  const text = JSON.stringify({
    name: 'Look up order',
    description: 'Look up an order by its numeric order ID and return its shipping status.',
    method: 'GET',
    endpoint: 'https://api.acme.com/orders',
    parameters: [{ name: 'fields', in: 'query', value: 'a\ud800' }],
    restrictedToSegments: [],
  }, null, 2);
  const place = `${text.split('\n').findIndex((l) => l.includes('a\\ud800')) + 1}:${text.split('\n').find((l) => l.includes('a\\ud800'))!.indexOf('"a\\ud800"') + 1}`;
  const message = 'the static value of query parameter "fields" holds a lone surrogate (\\ud800), which has no UTF-8 form: encodeURIComponent rejects it, so the request can never be sent; remove it or write the whole character';

  test('lint reports an error at the value', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a.action.json', text);
    const run = runPlain(['lint', '--format', 'json'], folder);
    assert.equal(run.status, 1);
    const found = parseJsonOutput(run).filter((f) => f.code === 'unencodable-value');
    assert.deepEqual(found.map((f) => [`${f.line}:${f.column}`, f.severity, f.message]), [[place, 'error', message]]);
  });

  test('plan exits 1 with the field and its place, no stack', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a.action.json', text);
    const run = runPlain(['plan', 'a.action.json'], folder);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `opencx-actions: a.action.json cannot be planned:\n  a.action.json:${place}: ${message}\n`);
  });

  test('run exits 1 with one line naming the field, and sends nothing', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'a.action.json', text);
    const run = runPlain(['run', 'a.action.json', '--timeout-ms', '100'], folder);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `opencx-actions: a.action.json cannot be run: ${message}\n`);
  });
});
