import * as vscode from 'vscode';
import type { OperationListing } from '../../../server/src/engine/openapi';

interface OperationItem extends vscode.QuickPickItem {
  key?: string;
}

/** Picker rows: one separator per OpenAPI tag (first tag of each operation; "untagged" last), then its operations. */
function operationItems(operations: OperationListing[]): OperationItem[] {
  const groups = new Map<string, OperationListing[]>();
  for (const op of operations) {
    const tag = op.tags[0] ?? '';
    groups.set(tag, [...(groups.get(tag) ?? []), op]);
  }
  const tags = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  return tags.flatMap((tag) => [
    { label: tag || 'untagged', kind: vscode.QuickPickItemKind.Separator },
    ...groups.get(tag)!.map((op) => ({ label: `${op.method} ${op.path}`, description: op.summary, detail: op.key !== `${op.method} ${op.path}` ? op.key : undefined, key: op.key, picked: true })),
  ]);
}

/**
 * A searchable multi-select of the spec's operations grouped by tag, every one picked at first (search matches the
 * route, the summary and the operationId). Undefined: cancelled.
 */
export function pickOperations(operations: OperationListing[]): Promise<string[] | undefined> {
  const picker = vscode.window.createQuickPick<OperationItem>();
  picker.title = `Import from OpenAPI: ${operations.length} operations`;
  picker.placeholder = 'Operations to import (type to search; all are selected)';
  picker.canSelectMany = true;
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  picker.items = operationItems(operations);
  picker.selectedItems = picker.items.filter((i) => i.key !== undefined);
  return new Promise((resolve) => {
    let accepted = false;
    picker.onDidAccept(() => {
      accepted = true;
      resolve(picker.selectedItems.flatMap((i) => (i.key ? [i.key] : [])));
      picker.hide();
    });
    picker.onDidHide(() => {
      if (!accepted) resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}

/** The folder the action files go into (the first workspace folder's `actions/` is offered first). */
export async function pickFolder(): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    title: 'Import from OpenAPI: folder for the action files',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: 'Import here',
    defaultUri: root ? vscode.Uri.joinPath(root, 'actions') : undefined,
  });
  return picked?.[0];
}

/** Asks for the API's base URL when the spec has none. Undefined: the user gave none. */
export function askServer(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Import from OpenAPI: the spec has no server URL',
    prompt: 'The base URL of the API (OpenCX calls https:// only)',
    placeHolder: 'https://api.example.com/v1',
    validateInput: (v) => (/^https?:\/\/[^\s/?#]+/i.test(v.trim()) ? undefined : 'an absolute https:// URL'),
  });
}
