import type { Finding, Severity } from '../engine';

/** One finding as the CLI reports it: lines and columns are 1-based. */
export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  related: { file: string; line: number; column: number; message: string }[];
}

/** `file` and related files are shown as the user would type them; `displayOf` maps the engine's names. */
export function toCliFinding(file: string, finding: Finding, displayOf: (file: string) => string = (f) => f): CliFinding {
  return {
    file,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    related: (finding.related ?? []).map((r) => ({
      file: displayOf(r.file),
      line: r.range.start.line + 1,
      column: r.range.start.character + 1,
      message: r.message,
    })),
  };
}

export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarise(findings: CliFinding[], files: number): LintSummary {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { files, errors: count('error'), warnings: count('warning'), infos: count('info') + count('hint') };
}
