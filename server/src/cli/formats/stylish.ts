import type { CliFinding, LintSummary } from '../report';

export interface Colours {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const paint = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const ANSI: Colours = {
  red: paint(31, 39),
  yellow: paint(33, 39),
  blue: paint(34, 39),
  dim: paint(2, 22),
  bold: paint(1, 22),
  underline: paint(4, 24),
};

const plain = (text: string) => text;
export const NO_COLOURS: Colours = { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, underline: plain };

/** Colours when writing to a terminal, unless NO_COLOR is set; FORCE_COLOR forces them. */
export function coloursFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Colours {
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return ANSI;
  if (env.NO_COLOR !== undefined) return NO_COLOURS;
  return stream.isTTY ? ANSI : NO_COLOURS;
}

/** Findings grouped by file, one line each, then a summary: the format people read in a terminal. */
export function formatStylish(findings: CliFinding[], summary: LintSummary, c: Colours): string {
  const lines: string[] = [];
  const byFile = new Map<string, CliFinding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, items] of byFile) {
    lines.push(c.underline(file));
    const positions = items.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    items.forEach((f, i) => {
      const severity = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue(f.severity.padEnd(7));
      lines.push(`  ${c.dim(positions[i].padEnd(width))}  ${severity}  ${f.message}  ${c.dim(f.code)}`);
      for (const r of f.related) lines.push(`  ${' '.repeat(width)}           ${c.dim(`↳ ${r.file}:${r.line}:${r.column} ${r.message}`)}`);
    });
    lines.push('');
  }
  const problems = summary.errors + summary.warnings + summary.infos;
  const checked = `${summary.files} file${summary.files === 1 ? '' : 's'} checked`;
  if (problems === 0) {
    lines.push(`✔ no problems (${checked})`);
  } else {
    const text = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info) in ${checked}`;
    lines.push(summary.errors ? c.red(c.bold(text)) : c.yellow(c.bold(text)));
  }
  return lines.join('\n') + '\n';
}
