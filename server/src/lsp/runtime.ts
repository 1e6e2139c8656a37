import fs from 'node:fs/promises';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { documentKindOf, SKIPPED_FOLDERS } from '../engine';

/** What the language server needs from the world, injected so tests and other hosts can provide it. */
export interface Runtime {
  timer: {
    setTimeout(callback: () => void, ms: number): Disposable;
  };
  /** Milliseconds from an arbitrary origin, for durations. */
  now(): number;
  files: {
    /** URIs of every action and config file under a folder URI (dependency and build folders skipped). */
    findWorkspaceFiles(folderUri: string): Promise<string[]>;
    /** The text of a file, or undefined when it cannot be read (deleted meanwhile, not a file…). */
    read(uri: string): Promise<string | undefined>;
  };
}

export interface Disposable {
  dispose(): void;
}

async function findFiles(folder: string, found: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return; // unreadable folders are skipped, not fatal
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await findFiles(full, found);
    else if (entry.isFile() && documentKindOf(entry.name)) found.push(URI.file(full).toString());
  }
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
      const found: string[] = [];
      const uri = URI.parse(folderUri);
      if (uri.scheme === 'file') await findFiles(uri.fsPath, found);
      return found;
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
  },
};
