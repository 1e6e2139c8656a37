import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKindOf } from '../engine/documentKind';
import { lintDocument } from '../engine/lint';
import { toDiagnostic } from './convert';
import type { Disposable, Runtime } from './runtime';
import { runSafeVoid } from './safe';

/** How long the server waits after the last keystroke before linting a document again. */
const LINT_DELAY_MS = 150;

/**
 * Debounced push diagnostics for open documents. A result is sent only if the document is still at the
 * version that was linted, so a slow lint never overwrites a newer one.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, Disposable>();

  constructor(
    private readonly connection: Connection,
    private readonly runtime: Runtime,
    private readonly currentVersion: (uri: string) => TextDocument | undefined,
  ) {}

  /** Lints soon (after typing pauses) or, with `immediately`, now. */
  schedule(document: TextDocument, immediately = false): void {
    this.cancel(document.uri);
    if (immediately) {
      this.lint(document.uri, document.version);
      return;
    }
    const version = document.version;
    this.pending.set(document.uri, this.runtime.timer.setTimeout(() => {
      this.pending.delete(document.uri);
      this.lint(document.uri, version);
    }, LINT_DELAY_MS));
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const timer of this.pending.values()) timer.dispose();
    this.pending.clear();
  }

  private cancel(uri: string): void {
    this.pending.get(uri)?.dispose();
    this.pending.delete(uri);
  }

  private lint(uri: string, version: number): void {
    runSafeVoid(this.connection, `linting ${uri}`, () => {
      const document = this.currentVersion(uri);
      const kind = documentKindOf(uri);
      if (!document || document.version !== version || !kind) return;
      const { findings } = lintDocument({ kind, text: document.getText() });
      void this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
    });
  }
}
