// One bundler for everything: the extension client, the language server, the CLI and the test bundles.
// Types are checked separately with `npm run typecheck` (tsc --noEmit).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { lazyChunks, netChunkSource } from './scripts/lib/lazyChunks.mjs';
import { packedTokenizerRanks, writeTokenizerRanks } from './scripts/lib/tokenizerRanks.mjs';

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

/**
 * The tokenizer's tables are 2 MB: the server and the runner share one copy, dist/tokenizer.js, required at run
 * time next to them (the CLI keeps its own, so it stays one file).
 */
const TOKENIZER = 'gpt-tokenizer/encoding/o200k_base';
const sharedTokenizer = {
  name: 'shared-tokenizer',
  setup(b) {
    b.onResolve({ filter: /^gpt-tokenizer\/encoding\/o200k_base$/ }, () => ({ path: './tokenizer.js', external: true }));
  },
};

const started = Date.now();
// dist/ is overwritten in place, not deleted first: a test run that is reading it meanwhile keeps working.
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], plugins: [lazyChunks] }),
  // undici and openai, loaded on first use by every bundle above and below (see scripts/lib/lazyChunks.mjs).
  build({ ...common, stdin: { contents: netChunkSource, resolveDir: '.', loader: 'js' }, outfile: 'dist/chunks/net.js' }),
  // Also the `opencx-language-server` bin: a shebang, and its version for --version.
  build({
    ...common,
    entryPoints: ['server/src/node/main.ts'],
    outfile: 'dist/server.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { SERVER_VERSION: JSON.stringify(JSON.parse(fs.readFileSync('package.json', 'utf8')).version) },
    plugins: [sharedTokenizer, lazyChunks],
  }),
  // The tokenizer's table is packed apart, in dist/tokenizer-ranks.json.br (see scripts/lib/tokenizerRanks.mjs).
  build({ ...common, entryPoints: [TOKENIZER], outfile: 'dist/tokenizer.js', plugins: [packedTokenizerRanks] }).then(() => writeTokenizerRanks('dist')),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [sharedTokenizer, lazyChunks] }),
  // The heavy part of a run (undici, the tokenizer), required by the client on the first run only.
  build({ ...common, entryPoints: ['client/src/run/runner.ts'], outfile: 'dist/runner.js', plugins: [sharedTokenizer, lazyChunks] }),
  // Pull and push (the sync engine; undici from the shared chunk), required by the extension's sync commands only when one talks to OpenCX.
  build({ ...common, entryPoints: ['client/src/sync/syncEngine.ts'], outfile: 'dist/sync.js', plugins: [lazyChunks] }),
  // The routing test (the `openai` package from the shared chunk), required by the client when a routing test starts.
  build({ ...common, entryPoints: ['client/src/routing/router.ts'], outfile: 'dist/router.js', plugins: [lazyChunks] }),
  // The routing test's page script, loaded like the others.
  build({ ...common, platform: 'browser', format: 'iife', entryPoints: ['client/webview/routing.ts'], outfile: 'dist/webview/routing.js' }),
  // The OpenAPI import (the engine's part and its parser), required by `opencx-actions import` and the VS Code
  // command only when an import starts: `lint` and the extension's activation never load the parser.
  build({ ...common, entryPoints: ['server/src/engine/openapi/index.ts'], outfile: 'dist/openapi.js' }),
  // The run webview's page script: a browser bundle, loaded by the webview with a nonce.
  build({ ...common, platform: 'browser', format: 'iife', entryPoints: ['client/webview/run.ts'], outfile: 'dist/webview/run.js' }),
  // The "What the AI Is Offered" page script, loaded the same way.
  build({ ...common, platform: 'browser', format: 'iife', entryPoints: ['client/webview/catalog.ts'], outfile: 'dist/webview/catalog.js' }),
  // The engine for `npm run bench:lint`; outside dist/, so it is never packaged.
  build({ ...common, entryPoints: ['bench/engine.ts'], outfile: 'out/bench/engine.js' }),
  build({
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: ['unit', 'protocol', 'cli', 'webview', 'neovim', 'package'].flatMap((layer) => testEntries(`test/${layer}`)),
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'playwright-core'],
  }),
  import('./scripts/build-e2e.mjs').then((m) => m.buildE2E()).catch((e) => {
    if (e.code === 'ERR_MODULE_NOT_FOUND') return; // e2e bundle step not present yet
    throw e;
  }),
]);
fs.chmodSync('dist/cli.js', 0o755);
fs.chmodSync('dist/server.js', 0o755);
console.log(`built dist/ and out/test/ in ${Date.now() - started} ms`);
