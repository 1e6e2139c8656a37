import type { Connection } from 'vscode-languageserver';
import { type Workspace } from '../engine';
import { toDiagnostic } from './convert';
import type { Disposable, Runtime } from './runtime';
import { runSafeVoid } from './safe';

/** Files whose diagnostics changed are published together, a moment after the last change. */
const PUBLISH_DELAY_MS = 50;

/**
 * Publishes the workspace's findings as diagnostics, for every indexed file (open or not), so cross-file
 * findings show up in the Problems panel and update in the other file when one file changes.
 */
export class DiagnosticsPublisher {
  private readonly dirty = new Set<string>();
  private timer: Disposable | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly runtime: Runtime,
    private readonly workspace: Workspace,
    private readonly openVersion: (uri: string) => number | undefined,
  ) {}

  /** Marks files for publishing; a file no longer in the workspace gets its diagnostics cleared. */
  schedule(uris: Iterable<string>, immediately = false): void {
    for (const uri of uris) this.dirty.add(uri);
    if (immediately) {
      this.flush();
      return;
    }
    this.timer ??= this.runtime.timer.setTimeout(() => this.flush(), PUBLISH_DELAY_MS);
  }

  flush(): void {
    this.timer?.dispose();
    this.timer = undefined;
    const uris = [...this.dirty];
    this.dirty.clear();
    for (const uri of uris) {
      runSafeVoid(this.connection, `publishing diagnostics for ${uri}`, () => {
        const diagnostics = this.workspace.has(uri) ? this.workspace.findings(uri).map(toDiagnostic) : [];
        const version = this.openVersion(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
        // Published: a closed file keeps only its counts (its findings are made again if asked for).
        this.workspace.forgetFindings(uri);
      });
    }
  }

  dispose(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }
}
