import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_IDS, ResolveRequest } from '../../../server/src/protocol';
import type { SelectionStore } from '../selection';
import { rememberedValues } from './inputs';

export const PLAN_SCHEME = 'opencx-plan';

/**
 * "OpenCX: Show Request Plan": the request OpenCX would send, as text in a read-only editor, with nothing sent.
 * Values the AI would extract come from the last run of the action; missing ones show as {name}.
 */
export class PlanView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, this);

  constructor(private readonly client: LanguageClient, private readonly selection: SelectionStore, private readonly state: vscode.Memento) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'Run "OpenCX: Show Request Plan" from an action file.';
  }

  /** Plans the action in `given` (or the active editor) and shows the plan; returns its text. */
  async show(given?: vscode.Uri): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    const uri = given ?? (editor?.document.languageId === LANGUAGE_IDS.action ? editor.document.uri : undefined);
    if (!uri) {
      void vscode.window.showErrorMessage('Open an OpenCX action (*.action.json) to see its request plan.');
      return undefined;
    }
    const response = await this.client.sendRequest(ResolveRequest.type, {
      uri: uri.toString(), selection: this.selection.get(), values: rememberedValues(this.state, uri), mode: 'dryRun',
    });
    const text = response.ok ? response.planText : `No plan: ${response.message}\n`;
    const planUri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${uri.path.split('/').pop()?.replace(/\.action\.json$/, '')}.plan.txt`, query: uri.toString() });
    this.texts.set(planUri.toString(), text);
    this.changed.fire(planUri);
    const document = await vscode.workspace.openTextDocument(planUri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return text;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
