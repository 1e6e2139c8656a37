import * as vscode from 'vscode';
import type { PushPlan } from '../../../server/src/engine';
import { loadPlan, planHeadline } from './pushPlan';
import { display, openFiles, reportFailure, startSession, withApi, writeId, type SyncContext } from './session';

/** What a caller (the e2e tests) may give instead of answering. */
export interface PushArguments {
  folder?: vscode.Uri | string;
  /** The answer to the confirmation ("Push" sends; anything else cancels), instead of the modal dialog. */
  answer?: string;
}

/** What the command did, for its caller. */
export interface PushResult {
  applied: boolean;
  created: string[];
  updated: string[];
  /** Why nothing was sent, when it was refused. */
  refused?: string;
  /** The confirmation's message and detail, as shown (or as it would have been). */
  confirmation?: string;
  /** The error shown when a request failed (files already answered were recorded). */
  failure?: string;
}

const TITLE = 'OpenCX: Push Actions';
const PUSH = 'Push';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The modal's text: what will be sent, what is not sent, and that nothing is deleted. */
function confirmationOf(plan: PushPlan, baseUrl: string): { message: string; detail: string } {
  const lines = [
    ...plan.create.map((c) => `create  ${display(c.file)}`),
    ...plan.update.map((u) => `update  ${display(u.file)}: ${u.fields.join(', ')}`),
    ...(plan.notSent.length ? ['', 'Not sent (the API does not carry them; set them in the dashboard):', ...plan.notSent.map((n) => `  ${display(n.file)}: ${n.fields.join(', ')}`)] : []),
    '',
    `${plan.unchanged.length} unchanged. Nothing is deleted in OpenCX${plan.remoteOnly.length ? ` (${plural(plan.remoteOnly.length, 'action')} there have no file and stay)` : ''}.`,
  ];
  return { message: `Push to ${baseUrl}: ${plural(plan.create.length, 'create')} and ${plural(plan.update.length, 'update')}?`, detail: lines.join('\n') };
}

/** Refuses (nothing sent) on lint errors or conflicts, naming the files; undefined when the push may go on. */
function refusal(loaded: Awaited<ReturnType<typeof loadPlan>>): { message: string; button: string; command: string } | undefined {
  if (loaded.lintErrors.length) {
    const files = [...new Set(loaded.lintErrors.map((e) => display(e.id)))];
    return { message: `Push refused, nothing was sent: ${plural(loaded.lintErrors.length, 'lint error')} in ${files.join(', ')}. Fix them first.`, button: 'Show Problems', command: 'workbench.actions.view.problems' };
  }
  if (loaded.plan.conflicts.length) {
    return { message: `Push refused, nothing was sent: ${plural(loaded.plan.conflicts.length, 'conflict')}: ${loaded.plan.conflicts.map((c) => `${display(c.file)} (${c.reason})`).join('; ')}. Pull first, then push again.`, button: 'Show Push Plan', command: 'opencx.showPushPlan' };
  }
  return undefined;
}

/**
 * OpenCX: Push Actions. Plans the push, refuses on lint errors or conflicts, asks for confirmation in a modal
 * dialog with the plan, then sends the creates and partial updates one at a time (cancellable between requests)
 * and records each new id and timestamp in its file as soon as OpenCX answers.
 */
export async function pushActions(ctx: SyncContext, args: PushArguments = {}): Promise<PushResult | undefined> {
  try {
    const session = await startSession(ctx, TITLE, args.folder);
    if (!session) return undefined;
    const { target, engine } = session;
    const loaded = await withApi(session, `Planning the push to ${target.baseUrl}`, (client, progress) => loadPlan(session, client, progress));
    ctx.output.info(`push plan → ${target.baseUrl}: ${planHeadline(loaded.plan)}`);
    const refused = refusal(loaded);
    if (refused) {
      void vscode.window.showErrorMessage(refused.message, refused.button).then((c) => c && vscode.commands.executeCommand(refused.command, ...(refused.command === 'opencx.showPushPlan' ? [{ folder: session.organisation.folder }] : [])));
      return { applied: false, created: [], updated: [], refused: refused.message };
    }
    const { plan } = loaded;
    if (!plan.create.length && !plan.update.length) {
      const message = `Nothing to push to ${target.baseUrl}: ${plural(plan.unchanged.length, 'file')} unchanged.`;
      void vscode.window.showInformationMessage(message);
      return { applied: false, created: [], updated: [], refused: message };
    }
    const confirmation = confirmationOf(plan, target.baseUrl);
    const answer = args.answer ?? (await vscode.window.showWarningMessage(confirmation.message, { modal: true, detail: confirmation.detail }, PUSH));
    if (answer !== PUSH) return { applied: false, created: [], updated: [], confirmation: `${confirmation.message}\n${confirmation.detail}` };
    const written: { file: string; kind: 'created' | 'updated' }[] = [];
    await withApi(session, `Pushing to ${target.baseUrl}`, async (client, progress) => {
      const total = plan.create.length + plan.update.length;
      await engine.applyPush(plan, loaded.actions, client, async (pushed) => {
        await writeId(pushed.id, pushed.text);
        written.push({ file: pushed.id, kind: pushed.kind });
        ctx.output.info(`push: ${pushed.kind} ${display(pushed.id)} (remote ${pushed.remoteId})`);
        progress.report({ message: `${written.length} of ${total} sent`, increment: 100 / total });
      });
    }).then(undefined, (error: unknown) => {
      if (written.length) ctx.output.warn(`push stopped after ${written.length} of ${plan.create.length + plan.update.length}; those files record their remote ids`);
      throw error;
    });
    const created = written.filter((w) => w.kind === 'created').map((w) => display(w.file));
    const updated = written.filter((w) => w.kind === 'updated').map((w) => display(w.file));
    void vscode.window.showInformationMessage(`Pushed to ${target.baseUrl}: ${created.length} created, ${updated.length} updated; the files record the remote ids.`, 'Open Files')
      .then((c) => c && openFiles(written.map((w) => w.file)));
    return { applied: true, created, updated, confirmation: `${confirmation.message}\n${confirmation.detail}` };
  } catch (error) {
    reportFailure(TITLE, error, ctx.output);
    return { applied: false, created: [], updated: [], failure: error instanceof Error ? error.message : String(error) };
  }
}
