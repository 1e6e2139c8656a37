import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError, OpenCxApiClient, planPull, Workspace } from '../engine';
import { apiSettings, writeMinimalConfig } from './apiSettings';
import type { CliContext } from './context';
import { collectFiles, displayPath, loadWorkspace, readInput, toId } from './files';
import { summarise, toCliFinding } from './report';
import { EXIT, InputError, parseFormat, UsageError } from './usage';

const FORMATS = ['text', 'json'] as const;

/**
 * `opencx-actions pull [--out DIR] [--env NAME] [--force] [--format text|json]`: one file per remote action in
 * DIR/actions, linked by `remote.id`; local changes are conflicts unless --force; then the folder is linted.
 * Exit 0, 1 with conflicts, 2 bad usage or an API failure.
 */
export async function pullCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { out: { type: 'string' }, env: { type: 'string' }, force: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } },
  });
  if (positionals.length) throw new UsageError(`pull takes no file arguments; got "${positionals[0]}" (use --out DIR)`);
  const format = parseFormat(values.format, FORMATS);
  const out = path.resolve(context.cwd, values.out ?? '.');
  const settings = apiSettings(out, values.env, context.env);
  const actionsDir = path.join(out, 'actions');
  const existing = fs.existsSync(actionsDir) ? collectFiles([actionsDir], context.cwd).filter((f) => f.kind === 'action') : [];

  let remotes;
  try {
    remotes = await new OpenCxApiClient({ baseUrl: settings.baseUrl, key: settings.key }).listActions();
  } catch (error) {
    if (error instanceof ApiError) throw new InputError(error.message);
    throw error;
  }
  const plan = planPull(remotes, existing.map((f) => ({ id: f.id, text: readInput(f) })), { actionsDir: toId(actionsDir), force: values.force === true });
  for (const write of plan.writes) {
    const file = write.id.split('/').join(path.sep);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, write.text);
  }
  if (!settings.configFile) writeMinimalConfig(out, settings.baseUrl);

  const display = (id: string) => displayPath(id.split('/').join(path.sep), context.cwd);
  const result = { created: plan.created.map(display), updated: plan.updated.map(display), unchanged: plan.unchanged.map(display), conflicts: plan.conflicts.map(display) };
  if (format === 'json') context.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else context.stdout.write(pullText(result, plan.notes.map((n) => `${display(n.id)}: ${n.message}`), lintSummary(actionsDir, context.cwd)));
  return plan.conflicts.length ? EXIT.findings : EXIT.ok;
}

/** The lint of the pulled folder, as stylish-like lines. */
function lintSummary(actionsDir: string, cwd: string): string[] {
  if (!fs.existsSync(actionsDir)) return [];
  const files = collectFiles([actionsDir], cwd);
  const workspace = new Workspace();
  const displayOf = loadWorkspace(workspace, files, cwd);
  const findings = files.flatMap((f) => workspace.findings(f.id).map((finding) => toCliFinding(f.display, finding, displayOf)));
  const counts = summarise(findings, files.length);
  return [`lint: ${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} infos in ${files.length} files`, ...findings.filter((f) => f.severity === 'error').map((f) => `  ${f.file}:${f.line}:${f.column} ${f.code}: ${f.message}`)];
}

function pullText(result: Record<'created' | 'updated' | 'unchanged' | 'conflicts', string[]>, notes: string[], lint: string[]): string {
  const lines = [`pulled: ${result.created.length} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged, ${result.conflicts.length} conflicts`];
  for (const [title, files] of [['created', result.created], ['updated', result.updated], ['conflicts (changed here since the last pull; --force overwrites)', result.conflicts]] as const) {
    if (files.length) lines.push('', `${title}:`, ...files.map((f) => `  ${f}`));
  }
  if (notes.length) lines.push('', 'notes:', ...notes.map((n) => `  ${n}`));
  if (lint.length) lines.push('', ...lint);
  return lines.join('\n') + '\n';
}
