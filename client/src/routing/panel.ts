import * as vscode from 'vscode';
import { webviewHtml } from '../webviewHtml';
import { isFromRoutingWebview, type RoutingRenderedSummary, type RoutingView } from './messages';

/**
 * The routing test's report: one panel, replaced by each run. The page renders the view as text under the shared
 * CSP; it may only ask to open the files of the report's actions, at their names.
 */
export class RoutingPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private view: RoutingView | undefined;
  private nameRanges: Record<string, vscode.Range> = {};
  private readonly rendered: RoutingRenderedSummary[] = [];

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows a run's view (opening or revealing the panel). `nameRanges`: where each file's action name is. */
  show(view: RoutingView, nameRanges: Record<string, vscode.Range>): void {
    this.view = view;
    this.nameRanges = nameRanges;
    if (!this.panel) this.panel = this.create();
    else this.panel.reveal(undefined, true);
    if (this.ready) void this.panel.webview.postMessage({ type: 'show', view });
  }

  /** What the page reported it rendered, latest last (for end-to-end tests). */
  renderedSummaries(): readonly RoutingRenderedSummary[] {
    return this.rendered;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private create(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('opencx.routing', 'Routing Test', { viewColumn: vscode.ViewColumn.Active, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, {
      script: 'routing.js', style: 'routing.css', title: 'Routing Test',
      body: '<main id="root"><p>Running the routing test…</p></main>',
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
    return panel;
  }

  private receive(message: unknown): void {
    if (!isFromRoutingWebview(message)) return;
    if (message.type === 'ready') {
      this.ready = true;
      if (this.view) void this.panel?.webview.postMessage({ type: 'show', view: this.view });
    } else if (message.type === 'rendered') this.rendered.push(message.summary);
    else if (this.view && Object.values(this.view.files).includes(message.uri)) {
      // Only the report's own files: a message cannot make the extension open anything else.
      const selection = this.nameRanges[message.uri];
      void vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.Beside, ...(selection ? { selection } : {}) });
    }
  }
}
