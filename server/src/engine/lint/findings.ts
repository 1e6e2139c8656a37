import type { Range } from '../document/text';

/** How serious a finding is; the names are the CLI's and map one to one onto LSP severities. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** The constant `source` of every diagnostic this project produces. */
export const FINDING_SOURCE = 'opencx';

/** Where the rule documentation lives; each code has an anchor of the same name in docs/rules.md. */
export const DOCS_BASE_URL = 'https://github.com/opencx/opencx-actions-vscode/blob/main/docs/rules.md';

export function docsUrl(code: string): string {
  return `${DOCS_BASE_URL}#${code}`;
}

/** A pointer into another (or the same) file, for cross-file findings. */
export interface RelatedLocation {
  /** Absolute file path or URI string, the same kind the finding's document was given with. */
  file: string;
  range: Range;
  message: string;
}

/** One problem found in one document. The engine's only output type for diagnostics. */
export interface Finding {
  /** Stable rule code, documented in docs/rules.md. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  /** Whatever a quick fix needs to act without recomputing. */
  data?: unknown;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

/** Removes findings with the same code, range and message, and sorts by position. */
export function normaliseFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.code}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort(compareFindings);
}
