import * as vscode from 'vscode';

/**
 * The sync commands send the workspace's files to OpenCX (or write OpenCX's into it) with a real key, and the
 * config says where: never in Restricted Mode (package.json also disables them there). Returns true when refused.
 */
export function refuseWhenUntrusted(what: string): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showErrorMessage(`${what} talks to OpenCX with your API key at the address opencx.config.json names, so it is disabled in Restricted Mode. Trust this workspace (Manage Workspace Trust) first.`, 'Manage Workspace Trust')
    .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
  return true;
}
