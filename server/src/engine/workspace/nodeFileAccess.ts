import fs from 'node:fs';
import type { EntryType, FileSetAccess } from './fileSet';

/**
 * The file set's access to the local disk through Node's synchronous calls, shared by the CLI and the language
 * server so they read folders the same way. Paths use `/`, which Node accepts on every platform. This is the
 * engine's one module that reads the disk: the walker needs the same reads on both sides, and a copy in each
 * adapter is how two file sets would drift apart.
 */
export const nodeFileSetAccess: FileSetAccess = {
  list(folder) {
    return fs.readdirSync(folder, { withFileTypes: true }).map((entry) => {
      const link = entry.isSymbolicLink();
      return { name: entry.name, link, type: link ? targetType(`${folder}/${entry.name}`) : typeOf(entry) };
    });
  },
  realPath(path) {
    try {
      return fs.realpathSync(path).split('\\').join('/');
    } catch {
      return path;
    }
  },
  readText(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined; // no such file, or a folder by that name: no rules here
    }
  },
};

function typeOf(stats: { isFile(): boolean; isDirectory(): boolean }): EntryType {
  if (stats.isDirectory()) return 'folder';
  return stats.isFile() ? 'file' : 'other';
}

function targetType(path: string): EntryType {
  try {
    return typeOf(fs.statSync(path));
  } catch {
    return undefined;
  }
}
