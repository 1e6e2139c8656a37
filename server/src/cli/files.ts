import fs from 'node:fs';
import path from 'node:path';
import { documentKindOf, type DocumentKind } from '../engine/documentKind';
import { InputError } from './usage';

/** Folders never searched: dependencies, build output, VCS data. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface InputFile {
  /** The path as shown to the user: relative to the current folder when inside it. */
  display: string;
  absolute: string;
  kind: DocumentKind;
}

/**
 * The files to lint. A folder is searched recursively for our two kinds of file; a file named on the command
 * line is linted whatever its name (as an action, unless it is an opencx.config.json).
 */
export function collectFiles(paths: string[], cwd: string): InputFile[] {
  const found = new Map<string, InputFile>();
  const add = (absolute: string, kind: DocumentKind) => {
    if (!found.has(absolute)) found.set(absolute, { absolute, kind, display: displayPath(absolute, cwd) });
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      throw new InputError(`cannot read ${given}: ${describeFsError(error)}`);
    }
    if (stat.isDirectory()) walk(absolute, add);
    else add(absolute, documentKindOf(absolute) ?? 'action');
  }
  return [...found.values()].sort((a, b) => a.display.localeCompare(b.display));
}

function walk(folder: string, add: (absolute: string, kind: DocumentKind) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`cannot read folder ${folder}: ${describeFsError(error)}`);
  }
  for (const entry of entries) {
    const absolute = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(absolute, add);
    } else if (entry.isFile()) {
      const kind = documentKindOf(entry.name);
      if (kind) add(absolute, kind);
    }
  }
}

export function readInput(file: InputFile): string {
  try {
    return fs.readFileSync(file.absolute, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file.display}: ${describeFsError(error)}`);
  }
}

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/');
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}
