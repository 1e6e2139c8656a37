/** The two kinds of file this project reads; everything else is ignored. */
export type DocumentKind = 'action' | 'config';

export const ACTION_FILE_SUFFIX = '.action.json';
export const CONFIG_FILE_NAME = 'opencx.config.json';

/** Classifies a path or URI by its last segment. */
export function documentKindOf(pathOrUri: string): DocumentKind | undefined {
  const base = pathOrUri.slice(Math.max(pathOrUri.lastIndexOf('/'), pathOrUri.lastIndexOf('\\')) + 1);
  let name = base;
  try {
    name = decodeURIComponent(base);
  } catch {
    // a path with a stray '%' is its own name
  }
  if (name === CONFIG_FILE_NAME) return 'config';
  if (name.endsWith(ACTION_FILE_SUFFIX) && name.length > ACTION_FILE_SUFFIX.length) return 'action';
  return undefined;
}

/** Folders never searched for action files: dependencies, build output, VCS data (CLI and server alike). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
