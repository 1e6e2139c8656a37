import * as vscode from 'vscode';
import { LANGUAGE_IDS, SuggestSubjectRequest } from '../../../server/src/protocol';
import { modelApiKey } from './apiKey';
import { ensureConsent } from './consent';
import { loadRouter, refuseInRestrictedMode, type RoutingContext } from './routingCommand';
import { modelChoice, refuseWithoutModel } from './settings';
import { utteranceEdits } from './utteranceEdit';

/** Which suggestions to insert; every one is ticked at first. Replaceable by end-to-end tests. */
export type SuggestionPicker = (actionName: string, suggestions: string[]) => Promise<string[] | undefined>;

export const quickPickSuggestions: SuggestionPicker = async (actionName, suggestions) => {
  const picked = await vscode.window.showQuickPick(suggestions.map((label) => ({ label, picked: true })), {
    canPickMany: true,
    title: `OpenCX: utterances the model suggests for "${actionName}"`,
    placeHolder: 'Untick the ones to leave out; they are inserted marked "generated": true',
    ignoreFocusOut: true,
  });
  return picked?.map((p) => p.label);
};

/** What opencx.suggestUtterances returns (tests read it): the inserted texts, or why none. */
export type SuggestResult = { ok: true; inserted: string[] } | { ok: false; message: string };

/**
 * OpenCX: Suggest Utterances. Asks the configured model (same key and consent as the routing test) for a few
 * customer messages from the action's name, description and parameters only, lets the user untick any, and inserts
 * the rest into `utterances` as `{ "text": …, "generated": true }` (one edit, undoable, left unsaved).
 */
export async function suggestUtterancesCommand(ctx: RoutingContext & { prompts: { pickSuggestions: SuggestionPicker } }, given?: vscode.Uri): Promise<SuggestResult> {
  if (!vscode.workspace.isTrusted) return refuseInRestrictedMode();
  const editor = vscode.window.activeTextEditor;
  const uri = given ?? (editor?.document.languageId === LANGUAGE_IDS.action ? editor.document.uri : undefined);
  if (!uri) return fail('open an OpenCX action (*.action.json) to suggest utterances for it.');
  const choice = modelChoice();
  if (!choice.ok) {
    void refuseWithoutModel(choice);
    return { ok: false, message: choice.message };
  }
  const subject = await ctx.client.sendRequest(SuggestSubjectRequest.type, { uri: uri.toString() });
  if (!subject) return fail('the action needs a name and a description before a model can suggest what customers say.');
  if (!(await ensureConsent(ctx.extension.globalState, choice.baseUrl, '1 request', ctx.prompts.consent))) return { ok: false, message: 'nothing was sent' };
  const settings = { baseUrl: choice.baseUrl, model: choice.model, systemPrompt: choice.systemPrompt, apiKey: await modelApiKey(ctx.extension), timeoutMs: choice.timeoutMs };
  const { existing, ...about } = subject;
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `OpenCX: asking ${choice.model} for utterances of "${subject.name}"`, cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return loadRouter(ctx.extension).suggestUtterances(about, existing, settings, abort.signal);
    });
  if (!outcome.ok) return outcome.cancelled ? { ok: false, message: 'cancelled' } : fail(outcome.message);
  if (!outcome.value.length) return fail(`${choice.model} suggested no new utterance (its answer held no usable list).`);
  const chosen = await ctx.prompts.pickSuggestions(subject.name, outcome.value);
  if (!chosen?.length) return { ok: false, message: 'nothing chosen' };
  const document = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const tabSize = typeof shown?.options.tabSize === 'number' ? shown.options.tabSize : 2;
  const edits = utteranceEdits(document.getText(), chosen, { tabSize, insertSpaces: shown?.options.insertSpaces !== false, eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n' });
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  if (!(await vscode.workspace.applyEdit(edit))) return fail('the edit could not be applied (the file changed meanwhile?).');
  return { ok: true, inserted: chosen };
}

function fail(message: string): SuggestResult {
  void vscode.window.showErrorMessage(`OpenCX: ${message}`);
  return { ok: false, message };
}
