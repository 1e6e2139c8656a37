import type { Finding } from '../lint/findings';
import type { ImportedFindings } from './lintImport';
import type { ImportError, ImportNote, ImportPlan, SkippedOperation } from './types';

/** One lint finding in the summary (1-based line and column, as the CLI prints them). */
export interface SummaryFinding {
  file: string;
  line: number;
  column: number;
  severity: Finding['severity'];
  code: string;
  message: string;
}

/**
 * The import summary, `--format json`'s shape: the issue's fields (`spec`, `created`, `updated`, `unchanged`,
 * `kept`, `skipped`, `errors`) exactly, plus `notes` (what to do next: secrets, placeholders…) and `lint` (the
 * findings of the imported files after the import).
 */
export interface ImportSummary {
  spec: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  kept: string[];
  skipped: SkippedOperation[];
  errors: ImportError[];
  notes: ImportNote[];
  lint: SummaryFinding[];
}

/** The summary of a plan, every file shown through `display` (relative to the current folder, say). */
export function summarise(spec: string, plan: ImportPlan, lint: ImportedFindings[], display: (id: string) => string): ImportSummary {
  return {
    spec,
    created: plan.created.map(display),
    updated: plan.updated.map(display),
    unchanged: plan.unchanged.map(display),
    kept: plan.kept.map((k) => display(k.id)),
    skipped: plan.skipped,
    errors: plan.errors,
    notes: plan.notes,
    lint: lint.flatMap(({ id, findings }) => findings.map((f) => ({
      file: display(id),
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      severity: f.severity,
      code: f.code,
      message: f.message,
    }))),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function section<T>(lines: string[], title: string, items: T[], line: (item: T) => string): void {
  if (!items.length) return;
  lines.push('', `${title} (${items.length}):`);
  for (const item of items) lines.push(`  ${line(item)}`);
}

/** The summary as text, for the terminal and for the document VS Code shows. */
export function formatSummaryText(summary: ImportSummary, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Dry run, nothing written. ' : ''}${summary.spec}: ${summary.created.length} created, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged, ${summary.kept.length} kept, ${summary.skipped.length} skipped, ${plural(summary.errors.length, 'error')}, ${plural(summary.lint.length, 'lint finding')}.`,
  ];
  section(lines, 'Errors', summary.errors, (e) => `${e.code}${e.operation ? ` ${e.operation}` : ''}: ${e.message}`);
  section(lines, 'Created', summary.created, (f) => f);
  section(lines, 'Updated', summary.updated, (f) => f);
  section(lines, 'Kept (not overwritten)', summary.kept, (f) => f);
  section(lines, 'Skipped', summary.skipped, (s) => `${s.operation}: ${s.reason}`);
  section(lines, 'Lint: fix these first', summary.lint, (f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}: ${f.message}`);
  section(lines, 'Notes', summary.notes, (n) => `${n.operation ? `${n.operation}: ` : ''}${n.message}`);
  return lines.join('\n') + '\n';
}
