#!/usr/bin/env node
// `npm run pack:cli`: the command-line package (`opencx-actions`, `opencx-language-server`) as an npm tarball.
// vsce refuses a `files` list beside .vscodeignore, so the npm package is assembled in its own folder, build/npm/,
// from the production build in dist/: the bundles the bins name (each self-contained: no dependencies to install),
// the schemas, the docs, README and LICENSE. Then `npm pack` writes build/opencx-actions-<version>.tgz.
// Prints the tarball's path on the last line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, 'build/npm');
/** What the bundles load lazily at run time from dist/ (when present): the tokenizer, the OpenAPI parser, data. */
const LAZY_DIST = ['tokenizer.js', 'tokenizer-ranks.json.br', 'openapi.js', 'language-data', 'chunks'];

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const copy = (relative) => fs.cpSync(path.join(root, relative), path.join(out, relative), { recursive: true });

for (const bin of new Set(Object.values(manifest.bin))) {
  if (!fs.existsSync(path.join(root, bin))) {
    console.error(`${bin} is missing: run \`node build.mjs --production\` first`);
    process.exit(2);
  }
  copy(bin);
}
for (const entry of LAZY_DIST) if (fs.existsSync(path.join(root, 'dist', entry))) copy(`dist/${entry}`);
for (const file of fs.readdirSync(path.join(root, 'schemas'))) if (file.endsWith('.json')) copy(`schemas/${file}`);
for (const file of fs.readdirSync(path.join(root, 'docs'))) if (file.endsWith('.md')) copy(`docs/${file}`);
copy('LICENSE');
copy('README.md');

const npmManifest = {
  name: manifest.name,
  version: manifest.version,
  description: 'Lint, plan and run OpenCX AI actions (*.action.json) from the command line and CI, and a language server for any editor.',
  license: manifest.license,
  repository: manifest.repository,
  keywords: manifest.keywords,
  bin: manifest.bin,
  engines: { node: manifest.engines.node },
};
fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(npmManifest, null, 2)}\n`);
for (const bin of new Set(Object.values(manifest.bin))) fs.chmodSync(path.join(out, bin), 0o755);

const packed = spawnSync('npm', ['pack', '--pack-destination', path.join(root, 'build'), '--json'], { cwd: out, encoding: 'utf8' });
if (packed.status !== 0) {
  console.error(packed.stderr);
  process.exit(1);
}
const [{ filename }] = JSON.parse(packed.stdout);
console.log(path.join(root, 'build', filename));
