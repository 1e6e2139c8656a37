import fs from 'node:fs/promises';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { FileSet, type FileSetAccess, nodeFileSetAccess } from '../engine';
import { watchFiles, type WatchEvent } from './fileWatcher';

export type { WatchEvent };

/** What the language server needs from the world, injected so tests and other hosts can provide it. */
export interface Runtime {
  timer: {
    setTimeout(callback: () => void, ms: number): Disposable;
  };
  /** Milliseconds from an arbitrary origin, for durations. */
  now(): number;
  files: {
    /**
     * URIs of every action and config file under a folder URI, as the CLI finds them (the engine's `FileSet`:
     * dependency and build folders, `.gitignore` and `.opencxignore` left out, each real file once).
     */
    findWorkspaceFiles(folderUri: string): Promise<string[]>;
    /**
     * The URIs of a listing (the client's, say) that the folder's file set keeps, each real file once; a URI
     * outside the folder is kept as it is.
     */
    selectWorkspaceFiles(folderUri: string, uris: readonly string[]): string[];
    /** Whether the folder's file set leaves a file or folder URI out (read afresh: an ignore file may have changed). */
    excludedFromFolder(folderUri: string, uri: string, isFolder: boolean): boolean;
    /** The text of a file, or undefined when it cannot be read (deleted meanwhile, not a file…). */
    read(uri: string): Promise<string | undefined>;
    /**
     * Watches folders (recursively) and files for action and config changes, for clients that send no file
     * events; resolves once watching has started.
     */
    watch(uris: readonly string[], onEvent: (event: WatchEvent) => void): Promise<Disposable>;
  };
}

export interface Disposable {
  dispose(): void;
}

/** The engine's disk access, with an unreadable folder skipped rather than fatal (the CLI reports it instead). */
const serverFileAccess: FileSetAccess = {
  ...nodeFileSetAccess,
  list(folder) {
    try {
      return nodeFileSetAccess.list(folder);
    } catch {
      return [];
    }
  },
};

/** A file URI as the file set's path (`/` separators), or undefined for other schemes. */
function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath.split(path.sep).join('/') : undefined;
}

export const nodeRuntime: Runtime = {
  timer: {
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
  now: () => performance.now(),
  files: {
    async findWorkspaceFiles(folderUri) {
      const folder = pathOf(folderUri);
      if (folder === undefined) return [];
      return new FileSet(folder, serverFileAccess).walk(folder).files.map((file) => URI.file(file.path).toString());
    },
    selectWorkspaceFiles(folderUri, uris) {
      const folder = pathOf(folderUri);
      if (folder === undefined) return [...uris];
      const byPath = new Map(uris.map((uri) => [pathOf(uri) ?? uri, uri]));
      const set = new FileSet(folder, serverFileAccess);
      return set.select([...byPath.keys()]).map((p) => byPath.get(p) as string);
    },
    excludedFromFolder(folderUri, uri, isFolder) {
      const folder = pathOf(folderUri);
      const file = pathOf(uri);
      return folder !== undefined && file !== undefined && new FileSet(folder, serverFileAccess).excludes(file, isFolder);
    },
    async read(uri) {
      const parsed = URI.parse(uri);
      if (parsed.scheme !== 'file') return undefined;
      try {
        return await fs.readFile(parsed.fsPath, 'utf8');
      } catch {
        return undefined;
      }
    },
    watch: watchFiles,
  },
};
