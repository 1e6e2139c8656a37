import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError, applyPush, isJsonObject, type JsonObject, OpenCxApiClient, planPush, type PushPlan, Workspace } from '../engine';
import { apiSettings } from './apiSettings';
import type { CliContext } from './context';
import { collectFiles, displayPath, loadWorkspace, readInput } from './files';
import { formatPushMarkdown, formatPushText, type PushSummary } from './pushOutput';
import { EXIT, InputError, parseFormat } from './usage';

const FORMATS = ['text', 'json', 'markdown'] as const;

/** API failures are exit 2, like unreadable input. */
async function api<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw new InputError(error.message);
    throw error;
  }
}

/**
 * `opencx-actions push [paths…] [--env NAME] [--apply] [--format text|json|markdown]`: without --apply, the plan
 * (creates, field-by-field updates, conflicts, what cannot be sent, remote-only actions); with --apply, refused on
 * conflicts or lint errors, then the creates and partial updates are sent and the files record the new ids.
 * Nothing is ever deleted remotely. Exit 0 done or nothing to do; 1 conflicts or lint errors; 2 bad usage or API failure.
 */
export async function pushCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { env: { type: 'string' }, apply: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } },
  });
  const format = parseFormat(values.format, FORMATS);
  const paths = positionals.length ? positionals : ['.'];
  const files = collectFiles(paths, context.cwd);
  const actionFiles = files.filter((f) => f.kind === 'action');
  const first = path.resolve(context.cwd, paths[0]);
  const settings = apiSettings(fs.existsSync(first) && fs.statSync(first).isFile() ? path.dirname(first) : first, values.env, context.env);

  const workspace = new Workspace();
  loadWorkspace(workspace, files, context.cwd);
  const lintErrors = actionFiles.flatMap((f) => workspace.findings(f.id).filter((x) => x.severity === 'error').map((x) => `${f.display}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.code}: ${x.message}`));
  const actions = new Map<string, JsonObject>();
  for (const f of actionFiles) {
    try {
      const value = JSON.parse(readInput(f)) as unknown;
      if (isJsonObject(value)) actions.set(f.id, value);
    } catch {
      // a file that does not parse is a lint error above, and is not pushed
    }
  }

  const client = new OpenCxApiClient({ baseUrl: settings.baseUrl, key: settings.key });
  const plan = planPush([...actions].map(([id, action]) => ({ id, action })), await api(() => client.listActions()));
  const display = (id: string) => displayPath(id.split('/').join(path.sep), context.cwd);
  let applied = false;
  let refused: string | undefined;
  if (values.apply) {
    if (plan.conflicts.length) refused = `${plan.conflicts.length} conflict${plan.conflicts.length === 1 ? '' : 's'}: pull first, nothing was sent`;
    else if (lintErrors.length) refused = `${lintErrors.length} lint error${lintErrors.length === 1 ? '' : 's'}: fix them first, nothing was sent`;
    else {
      await api(() => applyPush(plan, actions, client, (pushed) => fs.writeFileSync(pushed.id.split('/').join(path.sep), pushed.text)));
      applied = true;
    }
  }
  const summary = toSummary(plan, applied, display);
  if (format === 'json') context.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else if (format === 'markdown') context.stdout.write(formatPushMarkdown(summary, plan, display, lintErrors));
  else context.stdout.write(formatPushText(summary, plan, display, lintErrors));
  if (refused) context.stderr.write(`opencx-actions: push refused: ${refused}\n`);
  return plan.conflicts.length || lintErrors.length ? EXIT.findings : EXIT.ok;
}

function toSummary(plan: PushPlan, applied: boolean, display: (id: string) => string): PushSummary {
  return {
    applied,
    create: plan.create.map((c) => display(c.file)),
    update: plan.update.map((u) => ({ file: display(u.file), id: u.id, fields: u.fields })),
    unchanged: plan.unchanged.map(display),
    conflicts: plan.conflicts.map((c) => display(c.file)),
    notSent: plan.notSent.map((n) => ({ file: display(n.file), fields: n.fields })),
    remoteOnly: plan.remoteOnly,
  };
}
