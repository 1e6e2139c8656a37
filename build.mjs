// One bundler for everything: the extension client, the language server, the CLI and the test bundles.
// Types are checked separately with `npm run typecheck` (tsc --noEmit).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { buildLanguageData } from './scripts/build-language-data.mjs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.test.ts'))
    .map((f) => path.join(dir, String(f)));
}

const started = Date.now();
// dist/ is overwritten in place, not deleted first: a test run that is reading it meanwhile keeps working.
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The language data of description-overlap, loaded by the server on the first comparison (issue 9): the NLP
  // library with its model, and WordNet compiled into a compact index.
  build({ ...common, sourcemap: false, minify: true, entryPoints: ['server/src/engine/language/nlpEntry.ts'], outfile: 'dist/language-data/nlp.js' }),
  Promise.resolve().then(() => buildLanguageData()),
  // The heavy part of a run (undici, the tokenizer), required by the client on the first run only.
  build({ ...common, entryPoints: ['client/src/run/runner.ts'], outfile: 'dist/runner.js' }),
  // The run webview's page script: a browser bundle, loaded by the webview with a nonce.
  build({ ...common, platform: 'browser', format: 'iife', entryPoints: ['client/webview/run.ts'], outfile: 'dist/webview/run.js' }),
  // The engine for `npm run bench:lint`; outside dist/, so it is never packaged.
  build({ ...common, entryPoints: ['bench/engine.ts'], outfile: 'out/bench/engine.js' }),
  build({
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: ['unit', 'protocol', 'cli', 'package'].flatMap((layer) => testEntries(`test/${layer}`)),
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode'],
  }),
  import('./scripts/build-e2e.mjs').then((m) => m.buildE2E()).catch((e) => {
    if (e.code === 'ERR_MODULE_NOT_FOUND') return; // e2e bundle step not present yet
    throw e;
  }),
]);
fs.chmodSync('dist/cli.js', 0o755);
console.log(`built dist/ and out/test/ in ${Date.now() - started} ms`);
