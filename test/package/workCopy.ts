// A temporary copy of the repository for packaging tests, so that the dev build in dist/ (which the other layers
// run) is never replaced by a production one. node_modules is linked, not copied.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root: the tests are bundled to out/test/package/*.test.js. */
export const ROOT = path.resolve(__dirname, '../../..');
/** Not copied: dependencies are linked instead; VCS data, editor downloads and build output are not inputs. */
const NOT_COPIED = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out', 'build']);

export function copyRepository(prefix: string): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(ROOT, work, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(ROOT, source);
      return !NOT_COPIED.has(relative) && !relative.endsWith('.vsix');
    },
  });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  return work;
}
