// The command line itself: help, version, usage errors and unreadable input all have fixed exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES, fixtureText, packageVersion, ROOT, runPlain, tempFolder, writeFile } from './cliHarness';

const USAGE_FIRST_LINE = 'Usage: opencx-actions <command> [options]';

describe('help and version', () => {
  test('no arguments prints the usage on stderr and exits 2', () => {
    const run = runPlain([], FIXTURES);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.ok(run.stderr.startsWith(USAGE_FIRST_LINE), run.stderr);
  });

  for (const args of [['--help'], ['-h'], ['help']]) {
    test(`${args.join(' ')} prints the usage on stdout and exits 0`, () => {
      const run = runPlain(args, FIXTURES);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(run.stdout.startsWith(USAGE_FIRST_LINE), run.stdout);
      assert.match(run.stdout, /^ {2}lint \[paths\.\.\.\] +Check \*\.action\.json/m);
      assert.equal(run.stderr, '');
    });
  }

  for (const command of ['lint', 'plan', 'run']) {
    test(`${command} --help prints that command's options only`, () => {
      const run = runPlain([command, '--help'], FIXTURES);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(run.stdout.startsWith(`Usage: opencx-actions ${command} `), run.stdout);
      assert.equal(run.stdout.includes('--max-warnings'), command === 'lint');
      assert.equal(run.stdout.includes('--timeout-ms'), command === 'run');
    });
  }

  for (const flag of ['--version', '-v']) {
    test(`${flag} prints package.json's version`, () => {
      const run = runPlain([flag], FIXTURES);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `${packageVersion()}\n`);
    });
  }
});

describe('usage errors exit 2 with one line and where to read more', () => {
  const cases: { args: string[]; message: RegExp }[] = [
    { args: ['frobnicate'], message: /unknown command "frobnicate"/ },
    { args: ['lint', '--fix'], message: /Unknown option '--fix'/ },
    { args: ['lint', '--format', 'xml'], message: /--format must be one of stylish, json, sarif, gitlab; got "xml"/ },
    { args: ['lint', '--format'], message: /--format/ },
    { args: ['lint', '--max-warnings', 'many'], message: /--max-warnings must be a whole number of 0 or more; got "many"/ },
    { args: ['lint', '--max-warnings=-1'], message: /--max-warnings must be a whole number of 0 or more; got "-1"/ },
    { args: ['lint', '--max-warnings', '1.5'], message: /--max-warnings must be a whole number/ },
    { args: ['lint', '--rule', 'nonsense=off'], message: /--rule: unknown rule code "nonsense"/ },
    { args: ['lint', '--rule', 'vague-descriptoin=off'], message: /unknown rule code "vague-descriptoin"; did you mean "vague-description"\?/ },
  ];
  for (const { args, message } of cases) {
    test(args.join(' '), () => {
      const run = runPlain(args, path.join(FIXTURES, 'clean'));
      assert.equal(run.status, 2, run.stderr);
      assert.equal(run.stdout, '', 'nothing is linted, so nothing goes to stdout');
      assert.match(run.stderr, /^opencx-actions: /);
      assert.match(run.stderr, message);
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, `one line, then the pointer to the help: ${run.stderr}`);
      assert.equal(lines[1], args[0] === 'frobnicate' ? 'see opencx-actions --help' : `see opencx-actions ${args[0]} --help`);
    });
  }
});

describe('unreadable input exits 2 and names the path', () => {
  test('a path that does not exist', () => {
    const run = runPlain(['lint', 'clean', 'no-such.action.json'], FIXTURES);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '', 'no half report when one input is missing');
    assert.equal(run.stderr, 'opencx-actions: cannot read no-such.action.json: no such file or folder\n');
  });

  test('a dangling symlink', (t) => {
    const folder = tempFolder(t);
    fs.symlinkSync(path.join(folder, 'gone.action.json'), path.join(folder, 'link.action.json'));
    const run = runPlain(['lint', 'link.action.json'], folder);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'opencx-actions: cannot read link.action.json: no such file or folder\n');
  });

  test('a FIFO is refused instead of blocking forever', (t) => {
    const folder = tempFolder(t);
    const mkfifo = spawnSync('mkfifo', [path.join(folder, 'pipe.action.json')]);
    if (mkfifo.error || mkfifo.status !== 0) return t.skip('mkfifo is not available on this system');
    const run = runPlain(['lint', 'pipe.action.json'], folder);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'opencx-actions: cannot read pipe.action.json: not a regular file\n');
  });

  test('a socket is refused', async (t) => {
    const folder = tempFolder(t);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(folder, 'sock.action.json'), resolve));
    t.after(() => server.close());
    const run = runPlain(['lint', 'sock.action.json'], folder);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'opencx-actions: cannot read sock.action.json: not a regular file\n');
  });

  test('a file without read permission (chmod 000)', (t) => {
    const folder = tempFolder(t);
    const file = writeFile(folder, 'secret.action.json', fixtureText('clean/get-invoice.action.json'));
    fs.chmodSync(file, 0o000);
    if (canRead(file)) {
      return t.skip('chmod 000 does not block reads here (running as root); the FIFO, socket and symlink cases cover unreadable input');
    }
    const run = runPlain(['lint', 'secret.action.json'], folder);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'opencx-actions: cannot read secret.action.json: permission denied\n');
  });
});

function canRead(file: string): boolean {
  try {
    fs.readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

describe('--param values are checked against their schema, as the editor checks them', () => {
  for (const command of ['plan', 'run'] as const) {
    test(`${command} --param order_id=abc for an integer: one line, exit 2, nothing sent`, () => {
      const run = runPlain([command, 'actions/look-up-order.action.json', '--param', 'order_id=abc'], path.join(ROOT, 'examples'));
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /^opencx-actions: --param order_id=abc: /);
    });
  }
});
