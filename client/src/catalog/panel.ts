import * as vscode from 'vscode';
import { webviewHtml } from '../webviewHtml';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CatalogRequest, type CatalogParams, type CatalogView } from '../../../server/src/protocol';
import type { SelectionStore } from '../selection';
import { isFromCatalogWebview, type CatalogRenderedSummary, type ToCatalogWebview } from './messages';

/**
 * The page before the first view: one permanent, visually hidden status line (what a screen reader announces after
 * each render, as on the run page) and the main area, which is not a live region (it would be read out whole).
 */
export const CATALOG_BODY = `<div id="announce" role="status" class="visually-hidden"></div>
<main id="root"><p>Building the tool list…</p></main>`;

/** The setting of the tool list's token budget (package.json declares it, with its default). */
export const TOKEN_BUDGET_SETTING = 'catalog.tokenBudget';
const REFRESH_DELAY_MS = 300;

/**
 * "What the AI Is Offered": one panel for the workspace. The server builds the view (opencx/catalog), the page
 * renders it as text under the same CSP and nonce rules as the run view, and the page's pickers ask for another
 * contact or channel through messages checked on arrival.
 */
export class CatalogPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private view: CatalogView | undefined;
  private focus: string | undefined;
  private params: CatalogParams = {};
  private readonly rendered: CatalogRenderedSummary[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Increases with each request, so an older answer that arrives late never replaces a newer one. */
  private requestCount = 0;

  constructor(private readonly extensionUri: vscode.Uri, private readonly client: LanguageClient, private readonly selection: SelectionStore) {
    // The list follows the workspace: any change of findings (every edit that matters, the first index), a new or
    // deleted action file, the budget setting.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.action.json', false, true, false);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(() => this.refreshSoon()),
      watcher.onDidDelete(() => this.refreshSoon()),
      vscode.languages.onDidChangeDiagnostics(() => this.refreshSoon()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`opencx.${TOKEN_BUDGET_SETTING}`) && this.refreshSoon()),
    );
  }

  /** Opens (or reveals) the panel; `focus` highlights one action's file. Resolves when the server answered. */
  async show(focus?: vscode.Uri): Promise<void> {
    this.focus = focus?.toString();
    if (!this.panel) {
      this.panel = this.create();
      // A new panel starts with the contact picked in the status bar (undefined: the config's default).
      const contact = this.selection.get().contact;
      this.params = contact !== undefined ? { contact } : {};
    }
    else this.panel.reveal(undefined, false);
    await this.refresh();
  }

  /** Asks the server again with the current contact and channel (and the workspace's budget and environment). */
  async refresh(): Promise<void> {
    if (!this.panel) return;
    const tokenBudget = vscode.workspace.getConfiguration('opencx').get<number>(TOKEN_BUDGET_SETTING);
    const environment = this.selection.get().environment;
    const request = ++this.requestCount;
    const view = await this.client.sendRequest(CatalogRequest.type, { ...this.params, ...(environment !== undefined ? { environment } : {}), ...(tokenBudget !== undefined ? { tokenBudget } : {}) });
    if (request !== this.requestCount) return;
    if (!view) {
      void vscode.window.showErrorMessage('OpenCX: the server could not build the tool list (see the OpenCX Actions output).');
      return;
    }
    this.view = view;
    this.params = { ...this.params, contact: view.contact, channel: view.channel };
    this.post({ type: 'show', view, ...(this.focus ? { focus: this.focus } : {}) });
  }

  /** Makes a choice in the page's pickers, exactly as a person would (the page then asks for the new list). */
  choose(contact: string | null, channel: string): void {
    this.post({ type: 'choose', contact, channel });
  }

  /** What the page reported it rendered, latest last (for end-to-end tests). */
  renderedSummaries(): readonly CatalogRenderedSummary[] {
    return this.rendered;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private refreshSoon(): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private create(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('opencx.catalog', 'What the AI Is Offered', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    panel.webview.html = this.html(panel.webview);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    });
    // The page's state is not retained when hidden: it says "ready" again when shown, and gets the view again.
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
    return panel;
  }

  private post(message: ToCatalogWebview): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    if (!isFromCatalogWebview(message)) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.view) this.post({ type: 'show', view: this.view, ...(this.focus ? { focus: this.focus } : {}) });
        break;
      case 'rendered':
        this.rendered.push(message.summary);
        break;
      case 'select':
        this.params = { ...this.params, contact: message.contact, channel: message.channel };
        void this.refresh();
        break;
      case 'open':
        if (this.isKnownFile(message.uri)) void vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.Beside });
        break;
      case 'copyJson':
        if (this.view) void vscode.env.clipboard.writeText(this.view.toolsJson).then(() => vscode.window.setStatusBarMessage('OpenCX: tool list JSON copied', 3000));
        break;
    }
  }

  /** The page may only open files the view listed: a message cannot make the extension open anything else. */
  private isKnownFile(uri: string): boolean {
    const view = this.view;
    return view !== undefined && (view.tools.some((t) => t.file === uri) || view.hidden.some((h) => h.file === uri) || view.coverage.actions.some((a) => a.file === uri));
  }

  private html(webview: vscode.Webview): string {
    return webviewHtml(webview, this.extensionUri, {
      script: 'catalog.js', style: 'catalog.css', title: 'What the AI Is Offered',
      body: CATALOG_BODY,
    });
  }
}
