import ignore, { type Ignore } from 'ignore';
import { type DocumentKind, documentKindOf, SKIPPED_FOLDERS } from '../document/documentKind';

/**
 * The ignore files a folder may hold, read in this order: `.gitignore`, then `.opencxignore` (same syntax), so a
 * `!pattern` in `.opencxignore` can bring back a file `.gitignore` leaves out (docs/assumptions.md,
 * "Decisions we made", on which files are checked).
 */
export const IGNORE_FILE_NAMES = ['.gitignore', '.opencxignore'] as const;

/** What a folder entry is; a symbolic link is what it points at, and `undefined` when it points nowhere. */
export type EntryType = 'file' | 'folder' | 'other' | undefined;

/**
 * The file access a file set needs, with `/` separators. It is passed in, so the engine itself touches no disk:
 * the CLI gives it Node's synchronous calls, the language server the same through its runtime.
 */
export interface FileSetAccess {
  /** A folder's entries; a link's type is its target's. Throws when the folder cannot be read. */
  list(folder: string): { name: string; type: EntryType; link: boolean }[];
  /** The path with every link resolved, or the path itself when it cannot be resolved. */
  realPath(path: string): string;
  /** A file's text, or undefined when there is none. */
  readText(path: string): string | undefined;
}

/** One action or config file a walk found. */
export interface FoundFile {
  /** The path as found (through a link, perhaps), with `/` separators. */
  path: string;
  /** The same file with every link resolved: a file is counted once by it. */
  real: string;
  kind: DocumentKind;
}

/** What a walk found: the files, and links named like our files whose target is missing (CI must hear of those). */
export interface WalkResult {
  files: FoundFile[];
  danglingLinks: string[];
}

/**
 * The one set of files the CLI and the language server check under a base folder (the current folder, or a
 * workspace folder): every `*.action.json` and `opencx.config.json` except those in node_modules, .git and the
 * build folders (`SKIPPED_FOLDERS`) and those the `.gitignore` and `.opencxignore` files at and below the base
 * leave out (nested ones too, with git's precedence: the deeper file wins). A symbolic link to a file already
 * found is the same file, counted once.
 */
export class FileSet {
  private readonly base: string;
  /** Each folder's rules, or null when it holds no ignore file; read once. */
  private readonly rules = new Map<string, Ignore | null>();

  constructor(base: string, private readonly access: FileSetAccess) {
    this.base = trimSlash(base);
  }

  /** Whether a path under the base is left out (a path outside it is not this set's to judge). */
  excludes(path: string, isFolder = false): boolean {
    const segments = this.relative(path)?.split('/');
    if (!segments) return false;
    for (let i = 1; i <= segments.length; i++) {
      const folder = i < segments.length || isFolder;
      if (folder && SKIPPED_FOLDERS.has(segments[i - 1])) return true;
      if (this.ignoredByRules(segments.slice(0, i), folder)) return true;
    }
    return false;
  }

  /**
   * Every action and config file under `folder` (the base or a folder inside it), skipping what the set leaves
   * out; folders are entered once by their real path, so a link loop ends. Sorted by path.
   */
  walk(folder: string): WalkResult {
    const found = new Map<string, FoundFile>();
    const danglingLinks: string[] = [];
    const visited = new Set<string>();
    // Links to folders are entered after every real folder: a folder reached both ways is then walked by its own
    // path, so its ignore files apply and its files are shown where they are.
    const linkedFolders: string[] = [];
    const visit = (current: string) => {
      const real = this.access.realPath(current);
      if (visited.has(real)) return;
      visited.add(real);
      for (const entry of this.access.list(current)) {
        const path = `${current}/${entry.name}`;
        if (entry.type === undefined && entry.link && documentKindOf(entry.name)) danglingLinks.push(path);
        if (entry.type === 'folder' && !SKIPPED_FOLDERS.has(entry.name) && !this.ignoredByRules(this.segmentsOf(path), true)) {
          if (entry.link) linkedFolders.push(path);
          else visit(path);
        }
        if (entry.type === 'file') {
          const kind = documentKindOf(entry.name);
          if (kind && !this.ignoredByRules(this.segmentsOf(path), false)) keepOne(found, { path, real: this.access.realPath(path), kind });
        }
      }
    };
    visit(trimSlash(folder));
    for (let next = linkedFolders.shift(); next !== undefined; next = linkedFolders.shift()) visit(next);
    return { files: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), danglingLinks };
  }

  /** Paths the set keeps, each real file once (by the rule of `walk`), in their given order otherwise. */
  select(paths: readonly string[]): string[] {
    const found = new Map<string, FoundFile>();
    for (const path of paths) {
      const kind = documentKindOf(path);
      if (kind && !this.excludes(path)) keepOne(found, { path, real: this.access.realPath(path), kind });
    }
    const kept = new Set([...found.values()].map((f) => f.path));
    return paths.filter((p) => kept.has(p));
  }

  /** The verdict of the ignore files for one path (its folders already passed): the deepest file that speaks wins. */
  private ignoredByRules(segments: string[], isFolder: boolean): boolean {
    let ignored = false;
    for (let depth = 0; depth < segments.length; depth++) {
      const rules = this.rulesOf(segments.slice(0, depth));
      if (!rules) continue;
      const verdict = rules.test(segments.slice(depth).join('/') + (isFolder ? '/' : ''));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesOf(folderSegments: string[]): Ignore | null {
    const folder = [this.base, ...folderSegments].join('/');
    let rules = this.rules.get(folder);
    if (rules === undefined) {
      const texts = IGNORE_FILE_NAMES.map((name) => this.access.readText(`${folder}/${name}`)).filter((t): t is string => t !== undefined);
      // add() splits a string into lines, but takes each element of an array as one pattern: one call per file.
      rules = texts.length ? texts.reduce((all, text) => all.add(text), ignore()) : null;
      this.rules.set(folder, rules);
    }
    return rules;
  }

  private relative(path: string): string | undefined {
    const trimmed = trimSlash(path);
    const prefix = this.base === '' ? '/' : `${this.base}/`;
    return trimmed.startsWith(prefix) && trimmed.length > prefix.length ? trimmed.slice(prefix.length) : undefined;
  }

  private segmentsOf(path: string): string[] {
    return this.relative(path)?.split('/') ?? [];
  }
}

/** Keeps one path per real file: the target's own path when it is found, else the first in sorted order. */
function keepOne(found: Map<string, FoundFile>, file: FoundFile): void {
  const current = found.get(file.real);
  if (!current || (current.path !== file.real && (file.path === file.real || file.path < current.path))) found.set(file.real, file);
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path === '/' ? '' : path;
}
