import { type PushPlan } from '../engine';

/** `push --format json`: the issue's shape. */
export interface PushSummary {
  applied: boolean;
  create: string[];
  update: { file: string; id: string; fields: string[] }[];
  unchanged: string[];
  conflicts: string[];
  notSent: { file: string; fields: string[] }[];
  remoteOnly: { id: string; name: string }[];
}

function headline(summary: PushSummary): string {
  const counts = `${summary.create.length} to create, ${summary.update.length} to update, ${summary.unchanged.length} unchanged, ${summary.conflicts.length} conflicts`;
  return summary.applied ? `pushed: ${counts.replace(/ to (create|update)/g, (_m, verb: string) => (verb === 'create' ? ' created' : ' updated'))}` : `push plan (nothing sent; --apply sends it): ${counts}`;
}

/** The plan (or what was done) as text. */
export function formatPushText(summary: PushSummary, plan: PushPlan, display: (id: string) => string, lintErrors: string[]): string {
  const lines = [headline(summary)];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push('', `${title}:`, ...items.map((i) => `  ${i}`));
  };
  section('create', summary.create);
  section('update', summary.update.map((u) => `${u.file} (${u.id}): ${u.fields.join(', ')}`));
  section('conflicts', plan.conflicts.map((c) => `${display(c.file)}: ${c.reason}`));
  section('not sent (the API does not carry them; set them in the dashboard)', summary.notSent.map((n) => `${n.file}: ${n.fields.join(', ')}`));
  section('in OpenCX without a file (never deleted)', summary.remoteOnly.map((r) => `${r.id} ${r.name}`));
  section('lint errors (--apply refuses them)', lintErrors);
  return lines.join('\n') + '\n';
}

/** The plan as Markdown, for a pull-request comment. */
export function formatPushMarkdown(summary: PushSummary, plan: PushPlan, display: (id: string) => string, lintErrors: string[]): string {
  const lines = [`### OpenCX actions: ${headline(summary)}`, '', '| change | file | fields |', '|---|---|---|'];
  for (const f of summary.create) lines.push(`| create | \`${f}\` | all |`);
  for (const u of summary.update) lines.push(`| update | \`${u.file}\` | ${u.fields.map((f) => `\`${f}\``).join(', ')} |`);
  for (const c of plan.conflicts) lines.push(`| **conflict** | \`${display(c.file)}\` | ${c.reason} |`);
  for (const n of summary.notSent) lines.push(`| not sent | \`${n.file}\` | ${n.fields.join(', ')} (set in the dashboard) |`);
  for (const r of summary.remoteOnly) lines.push(`| only in OpenCX | ${r.name} (\`${r.id}\`) | never deleted |`);
  if (lintErrors.length) lines.push('', `**${lintErrors.length} lint errors** (\`--apply\` refuses to push):`, '', ...lintErrors.map((e) => `- ${e}`));
  return lines.join('\n') + '\n';
}
