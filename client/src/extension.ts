import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME, type WorkspaceStatus } from '../../server/src/protocol';
import { registerStatusItem } from './statusItem';
import { startLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

/** What activate() returns: used by the end-to-end tests, and by nothing else. */
export interface ExtensionApi {
  /** The running language client. */
  readonly client: LanguageClient;
  /** The last counts the server sent for the language status item. */
  readonly status: () => WorkspaceStatus | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);
  client = await startLanguageClient(context, output);
  const status = registerStatusItem(client);
  context.subscriptions.push(status);
  return { client, status: status.last };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
