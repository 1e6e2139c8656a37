// Which files `lint` reads, and how it shows their paths.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES, fixtureText, parseJsonOutput, runPlain, tempFolder, writeFile } from './cliHarness';
import { CHECKED, writeFileSetTree } from './fileSetTree';

const BROKEN = fixtureText('syntax/trailing-comma.action.json');
const CLEAN = fixtureText('clean/get-invoice.action.json');

/** The files a run reported findings for, in output order, without repeats. */
function filesWithFindings(stdout: string): string[] {
  return [...new Set(parseJsonOutput({ status: 0, stdout, stderr: '' }).map((f) => f.file))];
}

describe('lint with no path', () => {
  test('searches the current folder recursively and skips node_modules, .git, dist and out', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'top.action.json', BROKEN);
    writeFile(folder, 'a/b/deep.action.json', BROKEN);
    writeFile(folder, 'a/opencx.config.json', '{ "segments": "everyone" }');
    for (const skipped of ['node_modules/pkg', '.git', 'dist', 'out', 'a/node_modules']) {
      writeFile(folder, `${skipped}/skipped.action.json`, BROKEN);
    }
    writeFile(folder, 'notes.json', '{ broken');
    writeFile(folder, 'readme.action.json.bak', '{ broken');
    writeFile(folder, 'clean.action.json', CLEAN);

    const json = runPlain(['lint', '--format', 'json'], folder);
    assert.equal(json.status, 1);
    assert.deepEqual(filesWithFindings(json.stdout), ['a/b/deep.action.json', 'a/opencx.config.json', 'top.action.json']);

    const stylish = runPlain(['lint'], folder);
    assert.match(stylish.stdout, /in 4 files checked\n$/, 'three broken files and the clean one; nothing else was read');
  });

  test('an empty folder exits 0 and says on stderr that nothing was found', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'package.json', '{}');
    const run = runPlain(['lint'], folder);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '✔ no problems (0 files checked)\n');
    assert.equal(run.stderr, 'note: no *.action.json or opencx.config.json file found\n');
  });
});

describe('lint with paths', () => {
  test('mixes files and folders, and reads each file once', () => {
    const run = runPlain(['lint', '--format', 'json', 'syntax/trailing-comma.action.json', 'mixed', 'syntax', './syntax/'], FIXTURES);
    assert.equal(run.status, 1);
    assert.deepEqual(filesWithFindings(run.stdout), ['mixed/insecure.action.json', 'mixed/nested/headers.action.json', 'syntax/trailing-comma.action.json']);
    const syntaxFindings = parseJsonOutput(run).filter((f) => f.file === 'syntax/trailing-comma.action.json');
    assert.equal(syntaxFindings.length, 1, 'a file named twice is linted once');
  });

  test('counts every file it checked, clean ones included', () => {
    const run = runPlain(['lint', 'clean', 'warnings/duplicate-key.action.json'], FIXTURES);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /in 3 files checked\n$/);
  });

  test('a file named on the command line is linted whatever its name', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'draft.json', '{ "name": "Draft" }');
    const run = runPlain(['lint', '--format', 'json', 'draft.json'], folder);
    assert.equal(run.status, 1);
    const findings = parseJsonOutput(run);
    assert.ok(findings.length > 0 && findings.every((f) => f.file === 'draft.json'), run.stdout);
    assert.ok(findings.some((f) => f.code === 'too-short' || f.code === 'missing-property'), 'linted as an action');
  });

  test('paths are relative to the current folder, with forward slashes', (t) => {
    const folder = tempFolder(t);
    writeFile(folder, 'team/billing/refund.action.json', BROKEN);
    const fromTop = runPlain(['lint', '--format', 'json', path.join(folder, 'team')], folder);
    assert.deepEqual(filesWithFindings(fromTop.stdout), ['team/billing/refund.action.json']);
    const fromInside = runPlain(['lint', '--format', 'json', 'billing'], path.join(folder, 'team'));
    assert.deepEqual(filesWithFindings(fromInside.stdout), ['billing/refund.action.json']);
    const stylish = runPlain(['lint'], folder);
    assert.ok(stylish.stdout.startsWith('team/billing/refund.action.json\n'), stylish.stdout);
  });

  test('a file outside the current folder is shown by its absolute path', (t) => {
    const folder = tempFolder(t);
    const file = writeFile(folder, 'outside/x.action.json', BROKEN);
    const run = runPlain(['lint', '--format', 'json', '../outside/x.action.json'], path.dirname(writeFile(folder, 'here/keep', '')));
    assert.deepEqual(filesWithFindings(run.stdout), [file]);
  });
});

describe('one file set: .gitignore, .opencxignore, dependency and build folders, links', () => {
  test('lint with no path checks exactly the files the set keeps, each real file once', (t) => {
    const folder = tempFolder(t);
    writeFileSetTree(folder);
    const run = runPlain(['lint', '--format', 'json'], folder);
    assert.equal(run.status, 1, run.stderr);
    const findings = parseJsonOutput(run);
    assert.deepEqual(filesWithFindings(run.stdout), CHECKED);
    const duplicates = findings.filter((f) => f.code === 'duplicate-action-name');
    assert.deepEqual(duplicates.map((f) => f.file), CHECKED, 'one duplicate-name finding on each file checked');
    for (const finding of duplicates) {
      const others = CHECKED.filter((f) => f !== finding.file);
      assert.deepEqual((finding.related as { file: string }[]).map((r) => r.file).sort(), others, `${finding.file}: the duplicates it names`);
    }
    assert.match(runPlain(['lint'], folder).stdout, /in 4 files checked\n$/, 'nothing left out was read, and no link counted twice');
  });

  test('lint with the folder named gives the same set, from the folder above and from a folder beside it', (t) => {
    const folder = tempFolder(t);
    writeFileSetTree(path.join(folder, 'repo'));
    const named = runPlain(['lint', '--format', 'json', 'repo'], folder);
    assert.deepEqual(filesWithFindings(named.stdout), CHECKED.map((f) => `repo/${f}`));
    const elsewhere = path.dirname(writeFile(folder, 'elsewhere/keep', ''));
    const absolute = runPlain(['lint', '--format', 'json', path.join(folder, 'repo')], elsewhere);
    assert.deepEqual(filesWithFindings(absolute.stdout), CHECKED.map((f) => path.join(folder, 'repo', f)));
  });

  test('a folder inside is checked with the ignore files above it; an ignored folder named outright is checked', (t) => {
    const folder = tempFolder(t);
    writeFileSetTree(folder);
    const scratch = runPlain(['lint', '--format', 'json', 'scratch'], folder);
    assert.deepEqual(filesWithFindings(scratch.stdout), [], 'scratch/shared alone has no duplicate in this run');
    assert.match(runPlain(['lint', 'scratch'], folder).stdout, /1 file checked\)?\n$/, 'scratch/other stays left out');
    assert.match(runPlain(['lint', 'drafts'], folder).stdout, /1 file checked\)?\n$/, 'drafts/ is left out by .opencxignore, but named');
    assert.match(runPlain(['lint', 'generated/d.action.json', 'sub/local-e.action.json'], folder).stdout, /2 files checked\)?\n$/, 'files named are checked');
  });
});
