// docs/ci.md's recipes, as written: the GitHub workflow passes a workflow linter (action-validator, GitHub's
// workflow schema), and the commands of each recipe run against a copy of the examples with the outcome promised.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { CLI, ROOT, tempFolder } from './cliHarness';
import { assertValidSarif } from './sarifSchema';

const DOC = fs.readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');

/** The fenced block after `<!-- recipe: NAME -->`. */
function recipe(name: string): string {
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(DOC);
  assert.ok(match, `docs/ci.md has the ${name} recipe`);
  return match[1];
}

/** The recipe's command, with `npx opencx-actions` pointing at this build (the npm package is tested in test/package). */
const local = (command: string) => command.replace(/npx (--no-install )?opencx-actions/g, `"${process.execPath}" "${CLI}"`);

/** A project like a team's: the examples' actions and config, plus one broken action when asked. */
function project(t: TestContext, broken = false): string {
  const folder = tempFolder(t);
  fs.cpSync(path.join(ROOT, 'examples/actions'), path.join(folder, 'actions'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'examples/opencx.config.json'), path.join(folder, 'opencx.config.json'));
  if (broken) fs.copyFileSync(path.join(ROOT, 'examples/broken/track-parcel.action.json'), path.join(folder, 'actions/track-parcel.action.json'));
  return folder;
}

const sh = (script: string, cwd: string) => spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('docs/ci.md recipes', () => {
  test('the GitHub workflow passes the workflow linter', (t) => {
    const file = path.join(tempFolder(t), 'opencx-actions.yml');
    fs.writeFileSync(file, recipe('github-workflow'));
    const lint = spawnSync(path.join(ROOT, 'node_modules/.bin/action-validator'), [file], { encoding: 'utf8' });
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);
  });

  test('the linter has teeth: a workflow with a misspelt key fails it', (t) => {
    const file = path.join(tempFolder(t), 'bad.yml');
    fs.writeFileSync(file, recipe('github-workflow').replace('runs-on:', 'runs_on:'));
    assert.equal(spawnSync(path.join(ROOT, 'node_modules/.bin/action-validator'), [file]).status, 1);
  });

  test('the workflow\'s lint step writes valid SARIF, passes on the examples and fails on an error', (t) => {
    const step = /run: (npx opencx-actions lint .*)$/m.exec(recipe('github-workflow'))?.[1];
    assert.ok(step, 'the workflow has a lint step');
    const clean = project(t);
    assert.equal(sh(local(step), clean).status, 0);
    assertValidSarif(JSON.parse(fs.readFileSync(path.join(clean, 'opencx.sarif'), 'utf8')));
    const broken = project(t, true);
    assert.equal(sh(local(step), broken).status, 1);
    const log = JSON.parse(fs.readFileSync(path.join(broken, 'opencx.sarif'), 'utf8'));
    assert.deepEqual(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['invalid-value']);
  });

  test('the GitLab job writes the Code Quality report its artifacts name', (t) => {
    const job = recipe('gitlab-job');
    const command = /- (npx opencx-actions lint .*)$/m.exec(job)?.[1];
    const artifact = /codequality: (\S+)/.exec(job)?.[1];
    assert.ok(command && artifact);
    const broken = project(t, true);
    assert.equal(sh(local(command), broken).status, 1);
    const issues = JSON.parse(fs.readFileSync(path.join(broken, artifact), 'utf8')) as { check_name: string; location: { path: string } }[];
    assert.deepEqual(issues.map((i) => [i.check_name, i.location.path]), [['invalid-value', 'actions/track-parcel.action.json']]);
  });

  test('the pre-commit hook refuses a commit with a broken action and lets a clean one through', (t) => {
    const repo = project(t);
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    fs.writeFileSync(path.join(repo, '.git/hooks/pre-commit'), local(recipe('pre-commit')), { mode: 0o755 });
    git('add', '.');
    assert.equal(git('commit', '-qm', 'clean actions').status, 0, 'a clean commit passes');
    fs.copyFileSync(path.join(ROOT, 'examples/broken/track-parcel.action.json'), path.join(repo, 'actions/track-parcel.action.json'));
    git('add', '.');
    const refused = git('commit', '-qm', 'broken action');
    assert.equal(refused.status, 1, refused.stdout + refused.stderr);
    assert.match(refused.stdout + refused.stderr, /method must be one of GET, POST, PUT, PATCH, DELETE/);
    fs.writeFileSync(path.join(repo, 'README.txt'), 'not an action');
    git('reset', '-q');
    git('add', 'README.txt');
    assert.equal(git('commit', '-qm', 'no action changed').status, 0, 'commits that touch no action skip the lint');
  });
});
