import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, type DocumentKind, documentKindOf, FileSet, type FileSetAccess, nodeFileSetAccess, type Workspace } from '../engine';
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
 * The files to lint. A folder is searched recursively for our two kinds of file, as the language server searches a
 * workspace folder (the engine's `FileSet`): node_modules, .git and build folders are skipped, and so is what the
 * `.gitignore` and `.opencxignore` files at and below the current folder leave out; links to files and folders are
 * followed (each folder entered once by its real path, so a link loop ends). A folder named on the command line
 * that those files leave out is searched all the same, with its own ignore files only: naming it says to check it.
 * A file named on the command line is linted whatever its name (as an action, unless it is an
 * opencx.config.json). Each file is read once by its real path: a link and its target are one file, shown by the
 * target's own path when both are found.
 */
export function collectFiles(paths: string[], cwd: string): InputFile[] {
  const found = new Map<string, InputFile>();
  const add = (absolute: string, kind: DocumentKind) => {
    const real = realPathOf(absolute);
    const previous = found.get(real);
    if (previous && !prefers(absolute, previous.absolute, real)) return;
    found.set(real, { absolute, id: toId(absolute), kind, display: displayPath(absolute, cwd) });
  };
  const atCwd = new FileSet(toId(cwd), cliFileAccess);
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      throw new InputError(`cannot read ${given}: ${describeFsError(error)}`);
    }
    if (stat.isDirectory()) walk(absolute, atCwd, cwd, add);
    else if (stat.isFile()) add(absolute, documentKindOf(absolute) ?? 'action');
    // Reading a FIFO would block forever and a socket cannot be read at all: refuse anything but a file.
    else throw new InputError(`cannot read ${given}: not a regular file`);
  }
  return [...found.values()].sort((a, b) => a.display.localeCompare(b.display));
}

/** Which of two paths to one real file is shown: the target's own path, else the first in sorted order. */
function prefers(candidate: string, current: string, real: string): boolean {
  if (current === real) return false;
  return candidate === real || candidate < current;
}

function realPathOf(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/** The engine's disk access, with an unreadable folder as a clear error (CI must not pass on a folder it skipped). */
const cliFileAccess: FileSetAccess = {
  ...nodeFileSetAccess,
  list(folder) {
    try {
      return nodeFileSetAccess.list(folder);
    } catch (error) {
      throw new InputError(`cannot read folder ${fromId(folder)}: ${describeFsError(error)}`);
    }
  },
};

/**
 * Searches one folder: by the current folder's file set when the folder is inside it and not left out, else by
 * the folder's own. A dangling link named like one of our files is an error (CI must not pass because an action
 * went missing); any other dangling link is not ours and is ignored.
 */
function walk(folder: string, atCwd: FileSet, cwd: string, add: (absolute: string, kind: DocumentKind) => void): void {
  const id = toId(folder);
  const relative = path.relative(cwd, folder);
  const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
  const set = inside && !atCwd.excludes(id, true) ? atCwd : new FileSet(id, cliFileAccess);
  const { files, danglingLinks } = set.walk(id);
  if (danglingLinks.length) {
    throw new InputError(`cannot read ${fromId(danglingLinks[0])}: no such file or folder (a symbolic link whose target is missing)`);
  }
  for (const file of files) add(fromId(file.path), file.kind);
}

/** A workspace id back to a path of this platform. */
function fromId(id: string): string {
  return id.split('/').join(path.sep);
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
