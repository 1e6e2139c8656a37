import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SecretSource } from '../../../server/src/engine';
import { DescribeActionRequest, LANGUAGE_IDS, ResolveRequest } from '../../../server/src/protocol';
import type { SecretStore } from '../secrets';
import type { SelectionStore } from '../selection';
import type { RunHistory } from './history';
import { askInputs, pickStartingValues, readSamples, rememberedValues, rememberValues, type InputValues } from './inputs';
import { RunPanels, type RunPanel } from './panel';
import type { RunOutcome, runPlan } from './runner';
import { runSettings } from './settings';
import type { RunView } from './view';

/** What a run command needs from the extension. */
export interface RunContext {
  extension: vscode.ExtensionContext;
  client: LanguageClient;
  secrets: SecretStore;
  selection: SelectionStore;
  history: RunHistory;
  panels: RunPanels;
  output: vscode.LogOutputChannel;
}

/** The last run, for the end-to-end tests (the API returned by activate). */
export interface LastRun {
  outcome: RunOutcome;
  panel: RunPanel;
}

export const RESTRICTED_MODE_MESSAGE = 'Running an action sends a real HTTP request, so it is disabled in Restricted Mode. Trust this workspace (Manage Workspace Trust) to run actions; linting, hovers and request plans keep working.';

/** dist/runner.js holds undici and the tokenizer: required on the first run only (Node caches it after that). */
function loadRunner(extension: vscode.ExtensionContext): { runPlan: typeof runPlan } {
  return require(extension.asAbsolutePath('dist/runner.js')) as { runPlan: typeof runPlan };
}

function actionUri(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri) return uri;
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === LANGUAGE_IDS.action ? editor.document.uri : undefined;
}

async function readCaCertificates(paths: string[]): Promise<string[]> {
  return Promise.all(paths.map(async (p) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(p)))));
}

/**
 * OpenCX: Run Action. Asks for the values the AI would extract, plans the request in the language server (the
 * same resolver as hovers and the CLI), sends it with the engine's executor (secrets filled only now), and shows
 * what the AI receives. Returns undefined when nothing was run (cancelled, refused, not an action).
 */
export async function runAction(ctx: RunContext, given?: vscode.Uri, presetValues?: InputValues): Promise<LastRun | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage(RESTRICTED_MODE_MESSAGE, 'Manage Workspace Trust').then((c) => c && vscode.commands.executeCommand('workbench.trust.manage'));
    return undefined;
  }
  const uri = actionUri(given);
  if (!uri) {
    void vscode.window.showErrorMessage('Open an OpenCX action (*.action.json) to run it.');
    return undefined;
  }
  const description = await ctx.client.sendRequest(DescribeActionRequest.type, { uri: uri.toString() });
  if (!description) return showError(`${uri.path.split('/').pop()} is not an OpenCX action the workspace knows.`);
  if (description.problems.length) return showError(`"${description.actionName}" cannot be run yet: ${description.problems.join('; ')}`);
  const values = presetValues ?? (await chooseValues(ctx, uri, description.actionName, description.inputs));
  if (!values) return undefined;
  const selection = ctx.selection.get();
  const resolved = await ctx.client.sendRequest(ResolveRequest.type, { uri: uri.toString(), selection, values, mode: 'send' });
  if (!resolved.ok) return showError(`Cannot run "${description.actionName}": ${resolved.message}`);
  await rememberValues(ctx.extension.workspaceState, uri, values);
  const settings = runSettings(uri);
  const secrets: SecretSource = { get: (name) => Promise.resolve(ctx.secrets.get(name)) };
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Running "${description.actionName}"`, cancellable: false },
    async () => loadRunner(ctx.extension).runPlan(resolved.plan, {
      secrets,
      timeoutMs: settings.timeoutMs,
      allowHttp: settings.allowHttpLoopback,
      caCertificates: await readCaCertificates(settings.caCertificates),
      maxBodyBytes: settings.maxBodyBytes,
      meta: { actionName: description.actionName, environment: resolved.plan.environment, contact: resolved.plan.contact, ranAt: new Date(), tokenBudget: settings.tokenBudget },
    }),
  );
  ctx.output.info(`ran "${description.actionName}": ${outcome.result.outcome} ${outcome.result.ai.status ?? ''} in ${Math.round(outcome.result.response.timing.totalMs)} ms`);
  await ctx.history.record(outcome.view, uri, values);
  const panel = showView(ctx, uri, outcome.view, () => void runAction(ctx, uri, values), outcome.result.ai.body);
  return { outcome, panel };
}

async function chooseValues(ctx: RunContext, uri: vscode.Uri, actionName: string, inputs: Parameters<typeof askInputs>[1]): Promise<InputValues | undefined> {
  if (!inputs.length) return {};
  const start = await pickStartingValues(actionName, inputs, await readSamples(uri), rememberedValues(ctx.extension.workspaceState, uri));
  if (!start) return undefined;
  return start.review ? askInputs(actionName, inputs, start.values) : start.values;
}

/**
 * Shows a run's view in its action's panel, with working buttons (also used to reopen history entries, which only
 * keep the capped body: `fullBody` is the whole AI text when it is still in memory).
 */
export function showView(ctx: RunContext, uri: vscode.Uri, view: RunView, rerun: () => void, fullBody?: string): RunPanel {
  return ctx.panels.show(uri.toString(), view, {
    copyCurl: () => void vscode.env.clipboard.writeText(view.curl).then(() => vscode.window.showInformationMessage('Copied the cURL command (secrets masked).')),
    openFullBody: () => void openBody(fullBody ?? view.ai.body, view.prettyJson !== undefined),
    rerun,
  });
}

async function openBody(body: string, json: boolean): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ content: body, language: json ? 'json' : 'plaintext' });
  await vscode.window.showTextDocument(document, { preview: false });
}

function showError(message: string): undefined {
  void vscode.window.showErrorMessage(message);
  return undefined;
}
