// A workspace folder in a temp directory, copied from test/fixtures/protocol/<name>, that a test may change on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileUri, REPO_ROOT } from './testSupport';

export const PROTOCOL_FIXTURES_DIR = path.join(REPO_ROOT, 'test/fixtures/protocol');

export class TempWorkspace {
  private constructor(readonly folder: string) {}

  /** A fresh copy of the fixture folder `fixture` (or an empty folder). */
  static create(fixture?: string): TempWorkspace {
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opencx-protocol-')));
    const workspace = new TempWorkspace(folder);
    try {
      if (fixture) fs.cpSync(path.join(PROTOCOL_FIXTURES_DIR, fixture), folder, { recursive: true });
    } catch (error) {
      workspace.dispose();
      throw error;
    }
    return workspace;
  }

  /** The text of a fixture file, for a test that opens or writes it. */
  static fixtureText(fixture: string, relative: string): string {
    return fs.readFileSync(path.join(PROTOCOL_FIXTURES_DIR, fixture, relative), 'utf8');
  }

  path(relative: string): string {
    return path.join(this.folder, relative);
  }

  uri(relative: string): string {
    return fileUri(this.path(relative));
  }

  read(relative: string): string {
    return fs.readFileSync(this.path(relative), 'utf8');
  }

  /** Writes a file (creating its folder); returns its URI. */
  write(relative: string, text: string): string {
    fs.mkdirSync(path.dirname(this.path(relative)), { recursive: true });
    fs.writeFileSync(this.path(relative), text);
    return this.uri(relative);
  }

  /** Deletes a file; returns its URI. */
  remove(relative: string): string {
    fs.rmSync(this.path(relative));
    return this.uri(relative);
  }

  dispose(): void {
    fs.rmSync(this.folder, { recursive: true, force: true });
  }
}

/** One action file's text, two-space JSON, from a few fields (the rest are sensible defaults). */
export function actionText(fields: Record<string, unknown>): string {
  const defaults = { method: 'GET', restrictedToSegments: ['customers'], channels: ['widget'] };
  return `${JSON.stringify({ ...fields, ...Object.fromEntries(Object.entries(defaults).filter(([key]) => !(key in fields))) }, null, 2)}\n`;
}
