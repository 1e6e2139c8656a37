import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHANNELS, type RouteReport } from '../../../server/src/engine';
import { RouteInputsRequest, type RouteInputsView } from '../../../server/src/protocol';
import type { SelectionStore } from '../selection';
import { modelApiKey } from './apiKey';
import { ensureConsent, type ConsentPrompt } from './consent';
import type { RoutingDiagnostics } from './diagnostics';
import type { RoutingView } from './messages';
import type { RoutingPanel } from './panel';
import type { runRouting, suggestUtterances } from './router';
import { modelChoice, refuseWithoutModel } from './settings';

export const ROUTING_RESTRICTED_MESSAGE = 'The routing test sends your actions and utterances to a model, so it is disabled in Restricted Mode. Trust this workspace (Manage Workspace Trust) to use it.';

/** What the routing commands share. `prompts.consent` is replaceable by end-to-end tests. */
export interface RoutingContext {
  extension: vscode.ExtensionContext;
  client: LanguageClient;
  selection: SelectionStore;
  panel: RoutingPanel;
  diagnostics: RoutingDiagnostics;
  prompts: { consent: ConsentPrompt };
}

/** Arguments of opencx.runRoutingTest (tests and keybindings): skip the pickers. */
export interface RoutingArguments {
  contact?: string | null;
  channel?: string;
}

/** What the command returns (tests read it): the report, or why there is none. */
export type RoutingResult = { ok: true; report: RouteReport } | { ok: false; reason: 'restricted' | 'no-model' | 'cancelled' | 'declined' | 'too-many' | 'nothing' | 'failed'; message: string };

/** dist/router.js holds the `openai` package: required on the first routing test only. */
export function loadRouter(extension: vscode.ExtensionContext): { runRouting: typeof runRouting; suggestUtterances: typeof suggestUtterances } {
  return require(extension.asAbsolutePath('dist/router.js')) as { runRouting: typeof runRouting; suggestUtterances: typeof suggestUtterances };
}

export function refuseInRestrictedMode(): { ok: false; reason: 'restricted'; message: string } {
  void vscode.window.showErrorMessage(`OpenCX: ${ROUTING_RESTRICTED_MESSAGE}`, 'Manage Workspace Trust').then((c) => c && vscode.commands.executeCommand('workbench.trust.manage'));
  return { ok: false, reason: 'restricted', message: ROUTING_RESTRICTED_MESSAGE };
}

async function chooseChannel(contactLabel: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(CHANNELS.map((c) => ({ label: c })), { title: `OpenCX: Routing test for ${contactLabel}`, placeHolder: 'The channel the conversation happens on' });
  return picked?.label;
}

const vsRange = (r: RouteInputsView['nameRanges'][string]) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/**
 * OpenCX: Run Routing Test. Asks the language server for the catalog (the tool list for the status bar's contact on
 * the chosen channel) and the offered actions' utterances, asks once per base URL before anything is sent, then
 * sends each utterance (`opencx.model.runs` times) with a cancellable progress notification, and shows the report
 * in a panel and as info diagnostics on the misrouted actions.
 */
export async function runRoutingTest(ctx: RoutingContext, args: RoutingArguments = {}): Promise<RoutingResult> {
  if (!vscode.workspace.isTrusted) return refuseInRestrictedMode();
  const choice = modelChoice();
  if (!choice.ok) {
    void refuseWithoutModel(choice);
    return { ok: false, reason: 'no-model', message: choice.message };
  }
  const selected = ctx.selection.get();
  const contact = args.contact !== undefined ? args.contact : selected.contact;
  const channel = args.channel ?? (await chooseChannel(contact === null ? 'the anonymous visitor' : contact ?? 'the default contact'));
  if (!channel) return { ok: false, reason: 'cancelled', message: 'no channel chosen' };
  const inputs = await ctx.client.sendRequest(RouteInputsRequest.type, { ...(contact !== undefined ? { contact } : {}), channel, ...(selected.environment ? { environment: selected.environment } : {}) });
  if (!inputs) return fail('failed', 'the language server could not collect the routing test (see the OpenCX Actions output).');
  if (inputs.error) void vscode.window.showWarningMessage(`OpenCX: ${inputs.error}; testing the default contact instead.`);
  const total = inputs.cases.length * choice.runs;
  if (!total) return fail('nothing', `no utterances in the actions offered to ${inputs.catalog.contact ?? 'the anonymous visitor'} on ${inputs.catalog.channel}: add "utterances" to the actions (or OpenCX: Suggest Utterances).`);
  const counted = `${total} request${total === 1 ? '' : 's'} (${inputs.cases.length} utterance${inputs.cases.length === 1 ? '' : 's'} × ${choice.runs} run${choice.runs === 1 ? '' : 's'})`;
  if (total > choice.maxRequests) return fail('too-many', `this routing test would make ${counted}, above opencx.model.maxRequests (${choice.maxRequests}).`);
  if (!(await ensureConsent(ctx.extension.globalState, choice.baseUrl, counted, ctx.prompts.consent))) return { ok: false, reason: 'declined', message: 'nothing was sent' };

  const settings = { baseUrl: choice.baseUrl, model: choice.model, systemPrompt: choice.systemPrompt, apiKey: await modelApiKey(ctx.extension), timeoutMs: choice.timeoutMs };
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `OpenCX: routing test, ${counted} to ${choice.model}`, cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      return loadRouter(ctx.extension).runRouting(inputs, settings, choice.runs, abort.signal, (done, all) => {
        progress.report({ message: `${done} of ${all}`, increment: ((done - reported) / all) * 100 });
        reported = done;
      });
    });
  const nameRanges = Object.fromEntries(Object.entries(inputs.nameRanges).map(([file, r]) => [file, vsRange(r)]));
  const base: Omit<RoutingView, 'accuracy' | 'argumentAccuracy' | 'cases' | 'confusions'> = {
    model: choice.model, baseUrl: choice.baseUrl, contact: inputs.catalog.contact, channel: inputs.catalog.channel, runs: choice.runs,
    files: Object.fromEntries([...inputs.catalog.tools].reverse().map((t) => [t.name, t.file])),
  };
  ctx.diagnostics.clear();
  if (!outcome.ok) {
    if (outcome.cancelled) return { ok: false, reason: 'cancelled', message: 'the routing test was cancelled' };
    ctx.panel.show({ ...base, accuracy: null, argumentAccuracy: null, cases: [], confusions: [], error: outcome.message }, nameRanges);
    return fail('failed', outcome.message);
  }
  const report = outcome.value;
  ctx.panel.show({ ...base, accuracy: report.accuracy, argumentAccuracy: report.argumentAccuracy, cases: report.cases, confusions: report.confusions }, nameRanges);
  ctx.diagnostics.set(report, nameRanges);
  return { ok: true, report };
}

function fail(reason: Extract<RoutingResult, { ok: false }>['reason'], message: string): RoutingResult {
  void vscode.window.showErrorMessage(`OpenCX routing test: ${message}`);
  return { ok: false, reason, message };
}
