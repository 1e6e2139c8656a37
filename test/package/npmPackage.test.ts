// The command-line package: `npm run pack:cli` in a temp copy of the repository, then the tarball installed into an
// empty folder (no registry: it has no dependencies) and used there as a team's CI would, through npx.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyRepository } from './workCopy';

/** A deadline for the production build plus npm pack, not a sleep. */
const PACK_DEADLINE_MS = 300_000;
/** What the tarball may hold (npm names every file under package/). */
const ALLOWED = [/^package\/package\.json$/, /^package\/(README\.md|LICENSE)$/, /^package\/dist\/[^/]+\.js$/, /^package\/dist\/[^/]+\.json\.br$/, /^package\/dist\/(language-data|chunks)\/.+$/, /^package\/schemas\/[^/]+\.json$/, /^package\/docs\/[^/]+\.md$/];

const VALID_ACTION = {
  name: 'Look up order',
  description: 'Look up one order by its numeric order ID and return its status, carrier and tracking number.',
  method: 'GET',
  endpoint: 'https://api.example.com/orders/{order_id}',
  parameters: [{ name: 'order_id', in: 'path', description: 'Numeric order ID from the confirmation email', required: true, schema: { type: 'integer' } }],
  restrictedToSegments: ['customers'],
  channels: ['widget'],
};

describe('the npm package of the CLI', () => {
  let work = '';
  let tarball = '';
  let project = '';

  const npx = (args: string[]): SpawnSyncReturns<string> =>
    spawnSync('npx', ['--offline', '--no-install', ...args], { cwd: project, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });

  before(() => {
    work = copyRepository('opencx-npm-');
    const packed = spawnSync('npm', ['run', '--silent', 'pack:cli'], { cwd: work, encoding: 'utf8', timeout: PACK_DEADLINE_MS });
    assert.equal(packed.status, 0, `npm run pack:cli failed:\n${packed.stdout}\n${packed.stderr}`);
    tarball = packed.stdout.trim().split('\n').at(-1) ?? '';
    assert.ok(fs.existsSync(tarball), `the last line names the tarball: ${packed.stdout}`);
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-npm-project-'));
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "a-team", "private": true }\n');
    const installed = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    assert.equal(installed.status, 0, `npm install of the tarball failed:\n${installed.stdout}\n${installed.stderr}`);
  });

  after(() => {
    for (const dir of [work, project]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('holds only the bundles, schemas, docs, README, LICENSE and manifest', () => {
    const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    const names = listed.stdout.split('\n').filter(Boolean);
    assert.ok(names.includes('package/dist/cli.js'), names.join('\n'));
    assert.ok(names.some((n) => n.startsWith('package/schemas/')), 'schemas are shipped');
    assert.deepEqual(names.filter((n) => !ALLOWED.some((p) => p.test(n))), [], 'nothing else');
    const size = fs.statSync(tarball).size;
    console.log(`npm package: ${(size / 1024).toFixed(1)} KB, ${names.length} files`);
  });

  test('every bin of the manifest is installed and runs', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/opencx-actions/package.json'), 'utf8')) as { bin: Record<string, string>; dependencies?: object };
    assert.equal(manifest.dependencies, undefined, 'self-contained bundles: nothing to download in CI');
    assert.ok(Object.keys(manifest.bin).includes('opencx-actions'));
    for (const bin of Object.keys(manifest.bin)) assert.ok(fs.existsSync(path.join(project, 'node_modules/.bin', bin)), `${bin} is linked`);
  });

  test('`npx opencx-actions lint` in a fresh folder: a clean action passes', () => {
    fs.mkdirSync(path.join(project, 'actions'), { recursive: true });
    fs.writeFileSync(path.join(project, 'actions/look-up-order.action.json'), JSON.stringify(VALID_ACTION, null, 2));
    const run = npx(['opencx-actions', 'lint', 'actions']);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /no problems \(1 file checked\)/);
  });

  test('`npx opencx-actions lint` fails the build on an error, with its place', () => {
    fs.mkdirSync(path.join(project, 'broken'), { recursive: true });
    fs.writeFileSync(path.join(project, 'broken/bad.action.json'), JSON.stringify({ ...VALID_ACTION, method: 'FETCH' }, null, 2));
    const run = npx(['opencx-actions', 'lint', 'broken', '--format', 'json']);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    const findings = JSON.parse(run.stdout) as { code: string; line: number }[];
    assert.deepEqual(findings.map((f) => f.code), ['invalid-value']);
  });
});
