import * as vscode from 'vscode';
import type { ImportSummary } from '../../../server/src/engine/openapi';

/** The scheme of the read-only documents that hold the spec's version of a kept file, for the diff. */
export const PROPOSED_SCHEME = 'opencx-import';

/** Serves the spec's version of each kept file, so that `vscode.diff` can compare it with the edited file. */
export class ProposedVersions implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PROPOSED_SCHEME, this);

  /** Remembers `text` as the spec's version of `file` and returns the Uri that shows it. */
  offer(file: vscode.Uri, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PROPOSED_SCHEME, path: file.path, query: String(Date.now()) });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
  }
}

const link = (label: string, uri: vscode.Uri | undefined) => (uri ? `[${label}](${uri.toString()})` : label);

function list<T>(lines: string[], title: string, items: T[], line: (item: T) => string): void {
  if (!items.length) return;
  lines.push('', `## ${title} (${items.length})`, '');
  for (const item of items) lines.push(`- ${line(item)}`);
}

/** The import summary as Markdown, with a link to each file (`uriOf` maps the summary's file names back). */
export function summaryMarkdown(summary: ImportSummary, uriOf: (file: string) => vscode.Uri | undefined): string {
  const lines = [
    `# Import from OpenAPI: ${summary.spec}`,
    '',
    `${summary.created.length} created, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged, ${summary.kept.length} kept, ${summary.skipped.length} skipped, ${summary.errors.length} errors, ${summary.lint.length} lint findings.`,
  ];
  list(lines, 'Errors', summary.errors, (e) => `\`${e.code}\`${e.operation ? ` **${e.operation}**` : ''}: ${e.message}`);
  list(lines, 'Created', summary.created, (f) => link(f, uriOf(f)));
  list(lines, 'Updated', summary.updated, (f) => link(f, uriOf(f)));
  list(lines, 'Kept: edited by hand, or their operation left the spec', summary.kept, (f) => link(f, uriOf(f)));
  list(lines, 'Skipped', summary.skipped, (s) => `**${s.operation}**: ${s.reason}`);
  list(lines, 'Lint: fix these first', summary.lint, (f) => `${link(`${f.file}:${f.line}:${f.column}`, uriOf(f.file)?.with({ fragment: `L${f.line},${f.column}` }))} ${f.severity} \`${f.code}\`: ${f.message}`);
  list(lines, 'Notes', summary.notes, (n) => `${n.operation ? `**${n.operation}**: ` : ''}${n.message}`);
  return lines.join('\n') + '\n';
}
