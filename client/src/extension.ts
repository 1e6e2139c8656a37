import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME } from '../../server/src/protocol';
import { startLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

/** What activate() returns: used by the end-to-end tests, and by nothing else. */
export interface ExtensionApi {
  /** The running language client. */
  readonly client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);
  client = await startLanguageClient(context, output);
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
