import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, minimalConfigText } from '../../../server/src/engine';
import { idOf } from './organisation';
import { display, openFiles, readFolder, reportFailure, startSession, withApi, writeId, type SyncContext } from './session';

/** What a caller (the e2e tests) may give instead of answering the pickers. */
export interface PullArguments {
  /** The organisation's folder (its opencx.config.json, or where a minimal one is written). */
  folder?: vscode.Uri | string;
  /** Overwrite files changed here since the last pull (the CLI's --force). */
  force?: boolean;
}

/** What the command did: the CLI's JSON shape, with paths relative to the workspace. */
export interface PullResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  conflicts: string[];
  /** The summary message shown. */
  message: string;
  /** The config written where there was none. */
  configWritten?: string;
  lintErrors: number;
}

const TITLE = 'OpenCX: Pull Actions';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * OpenCX: Pull Actions. The organisation's actions into `<folder>/actions/*.action.json` with the engine's pull
 * (links by `remote.id`, local changes kept as conflicts unless forced), a minimal opencx.config.json where none
 * was found, and a summary with buttons to open the files and to overwrite the conflicts. Returns undefined when
 * nothing was pulled (cancelled, refused, failed: a message says why).
 */
export async function pullActions(ctx: SyncContext, args: PullArguments = {}): Promise<PullResult | undefined> {
  try {
    const session = await startSession(ctx, TITLE, args.folder);
    if (!session) return undefined;
    const { organisation, engine, target } = session;
    const actionsDir = vscode.Uri.joinPath(organisation.folder, 'actions');
    const outcome = await withApi(session, `Pulling actions from ${target.baseUrl}`, async (client, progress, token) => {
      progress.report({ message: 'listing the actions (GET /actions)' });
      const remotes = await client.listActions();
      if (token.isCancellationRequested) return undefined;
      const existing = await readFolder(actionsDir, '**/*.action.json');
      const plan = engine.planPull(remotes, existing, { actionsDir: idOf(actionsDir), force: args.force === true });
      progress.report({ message: `writing ${plural(plan.writes.length, 'file')}` });
      for (const write of plan.writes) await writeId(write.id, write.text);
      let configWritten: string | undefined;
      if (!organisation.configUri) {
        const uri = vscode.Uri.joinPath(organisation.folder, CONFIG_FILE_NAME);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(minimalConfigText(target.baseUrl)));
        configWritten = idOf(uri);
      }
      const rules = vscode.workspace.getConfiguration('opencx', organisation.folder).get<Record<string, never>>('rules') ?? {};
      const lint = engine.lintErrors([...(await readFolder(organisation.folder, `{${CONFIG_FILE_NAME},actions/**/*.action.json}`))], rules);
      return { plan, configWritten, lint };
    });
    if (!outcome) {
      void vscode.window.showInformationMessage(`${TITLE}: cancelled before anything was written.`);
      return undefined;
    }
    const { plan, configWritten, lint } = outcome;
    for (const note of plan.notes) ctx.output.info(`pull: ${display(note.id)}: ${note.message}`);
    const result: PullResult = {
      created: plan.created.map(display), updated: plan.updated.map(display), unchanged: plan.unchanged.map(display), conflicts: plan.conflicts.map(display),
      message: '', ...(configWritten ? { configWritten: display(configWritten) } : {}), lintErrors: lint.length,
    };
    result.message = summaryOf(result, target.baseUrl);
    ctx.output.info(`pull from ${target.baseUrl} into ${organisation.label}: ${result.message}`);
    void showSummary(ctx, result, [...plan.created, ...plan.updated], plan.conflicts, organisation.folder);
    return result;
  } catch (error) {
    reportFailure(TITLE, error, ctx.output);
    return undefined;
  }
}

function summaryOf(result: PullResult, baseUrl: string): string {
  const counts = `${result.created.length} created, ${result.updated.length} updated, ${result.unchanged.length} unchanged, ${plural(result.conflicts.length, 'conflict')}`;
  const conflicts = result.conflicts.length
    ? ` ${result.conflicts.join(', ')} ${result.conflicts.length === 1 ? 'was' : 'were'} changed here since the last pull and left as ${result.conflicts.length === 1 ? 'it is' : 'they are'}: "Overwrite Local Changes" takes OpenCX's version (the CLI's pull --force); "Show Push Plan" compares and sends yours.`
    : '';
  const config = result.configWritten ? ` Wrote ${result.configWritten} (no config was found).` : '';
  const lint = result.lintErrors ? ` ${plural(result.lintErrors, 'lint error')} to fix (Problems panel).` : '';
  return `Pulled from ${baseUrl}: ${counts}.${conflicts}${config}${lint}`;
}

async function showSummary(ctx: SyncContext, result: PullResult, changed: string[], conflicts: string[], folder: vscode.Uri): Promise<void> {
  const buttons = [...(changed.length ? ['Open Files'] : []), ...(conflicts.length ? ['Show Push Plan', 'Overwrite Local Changes'] : [])];
  const show = conflicts.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(result.message, ...buttons);
  if (choice === 'Open Files') await openFiles(changed);
  if (choice === 'Show Push Plan') await vscode.commands.executeCommand('opencx.showPushPlan', { folder });
  if (choice === 'Overwrite Local Changes') {
    const sure = await vscode.window.showWarningMessage(`Overwrite ${plural(conflicts.length, 'file')} with OpenCX's version?`, { modal: true, detail: `${conflicts.map(display).join('\n')}\n\nYour changes to the synced fields are lost; fields OpenCX does not carry (segments, headers, magic fields) are kept.` }, 'Overwrite');
    if (sure === 'Overwrite') await pullActions(ctx, { folder, force: true });
  }
}
