// The network libraries (undici, openai) live in one lazily loaded chunk, dist/chunks/net.js, shared by every
// bundle: `opencx-actions lint`, the language server's index and the extension's activation never load them, and
// the .vsix holds one copy instead of one per bundle.
//
// How: in a bundle built with `lazyChunks`, `import … from 'undici'` (or 'openai') resolves to a small stand-in
// module with the same named exports; each export loads the chunk on first use (a call, `new`, or `instanceof`)
// and forwards to the real one. The chunk itself wraps each library in a function, so loading the chunk for a
// run evaluates undici only, not openai. A name the stand-in lacks is a build error ("No matching export").
// To add a library: add it to LAZY_LIBRARIES (its exports are read at build time).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The libraries moved to the chunk, and where bundles in dist/ find it. */
export const LAZY_LIBRARIES = ['undici', 'openai'];
export const NET_CHUNK = './chunks/net.js';

/** The chunk's source: one loader function per library. */
export const netChunkSource = LAZY_LIBRARIES.map((name) => `exports[${JSON.stringify(name)}] = () => require(${JSON.stringify(name)});`).join('\n');

function standIn(name) {
  const exports = Object.keys(require(name)).filter((key) => key !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(key));
  return `
let loaded;
const load = () => (loaded ??= require(${JSON.stringify(NET_CHUNK)})[${JSON.stringify(name)}]());
function lazy(key) {
  function Lazy(...args) {
    const real = load()[key];
    return new.target ? new real(...args) : real.apply(this, args);
  }
  Object.defineProperty(Lazy, Symbol.hasInstance, { value: (value) => value instanceof load()[key] });
  return Lazy;
}
${exports.filter((k) => k !== 'default').map((k) => `export const ${k} = lazy(${JSON.stringify(k)});`).join('\n')}
export default lazy('default');
`;
}

/** The esbuild plugin: our sources' imports of a lazy library get the stand-in; the chunk stays external. */
export const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_LIBRARIES.join('|')})$`);
    build.onResolve({ filter }, (args) => (args.importer.includes('node_modules') ? undefined : { path: args.path, namespace: 'lazy-chunk' }));
    build.onResolve({ filter: /^\.\/chunks\/net\.js$/ }, () => ({ path: NET_CHUNK, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({ contents: standIn(args.path), loader: 'js' }));
  },
};
