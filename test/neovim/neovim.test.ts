// The Neovim layer (issue 13, item 7): a headless Neovim 0.7.2 (Debian's, installed by scripts/setup-system.sh)
// with the README's configuration (editors/neovim/opencx.lua, `opencx-language-server` found on PATH) drives the
// bundled server through test/neovim/scenarios.lua; each scenario is one test here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SERVER_JS = path.join(REPO_ROOT, 'dist/server.js');
const LUA_DIR = path.join(REPO_ROOT, 'editors/neovim');
const NVIM_TIMEOUT_MS = 180_000;
/** The server checks every 3 s that its parent (Neovim, by the processId it was given) is alive. */
const EXIT_WAIT_MS = 10_000;

interface Outcome {
  ok: boolean;
  detail: string;
}
type Results = Record<string, Outcome> & { server_pid?: number; log_path?: string };

/** Whether a process runs; a zombie (ended, not yet reaped by whoever adopted it) does not count. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z /.test(stat);
}

describe('Neovim 0.7 with the README configuration', () => {
  let temp: string;
  let results: Results = {} as Results;
  let run: ReturnType<typeof spawnSync>;
  let log = '';

  before(() => {
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-nvim-')));
    const workspace = path.join(temp, 'workspace');
    fs.cpSync(path.join(REPO_ROOT, 'test/fixtures/neovim'), workspace, { recursive: true });
    fs.rmSync(path.join(workspace, 'README.md'));
    // `opencx-language-server` on PATH, as `npm link` in a clone puts it (README, Other editors).
    const bin = path.join(temp, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(SERVER_JS, path.join(bin, 'opencx-language-server'));
    const resultsFile = path.join(temp, 'results.json');
    run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(REPO_ROOT, 'test/neovim/scenarios.lua')}`], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: NVIM_TIMEOUT_MS,
      env: {
        ...process.env,
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        XDG_CACHE_HOME: path.join(temp, 'cache'),
        XDG_CONFIG_HOME: path.join(temp, 'config'),
        XDG_DATA_HOME: path.join(temp, 'data'),
        XDG_STATE_HOME: path.join(temp, 'state'),
        OPENCX_NVIM_LUA_DIR: LUA_DIR,
        OPENCX_NVIM_WORKSPACE: workspace,
        OPENCX_NVIM_RESULTS: resultsFile,
      },
    });
    if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Results;
    if (results.log_path && fs.existsSync(results.log_path)) log = fs.readFileSync(results.log_path, 'utf8');
  });
  after(() => {
    fs.rmSync(temp, { recursive: true, force: true });
  });

  it('Neovim ran the scenarios and quit cleanly', () => {
    assert.equal(run.error, undefined, `nvim could not run (is Debian's neovim installed? scripts/setup-system.sh): ${String(run.error)}`);
    assert.equal(run.status, 0, `nvim exited ${run.status}\n${String(run.stdout)}\n${String(run.stderr)}`);
    assert.ok(Object.keys(results).length > 0, `no results written\n${String(run.stderr)}`);
  });

  for (const name of ['diagnostics', 'hover', 'completion with documentation', 'definition', 'quick fix applied', 'credential moved into a secret', 'pushed settings', 'file changed on disk', 'server commands advertised']) {
    it(name, () => {
      const outcome = results[name];
      assert.ok(outcome, `scenario "${name}" did not run`);
      assert.ok(outcome.ok, outcome.detail);
    });
  }

  it('the server exited with Neovim: no process is left', async () => {
    const pid = results.server_pid;
    assert.ok(typeof pid === 'number', 'the server\'s pid was recorded');
    // Neovim sends shutdown and exit as it quits; on a loaded machine the process may take a moment to end.
    const deadline = Date.now() + EXIT_WAIT_MS;
    while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(alive(pid), false, `server ${pid} still running ${EXIT_WAIT_MS} ms after Neovim quit`);
  });

  it('the LSP log holds no error and no warning (no registration the client did not offer, no unknown command)', () => {
    assert.ok(log.length > 0, 'the debug log was written');
    const bad = log.split('\n').filter((line) => /^\[(ERROR|WARN)\]/.test(line));
    assert.deepEqual(bad, []);
  });

  it('the README shows this configuration, word for word', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const config = fs.readFileSync(path.join(LUA_DIR, 'opencx.lua'), 'utf8');
    assert.ok(readme.includes(`\`\`\`lua\n${config}\`\`\``), 'README.md contains editors/neovim/opencx.lua in a lua block');
  });
});
