import * as vscode from 'vscode';
import type { RunHistory } from './history';
import { runAction, showView, type RunContext } from './runCommand';

const ICONS: Record<string, string> = { success: '$(pass)', 'http-error': '$(error)', timeout: '$(watch)', 'network-error': '$(debug-disconnect)', refused: '$(circle-slash)' };

/** "OpenCX: Show Run History": every recorded run, newest first; picking one reopens its result. */
export async function showRunHistory(ctx: RunContext, history: RunHistory): Promise<void> {
  const entries = await history.entries();
  if (!entries.length) {
    void vscode.window.showInformationMessage('No OpenCX runs yet. Run an action with "OpenCX: Run Action".');
    return;
  }
  const picked = await vscode.window.showQuickPick(entries.map((entry) => ({
    label: `${ICONS[entry.outcome] ?? ''} ${entry.actionName}`,
    description: `${entry.status ?? entry.outcome} · ${entry.aiBytes} B · ${entry.durationMs} ms`,
    detail: `${new Date(entry.time).toLocaleString()} · ${entry.environment ?? 'default env'} · ${entry.contact ?? 'default contact'} · ${JSON.stringify(entry.values)}`,
    entry,
  })), { title: 'OpenCX: Run History', matchOnDescription: true, matchOnDetail: true });
  if (!picked) return;
  const view = await history.view(picked.entry);
  if (!view) {
    void vscode.window.showErrorMessage('That run\'s stored result is gone.');
    return;
  }
  const uri = vscode.Uri.parse(picked.entry.actionUri);
  showView(ctx, uri, view, () => void runAction(ctx, uri, picked.entry.values));
}
