// Bundles the end-to-end tests that run inside VS Code's extension host:
//   test/e2e/index.ts          -> out/test/e2e/index.js      (the mocha runner; EXT_TESTS_PATH points here)
//   test/e2e/suite/*.test.ts   -> out/test/e2e/<name>.test.js (found by index.js next to itself)
// CommonJS for Node; `vscode` is provided by the extension host and `mocha` resolves from the repo's
// node_modules at run time, so neither is bundled. Called from build.mjs; also runs alone:
//   node scripts/build-e2e.mjs
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = path.join(REPO_ROOT, 'test/e2e');
const SUITE_DIR = path.join(SOURCE_DIR, 'suite');
const OUT_DIR = path.join(REPO_ROOT, 'out/test/e2e');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly (as in build.mjs).
  mainFields: ['module', 'main'],
};

function suiteEntries() {
  if (!fs.existsSync(SUITE_DIR)) return [];
  return fs.readdirSync(SUITE_DIR).filter((name) => name.endsWith('.test.ts')).map((name) => path.join(SUITE_DIR, name));
}

/** Builds out/test/e2e/ from scratch (so a deleted test never lingers as a stale *.test.js). */
export async function buildE2E() {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  const suites = suiteEntries();
  await Promise.all([
    build({ ...common, entryPoints: [path.join(SOURCE_DIR, 'index.ts')], outfile: path.join(OUT_DIR, 'index.js') }),
    suites.length > 0 && build({ ...common, entryPoints: suites, outdir: OUT_DIR, outbase: SUITE_DIR }),
  ]);
  return { outDir: OUT_DIR, testFiles: suites.length };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outDir, testFiles } = await buildE2E();
  console.log(`built ${path.relative(REPO_ROOT, outDir)}/ (runner + ${testFiles} test file(s))`);
}
