import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { docsUrl, type Finding, FINDING_SOURCE, type Severity } from '../engine';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** An engine finding as an LSP diagnostic: source, code, link to its documentation, related locations, data. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: LSP_SEVERITY[finding.severity],
    source: FINDING_SOURCE,
    code: finding.code,
    codeDescription: { href: docsUrl(finding.code) },
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      // The server's workspace ids are the URIs the client gave, so a related file is already a URI.
      location: { uri: r.file, range: r.range },
      message: r.message,
    }));
  }
  if (finding.data !== undefined) diagnostic.data = finding.data;
  return diagnostic;
}
