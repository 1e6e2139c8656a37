import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME, SecretNamesNotification, type WorkspaceStatus } from '../../server/src/protocol';
import { registerPeekCommand } from './commands/peek';
import { registerSecretCommands } from './commands/secretCommands';
import { startLanguageClient } from './languageClient';
import { SecretStore } from './secrets';
import { registerStatusItem } from './statusItem';

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
  const secrets = new SecretStore(context);
  context.subscriptions.push(output, secrets, ...registerSecretCommands(secrets), registerPeekCommand());

  client = await startLanguageClient(context, output);
  const languageClient = client;
  const sendSecretNames = (names: string[]) => void languageClient.sendNotification(SecretNamesNotification.type, { names });
  sendSecretNames(secrets.names());
  context.subscriptions.push(secrets.onDidChange(sendSecretNames));

  const status = registerStatusItem(client);
  context.subscriptions.push(status);
  return { client, status: status.last };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
