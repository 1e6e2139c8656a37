// `npm run package`, run in a temp copy of the repository so that the dev build in dist/ (which the other
// layers run) is never replaced by a production one; then the .vsix is checked for its contents and size.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyRepository, ROOT } from './workCopy';
import { listZip, readZipEntry, type ZipEntry } from './zipReader';

const VSIX_NAME = 'opencx-actions.vsix';
/**
 * The .vsix without dist/language-data/ (the overlap rule's lazily loaded data, limited on its own): 1.62 MB in
 * docs/performance.md's measure on the perf branch, 1.82 MB once the sync (dist/sync.js) and routing (dist/router.js)
 * commands and the icon landed beside it; the goal is 1.5 MB (see there for what stands in the way).
 */
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
const LANGUAGE_DATA = 'extension/dist/language-data/';
/** A deadline for the production build plus vsce, not a sleep. */
const PACKAGE_DEADLINE_MS = 300_000;

/** What may be in extension/ (the .vscodeignore allow-list, as vsce names the files); bundles only, of any name. */
const ALLOWED: RegExp[] = [
  /^dist\/.+\.js$/,
  /^dist\/[^/]+\.json\.br$/,
  /^schemas\/[^/]+\.json$/,
  /^syntaxes\/[^/]+\.json$/,
  /^docs\/[^/]+\.md$/,
  /^media\/.+$/,
  /^(package\.json|readme\.md|changelog\.md|LICENSE\.txt|language-configuration\.json)$/,
];

const FORBIDDEN: { what: string; test: (name: string) => boolean }[] = [
  { what: 'TypeScript sources', test: (n) => /\.tsx?$/.test(n) },
  { what: 'source maps', test: (n) => n.endsWith('.map') },
  { what: 'node_modules', test: (n) => n.includes('node_modules/') },
  { what: 'tests', test: (n) => n.startsWith('extension/test/') },
  { what: 'test bundles', test: (n) => n.startsWith('extension/out/') },
  { what: 'examples', test: (n) => n.startsWith('extension/examples/') },
  { what: 'scripts and CI', test: (n) => /^extension\/(scripts|\.ci|bench)\//.test(n) },
  { what: 'build configuration', test: (n) => /^extension\/(build\.mjs|tsconfig\.json|package-lock\.json|\.vscodeignore)$/.test(n) },
];

describe('the packaged .vsix', () => {
  let work = '';
  let zip = Buffer.alloc(0);
  let entries: ZipEntry[] = [];
  let names: string[] = [];
  let devBuildHadMaps = false;

  before(() => {
    devBuildHadMaps = fs.existsSync(path.join(ROOT, 'dist/cli.js.map'));
    work = copyRepository('opencx-package-');
    const run = spawnSync('npm', ['run', 'package'], { cwd: work, encoding: 'utf8', timeout: PACKAGE_DEADLINE_MS });
    assert.equal(run.error, undefined, `could not run npm: ${run.error}`);
    assert.equal(run.status, 0, `npm run package failed (${run.signal ?? run.status}):\n${run.stdout}\n${run.stderr}`);
    zip = fs.readFileSync(path.join(work, VSIX_NAME));
    entries = listZip(zip);
    names = entries.map((e) => e.name);
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('is small: under 2 MB without the language data', () => {
    const inExtension = names.filter((n) => n.startsWith('extension/')).length;
    const languageData = entries.filter((e) => e.name.startsWith(LANGUAGE_DATA)).reduce((n, e) => n + e.compressedSize, 0);
    console.log(`vsix: ${(zip.length / 1024).toFixed(1)} KB (${(languageData / 1024).toFixed(1)} KB of language data), ${entries.length} entries (${inExtension} files in extension/)`);
    assert.ok(zip.length - languageData < MAX_VSIX_BYTES, `${zip.length - languageData} bytes without the language data`);
  });

  test('holds the bundles, schemas, grammar, language configuration, docs, README and manifest', () => {
    const expected = [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/LICENSE.txt',
      'extension/language-configuration.json',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/cli.js',
      ...filesIn('schemas', '.json'),
      ...filesIn('syntaxes', '.json'),
      ...filesIn('docs', '.md'),
    ];
    assert.ok(filesIn('schemas', '.json').length >= 2 && filesIn('syntaxes', '.json').length >= 1 && filesIn('docs', '.md').length >= 1);
    for (const name of expected) assert.ok(names.includes(name), `${name} is missing from the .vsix:\n${names.join('\n')}`);
  });

  test('is publishable: its icon is a 128 or 256 px square PNG in the .vsix, and the changelog is packaged', () => {
    const manifest = JSON.parse(readEntry('extension/package.json')) as { icon?: string };
    assert.ok(manifest.icon, 'package.json names an icon');
    const icon = entries.find((e) => e.name === `extension/${path.posix.normalize(manifest.icon!)}`);
    assert.ok(icon, `${manifest.icon} is not in the .vsix`);
    const png = readZipEntry(zip, icon);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'the icon is a PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width === height && (width === 128 || width === 256), `the icon is ${width}×${height}`);
    assert.match(readEntry('extension/changelog.md'), /^## 0\.1\.0/m, 'the changelog has the 0.1.0 entry');
  });

  test('the Marketplace page (the packaged README) shows the run view and the header hover, as absolute HTTPS images', () => {
    const readme = readEntry('extension/readme.md');
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    for (const image of ['docs/images/run-view.png', 'docs/images/header-hover.png']) {
      assert.ok(fs.existsSync(path.join(ROOT, image)), `${image} is committed`);
      assert.match(firstScreen, new RegExp(`src="https://[^"]+/${image.replace(/[./]/g, '\\$&')}"`), `${image} is on the README's first screen, rewritten by vsce`);
    }
  });

  test('the packaged package.json points main and bin at files in the .vsix', () => {
    const manifest = JSON.parse(readEntry('extension/package.json')) as { main: string; bin: Record<string, string> };
    for (const target of [manifest.main, ...Object.values(manifest.bin)]) {
      assert.ok(names.includes(`extension/${path.posix.normalize(target)}`), `${target} is not in the .vsix`);
    }
  });

  test('holds nothing else: no sources, dependencies, tests, test bundles, maps or examples', () => {
    for (const { what, test: matches } of FORBIDDEN) {
      assert.deepEqual(names.filter(matches), [], `${what} must not be packaged`);
    }
    const unexpected = names
      .filter((n) => n.startsWith('extension/'))
      .map((n) => n.slice('extension/'.length))
      .filter((n) => !ALLOWED.some((pattern) => pattern.test(n)));
    assert.deepEqual(unexpected, [], 'every packaged file is on the .vscodeignore allow-list');
  });

  test('every bundle the production build wrote is packaged (a new bundle needs its .vscodeignore line)', () => {
    const built = fs.readdirSync(path.join(work, 'dist'), { recursive: true }).map(String)
      .filter((f) => fs.statSync(path.join(work, 'dist', f)).isFile()).map((f) => `extension/dist/${f.split(path.sep).join('/')}`);
    assert.ok(built.length >= 3, built.join(', '));
    assert.deepEqual(built.filter((f) => !names.includes(f)), []);
  });

  test('the bundles are production builds: minified, without source maps', () => {
    const built = fs.readdirSync(path.join(work, 'dist'), { recursive: true }).map(String);
    assert.deepEqual(built.filter((f) => f.endsWith('.map')), [], '--production writes no source maps');
    for (const bundle of names.filter((n) => /^extension\/dist\/.+\.js$/.test(n))) {
      const text = readEntry(bundle);
      assert.ok(!text.includes('sourceMappingURL'), `${bundle} links a source map`);
      const lines = text.split('\n').length;
      assert.ok(text.length / lines > 200, `${bundle} does not look minified (${lines} lines for ${text.length} characters)`);
    }
    assert.ok(readEntry('extension/dist/cli.js').startsWith('#!/usr/bin/env node\n'), 'the CLI keeps its shebang');
  });

  // The client imports the engine's index.ts like the CLI does; only the engine's "sideEffects": false lets the
  // bundler leave the executor out. Markers: undici's global-dispatcher symbol and the tokenizer's encoding name.
  test('the client bundle leaves undici and openai to chunks/net.js and the tokenizer to tokenizer.js, loaded on first use', () => {
    const client = readEntry('extension/dist/client.js');
    const lazy: [string, string][] = [['undici.globalDispatcher.1', 'extension/dist/chunks/net.js'], ['o200k_base', 'extension/dist/tokenizer.js'], ['X-Stainless-Lang', 'extension/dist/chunks/net.js']];
    for (const [marker, bundle] of lazy) {
      assert.ok(readEntry(bundle).includes(marker), `${bundle} lacks ${marker}: the marker no longer finds the library`);
      assert.ok(!client.includes(marker), `client.js holds ${marker}: the executor was bundled into the extension's activation`);
    }
    for (const bundle of ['extension/dist/runner.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension/dist/sync.js', 'extension/dist/router.js']) {
      assert.ok(!readEntry(bundle).includes('o200k_base'), `${bundle} holds its own copy of the tokenizer table`);
      // One copy of undici and openai, in the lazily loaded chunk: `lint` and the server's index never load them.
      assert.ok(!readEntry(bundle).includes('undici.globalDispatcher.1'), `${bundle} holds its own copy of undici`);
      assert.ok(!readEntry(bundle).includes('X-Stainless-Arch'), `${bundle} holds its own copy of openai`);
    }
    assert.ok(readEntry('extension/dist/chunks/net.js').includes('X-Stainless-Arch'), 'the chunk lacks openai: the marker no longer finds it');
  });

  test('the zip reader agrees with unzip', (t) => {
    const unzip = spawnSync('unzip', ['-Z1', path.join(work, VSIX_NAME)], { encoding: 'utf8' });
    if (unzip.error || unzip.status !== 0) return t.skip('unzip is not installed');
    assert.deepEqual([...names].sort(), unzip.stdout.split('\n').filter(Boolean).sort());
  });

  test('left the dev build in dist/ alone (its source maps are still there)', (t) => {
    if (!devBuildHadMaps) return t.skip('dist/ held no dev build before the test');
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/cli.js.map')), 'dist/ was replaced by a production build');
  });

  function readEntry(name: string): string {
    const entry = entries.find((e) => e.name === name);
    assert.ok(entry, `${name} is not in the .vsix`);
    return readZipEntry(zip, entry).toString('utf8');
  }
});

/** The repository's files of one folder, as the .vsix names them. */
function filesIn(folder: string, extension: string): string[] {
  return fs.readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith(extension)).map((f) => `extension/${folder}/${f}`);
}
