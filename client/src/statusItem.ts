import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_IDS, StatusNotification, type WorkspaceStatus } from '../../server/src/protocol';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Text of the language status item, from the server's counts. */
export function describeStatus(status: WorkspaceStatus): { text: string; detail: string; severity: vscode.LanguageStatusSeverity } {
  if (status.indexing) return { text: 'OpenCX: indexing…', detail: '', severity: vscode.LanguageStatusSeverity.Information };
  const findings = status.errors + status.warnings + status.infos;
  return {
    text: `${plural(status.actions, 'action')}, ${plural(findings, 'finding')}`,
    detail: `${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}, ${status.infos} info · full check ${status.lastFullCheckMs} ms`,
    severity: status.errors ? vscode.LanguageStatusSeverity.Error : status.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information,
  };
}

/**
 * The language status item shown for action and config files, fed by the server's status notification.
 * `onStatus` hears every notification too (the language client keeps one handler per method).
 */
export function registerStatusItem(client: LanguageClient, onStatus?: (status: WorkspaceStatus) => void): { item: vscode.LanguageStatusItem; last(): WorkspaceStatus | undefined } & vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('opencx.status', [{ language: LANGUAGE_IDS.action }, { language: LANGUAGE_IDS.config }]);
  item.name = 'OpenCX Actions';
  item.text = 'OpenCX: starting…';
  item.busy = true;
  item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
  let last: WorkspaceStatus | undefined;
  const subscription = client.onNotification(StatusNotification.type, (status) => {
    last = status;
    const { text, detail, severity } = describeStatus(status);
    item.text = text;
    item.detail = detail;
    item.severity = severity;
    item.busy = status.indexing;
    onStatus?.(status);
  });
  return { item, last: () => last, dispose: () => { subscription.dispose(); item.dispose(); } };
}
