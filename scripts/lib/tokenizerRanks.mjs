// The o200k tokenizer's table (200,000 token strings) is 2.4 MB of JavaScript array literal in gpt-tokenizer, and
// 1.06 MB once zipped in the .vsix: more than everything else together. Brotli at its best packs the same table in
// about 0.7 MB, and zip cannot. So dist/tokenizer.js does not hold the table: it reads dist/tokenizer-ranks.json.br
// next to it, decompresses it (a few ms) and parses it, when the tokenizer is first loaded (a run, a tool list).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
export const RANKS_FILE = 'tokenizer-ranks.json.br';
const SOURCE = 'gpt-tokenizer/cjs/bpeRanks/o200k_base'; // the package's exports add .js

/** Writes dist/tokenizer-ranks.json.br unless it is newer than the library's table (brotli 11 takes seconds). */
export function writeTokenizerRanks(distDir) {
  const source = require.resolve(SOURCE);
  const target = path.join(distDir, RANKS_FILE);
  if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs) return;
  const json = JSON.stringify(require(SOURCE).default);
  const packed = zlib.brotliCompressSync(Buffer.from(json), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: json.length },
  });
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(target, packed);
}

/** The esbuild plugin for dist/tokenizer.js: the library's table module becomes a reader of the packed file. */
export const packedTokenizerRanks = {
  name: 'packed-tokenizer-ranks',
  setup(build) {
    build.onResolve({ filter: /bpeRanks\/o200k_base\.js$/ }, (args) => ({ path: args.path, namespace: 'packed-ranks' }));
    build.onLoad({ filter: /.*/, namespace: 'packed-ranks' }, () => ({
      loader: 'js',
      contents: `
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
// __dirname: the bundle's own folder (dist/), where the packed table is written.
export default JSON.parse(zlib.brotliDecompressSync(fs.readFileSync(path.join(__dirname, ${JSON.stringify(RANKS_FILE)}))).toString('utf8'));
`,
    }));
  },
};
