import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceActionsRequest, type WorkspaceActionItem } from '../../../server/src/protocol';

/** How the "OpenCX Actions" view groups actions. */
export type Grouping = 'tag' | 'segment';

const GROUPING_KEY = 'opencx.actionsView.grouping';
const NO_TAG = '(no tag)';
const EVERYONE = '(every contact)';
const REFRESH_DELAY_MS = 300;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A group: one tag or one segment, with its actions. */
export class GroupNode extends vscode.TreeItem {
  constructor(readonly key: string, readonly actions: WorkspaceActionItem[]) {
    super(key, vscode.TreeItemCollapsibleState.Expanded);
    this.description = plural(actions.length, 'action');
    this.contextValue = 'opencx.actionGroup';
  }
}

/** One action: its problems and overlaps at a glance; Run, Plan and Show in catalog on it. */
export class ActionNode extends vscode.TreeItem {
  constructor(readonly item: WorkspaceActionItem, group: string) {
    super(item.name, vscode.TreeItemCollapsibleState.None);
    this.id = `${group}\u0000${item.uri}`;
    this.resourceUri = vscode.Uri.parse(item.uri);
    const parts = [
      item.errors ? plural(item.errors, 'error') : '',
      item.warnings ? plural(item.warnings, 'warning') : '',
      item.overlaps ? `overlaps ${plural(item.overlaps, 'action')}` : '',
    ].filter(Boolean);
    this.description = parts.join(' · ') || undefined;
    const segments = item.segments === undefined ? 'every contact (no restrictedToSegments)' : item.segments.length ? item.segments.join(', ') : 'every contact';
    this.tooltip = new vscode.MarkdownString().appendText(`${item.name}\nSegments: ${segments}\nChannels: ${item.channels.join(', ') || 'none'}\nTags: ${item.tags.join(', ') || 'none'}\n${parts.join(', ') || 'no problems'}`);
    this.iconPath = new vscode.ThemeIcon(item.errors ? 'error' : item.warnings || item.overlaps ? 'warning' : 'symbol-event');
    this.contextValue = 'opencx.action';
    this.command = { title: 'Open', command: 'vscode.open', arguments: [this.resourceUri] };
  }
}

type Node = GroupNode | ActionNode;

/** Groups of actions by tag or by segment, sorted by name; an action appears under each of its tags or segments. */
export function groupActions(items: readonly WorkspaceActionItem[], grouping: Grouping): Map<string, WorkspaceActionItem[]> {
  const groups = new Map<string, WorkspaceActionItem[]>();
  for (const item of items) {
    const keys = grouping === 'tag' ? (item.tags.length ? item.tags : [NO_TAG]) : item.segments?.length ? item.segments : [EVERYONE];
    for (const key of new Set(keys)) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The explorer view "OpenCX Actions", fed by the server (opencx/workspaceActions). It refreshes when diagnostics
 * change (every edit that changes a problem count does) and when action files are created or deleted.
 */
export class ActionsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: LanguageClient, private readonly state: vscode.Memento) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.action.json', false, true, false);
    this.subscriptions.push(watcher, watcher.onDidCreate(() => this.refreshSoon()), watcher.onDidDelete(() => this.refreshSoon()), vscode.languages.onDidChangeDiagnostics(() => this.refreshSoon()));
  }

  get grouping(): Grouping {
    return this.state.get<Grouping>(GROUPING_KEY) ?? 'tag';
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    await this.state.update(GROUPING_KEY, grouping);
    this.changed.fire();
  }

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node instanceof ActionNode) return [];
    if (node instanceof GroupNode) return node.actions.map((item) => new ActionNode(item, node.key));
    const items = await this.client.sendRequest(WorkspaceActionsRequest.type);
    return [...groupActions(items, this.grouping)].map(([key, actions]) => new GroupNode(key, actions));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), REFRESH_DELAY_MS);
  }
}
