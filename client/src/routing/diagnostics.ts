import * as vscode from 'vscode';
import type { RouteReport } from '../../../server/src/engine';
import { misroutedMessage } from './misrouted';

/** The collection's name: the source users see on the routing test's findings. */
export const ROUTING_DIAGNOSTICS = 'opencx-routing';

/**
 * Info diagnostics from the last routing test, on the name of each action the model sent utterances of elsewhere.
 * Cleared by the next run, and per file as soon as that file changes (the finding described the old text).
 */
export class RoutingDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(ROUTING_DIAGNOSTICS);
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length && this.collection.has(e.document.uri)) this.collection.delete(e.document.uri);
  });

  clear(): void {
    this.collection.clear();
  }

  /** Replaces every routing finding with the report's. `nameRanges`: where each file's action name is. */
  set(report: RouteReport, nameRanges: Record<string, vscode.Range>): void {
    this.collection.clear();
    const byFile = new Map<string, RouteReport['cases']>();
    for (const c of report.cases) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
    for (const [file, cases] of byFile) {
      const message = misroutedMessage(report, cases);
      if (message === null) continue;
      const diagnostic = new vscode.Diagnostic(nameRanges[file] ?? new vscode.Range(0, 0, 0, 1), message, vscode.DiagnosticSeverity.Information);
      diagnostic.source = ROUTING_DIAGNOSTICS;
      diagnostic.code = 'misrouted-utterances';
      this.collection.set(vscode.Uri.parse(file), [diagnostic]);
    }
  }

  dispose(): void {
    this.collection.dispose();
    this.subscription.dispose();
  }
}
