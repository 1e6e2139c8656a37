import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { docsUrl, FINDING_SOURCE, type Finding, type Severity } from '../engine/findings';

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
      location: { uri: toUri(r.file), range: r.range },
      message: r.message,
    }));
  }
  if (finding.data !== undefined) diagnostic.data = finding.data;
  return diagnostic;
}

/** The engine names files by URI in the server and by path in the CLI; related locations need URIs. */
function toUri(file: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file) ? file : URI.file(file).toString();
}
