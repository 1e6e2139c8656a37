import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, documentKindOf, SKIPPED_FOLDERS, type DocumentKind } from '../engine/documentKind';
import type { Workspace } from '../engine/workspace/workspace';
import { InputError } from './usage';


export interface InputFile {
  /** The path as shown to the user: relative to the current folder when inside it. */
  display: string;
  absolute: string;
  /** The workspace id: the absolute path with '/' separators. */
  id: string;
  kind: DocumentKind;
}

/**
 * The files to lint. A folder is searched recursively for our two kinds of file; a file named on the command
 * line is linted whatever its name (as an action, unless it is an opencx.config.json).
 */
export function collectFiles(paths: string[], cwd: string): InputFile[] {
  const found = new Map<string, InputFile>();
  const add = (absolute: string, kind: DocumentKind) => {
    if (!found.has(absolute)) found.set(absolute, { absolute, id: toId(absolute), kind, display: displayPath(absolute, cwd) });
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
    else if (stat.isFile()) add(absolute, documentKindOf(absolute) ?? 'action');
    // Reading a FIFO would block forever and a socket cannot be read at all: refuse anything but a file.
    else throw new InputError(`cannot read ${given}: not a regular file`);
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

/** The workspace ids of the path arguments: the roots of the groups of actions that have no config above them. */
export function rootsOf(paths: readonly string[], cwd: string): string[] {
  return paths.map((given) => toId(path.resolve(cwd, given)));
}

/** Workspace ids use '/' on every platform, as URIs do. */
export function toId(absolute: string): string {
  return absolute.split(path.sep).join('/');
}

/**
 * Puts the files into the workspace index, plus, as context only, the nearest opencx.config.json above each
 * action that was not named (so linting one file still knows its organisation). Returns a function that shows
 * any workspace id as the user would type it.
 */
export function loadWorkspace(workspace: Workspace, files: InputFile[], cwd: string): (id: string) => string {
  const display = new Map<string, string>();
  workspace.setMany(files.map((file) => ({ id: file.id, text: readInput(file), kind: file.kind })));
  for (const file of files) display.set(file.id, file.display);
  for (const file of files) {
    if (file.kind !== 'action' || workspace.orgFor(file.id)) continue;
    const config = findNearestConfig(path.dirname(file.absolute));
    if (config && !workspace.has(toId(config))) {
      workspace.set(toId(config), readInput({ absolute: config, id: toId(config), kind: 'config', display: displayPath(config, cwd) }), 'config');
    }
  }
  return (id) => display.get(id) ?? displayPath(id.split('/').join(path.sep), cwd);
}

/** The nearest opencx.config.json at or above `folder`, or undefined when there is none up to the root. */
export function findNearestConfig(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    if (path.dirname(current) === current) return undefined;
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
