// The engine's file set on a file tree held in memory: git's rules for nested ignore files and negation, the
// folders always skipped, links counted once, and the same verdict from walk() and excludes()/select().
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FileSet, type FileSetAccess } from '../../server/src/engine';

/** A tree of '/'-paths: a string is a file's text, `{ link }` a symbolic link to another path. */
type Tree = Record<string, string | { link: string }>;

function accessOf(tree: Tree): FileSetAccess {
  const resolve = (path: string): string => {
    for (const [at, entry] of Object.entries(tree)) {
      if (typeof entry === 'object' && (path === at || path.startsWith(`${at}/`))) return resolve(entry.link + path.slice(at.length));
    }
    return path;
  };
  const exists = (path: string) => Object.keys(tree).some((p) => p === path || p.startsWith(`${path}/`));
  return {
    list(folder) {
      const real = resolve(folder);
      const names = new Set(Object.keys(tree).filter((p) => p.startsWith(`${real}/`)).map((p) => p.slice(real.length + 1).split('/')[0]));
      return [...names].sort().map((name) => {
        const path = `${real}/${name}`;
        const entry = tree[path];
        const link = typeof entry === 'object';
        const target = resolve(path);
        const type = !exists(target) ? undefined : typeof tree[target] === 'string' ? 'file' as const : 'folder' as const;
        return { name, link, type };
      });
    },
    realPath: resolve,
    readText: (path) => (typeof tree[resolve(path)] === 'string' ? tree[resolve(path)] as string : undefined),
  };
}

const A = '{}';

describe('FileSet', () => {
  const tree: Tree = {
    '/r/.gitignore': 'gen/\n*.tmp.action.json\nscratch/*\n',
    '/r/.opencxignore': 'drafts/\n!scratch/keep.action.json\n',
    '/r/a.action.json': A,
    '/r/x.tmp.action.json': A,
    '/r/gen/b.action.json': A,
    '/r/drafts/c.action.json': A,
    '/r/scratch/keep.action.json': A,
    '/r/scratch/drop.action.json': A,
    '/r/sub/.gitignore': '!*.tmp.action.json\nlocal.action.json\n',
    '/r/sub/y.tmp.action.json': A,
    '/r/sub/local.action.json': A,
    '/r/sub/opencx.config.json': A,
    '/r/node_modules/p/d.action.json': A,
    '/r/dist/e.action.json': A,
    '/r/notes.json': A,
    '/r/link.action.json': { link: '/r/a.action.json' },
    '/r/mirror': { link: '/r/sub' },
    '/r/gone.action.json': { link: '/r/missing.action.json' },
  };
  const set = new FileSet('/r', accessOf(tree));
  const kept = ['/r/a.action.json', '/r/scratch/keep.action.json', '/r/sub/opencx.config.json', '/r/sub/y.tmp.action.json'];

  test('walk keeps what git would show, plus .opencxignore, minus skipped folders; a link to a kept file is that file', () => {
    const { files, danglingLinks } = set.walk('/r');
    assert.deepEqual(files.map((f) => f.path), kept);
    assert.deepEqual(files.map((f) => f.kind), ['action', 'action', 'config', 'action']);
    assert.deepEqual(danglingLinks, ['/r/gone.action.json']);
  });

  test('a folder reached through a link listed before it is walked by its own path, with its own ignore files', () => {
    const mirrored = new FileSet('/r', accessOf({ '/r/a-mirror': { link: '/r/sub' }, '/r/sub/.gitignore': 'local.action.json\n', '/r/sub/local.action.json': A, '/r/sub/k.action.json': A }));
    assert.deepEqual(mirrored.walk('/r').files.map((f) => f.path), ['/r/sub/k.action.json']);
  });

  test('excludes() and select() agree with walk()', () => {
    const all = Object.keys(tree).filter((p) => (p.endsWith('.action.json') || p.endsWith('opencx.config.json')) && p !== '/r/gone.action.json');
    assert.deepEqual(set.select(all).sort(), kept);
    assert.equal(set.excludes('/r/gen', true), true);
    assert.equal(set.excludes('/r/node_modules/p/d.action.json'), true);
    assert.equal(set.excludes('/r/sub/y.tmp.action.json'), false, 'the nested file brings it back');
    assert.equal(set.excludes('/elsewhere/z.action.json'), false, 'outside the base: not this set\'s to judge');
  });
});
