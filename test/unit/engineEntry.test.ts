// The adapters (the CLI, the language server, protocol.ts and the client) reach the engine through its one entry,
// server/src/engine/index.ts, so the folders behind it can be reorganised without touching them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const ENGINE = path.join(ROOT, 'server/src/engine');
/**
 * The engine's second entry: the OpenAPI import, bundled apart as dist/openapi.js and required at run time only by
 * `import` (CLI and VS Code), so that `lint` and activation never load its parser. Adapters may name its types.
 */
const LAZY_ENTRY = path.join(ENGINE, 'openapi');

const ADAPTERS = ['server/src/cli', 'server/src/lsp', 'server/src/node', 'server/src/protocol.ts', 'client/src'];

function tsFiles(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => path.join(full, f));
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)].map((m) => m[1]);
}

describe('the engine\'s one entry', () => {
  test('adapters import the engine only through server/src/engine/index.ts', () => {
    const deep: string[] = [];
    let throughIndex = 0;
    for (const file of ADAPTERS.flatMap(tsFiles)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const spec of specifiers(text)) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), spec);
        if (target === ENGINE) throughIndex++;
        else if (target === LAZY_ENTRY && new RegExp(`import type [^;]+ from '${spec}'`).test(text)) continue;
        else if (target.startsWith(ENGINE + path.sep)) deep.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
    assert.deepEqual(deep, []);
    assert.ok(throughIndex >= 25, `only ${throughIndex} imports of the index found: the scan no longer finds them`);
  });

  test('the engine imports no adapter, no vscode and no LSP library (only itself, npm libraries and schemas/)', () => {
    for (const file of tsFiles('server/src/engine')) {
      for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
        assert.ok(!/^vscode(-languageserver|-languageclient|-json-languageservice)?(\/|$)/.test(spec), `${path.relative(ROOT, file)} imports ${spec}`);
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          // The JSON Schemas in schemas/ are data the engine compiles (and the completion service reads).
          const allowed = target.startsWith(ENGINE) || target.startsWith(path.join(ROOT, 'schemas') + path.sep);
          assert.ok(allowed, `${path.relative(ROOT, file)} imports ${spec}, outside the engine`);
        }
      }
    }
  });
});
