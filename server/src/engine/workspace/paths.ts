import { CONFIG_FILE_NAME } from '../document/documentKind';

/**
 * File ids in the workspace are URIs in the language server and absolute paths in the CLI; both use '/'
 * (the CLI converts Windows separators), so folders are found the same way for both.
 */
export function folderOf(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash > 0 ? id.slice(0, slash) : '';
}

/** The ids a config file could have in the folders from `id`'s own folder up to the root, nearest first. */
export function candidateConfigIds(id: string): string[] {
  const ids: string[] = [];
  for (let folder = folderOf(id); folder && !folder.endsWith('/'); folder = folderOf(folder)) {
    ids.push(`${folder}/${CONFIG_FILE_NAME}`);
  }
  return ids;
}

/** A short name for messages: the last segment of a path or URI (`file:///w/opencx.config.json` → `opencx.config.json`). */
export function baseName(id: string): string {
  let name = id.slice(Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the raw name
  }
  return name;
}
