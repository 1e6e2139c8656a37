import * as vscode from 'vscode';
import { webviewHtml } from '../webviewHtml';
import { isFromWebview, type RenderedSummary, type ToWebview } from './messages';
import type { RunView } from './view';
import { RecentList } from './recentList';


/** The page before the first result: one permanent status line (what a screen reader announces) and the main area. */
const RUN_BODY = `<div id="announce" role="status" class="visually-hidden"></div>
<main id="root"><p>Waiting for the run…</p></main>`;

/** The open run panels, one per action (keyed by its URI), reused by later runs of the same action. */
export class RunPanels implements vscode.Disposable {
  private readonly open = new Map<string, RunPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(key: string, view: RunView, actions: RunPanelActions): RunPanel {
    const existing = this.open.get(key);
    const panel = existing ?? new RunPanel(this.extensionUri, `Run: ${view.actionName}`, actions, () => this.open.delete(key));
    this.open.set(key, panel);
    panel.show(view, actions, existing !== undefined);
    return panel;
  }

  dispose(): void {
    for (const panel of this.open.values()) panel.dispose();
    this.open.clear();
  }
}

/** Callbacks for the page's buttons. */
export interface RunPanelActions {
  copyCurl(): void;
  openFullBody(): void;
  rerun(): void;
}

/** How many rendered summaries a panel keeps (the latest; tests look at the last few runs). */
export const RENDERED_KEPT = 20;

/**
 * The run result webview: one panel per action, reused by later runs of the same action. Locked down as
 * style.md practice 11 says: scripts only from dist/webview with a fresh nonce, styles from media/, no remote
 * content; the data arrives by postMessage and is rendered as text.
 */
export class RunPanel {
  private readonly panel: vscode.WebviewPanel;
  private view: RunView | undefined;
  private ready = false;
  private readonly rendered = new RecentList<RenderedSummary>(RENDERED_KEPT);

  constructor(private readonly extensionUri: vscode.Uri, title: string, private actions: RunPanelActions, onClosed: () => void) {
    this.panel = vscode.window.createWebviewPanel('opencx.run', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    this.panel.webview.html = this.html();
    this.panel.onDidDispose(() => {
      // A closed panel keeps nothing: its view and what the page rendered go with it.
      this.rendered.clear();
      this.view = undefined;
      onClosed();
    });
    this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
  }

  /** Shows a run: a new view and new button actions in this panel. */
  show(view: RunView, actions: RunPanelActions, reveal: boolean): void {
    this.actions = actions;
    if (reveal) this.panel.reveal(undefined, true);
    this.panel.title = `Run: ${view.actionName}`;
    this.view = view;
    this.post();
  }

  dispose(): void {
    this.panel.dispose();
  }

  /** What the page reported it rendered, latest last (for end-to-end tests). */
  renderedSummaries(): readonly RenderedSummary[] {
    return this.rendered.items();
  }

  private post(): void {
    if (this.ready && this.view) void this.panel.webview.postMessage({ type: 'show', view: this.view } satisfies ToWebview);
  }

  private receive(message: unknown): void {
    if (!isFromWebview(message)) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        break;
      case 'rendered':
        this.rendered.push(message.summary);
        break;
      case 'copyCurl':
        this.actions.copyCurl();
        break;
      case 'openFullBody':
        this.actions.openFullBody();
        break;
      case 'rerun':
        this.actions.rerun();
        break;
    }
  }

  private html(): string {
    return webviewHtml(this.panel.webview, this.extensionUri, { script: 'run.js', style: 'run.css', title: 'OpenCX run', body: RUN_BODY });
  }
}
