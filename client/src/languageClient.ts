import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, LANGUAGE_IDS, type InitializationOptions } from '../../server/src/protocol';
import { actionFileWatchers, honourFilesExclude, registerWorkspaceFiles } from './workspaceFiles';

/**
 * What the extension tells the server it does itself: the `opencx.*` client commands (run, plan, peek, move into a
 * secret), and file events and folder listings (which honour `files.exclude`). Settings are pulled by the server.
 */
const INITIALIZATION_OPTIONS: InitializationOptions = { clientCommands: true, clientFiles: true };

/** Starts the bundled language server (dist/server.js) over IPC for our two languages. */
export async function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_IDS.action },
      { scheme: 'file', language: LANGUAGE_IDS.config },
      { scheme: 'untitled', language: LANGUAGE_IDS.action },
    ],
    synchronize: { fileEvents: actionFileWatchers() },
    middleware: { workspace: honourFilesExclude },
    initializationOptions: INITIALIZATION_OPTIONS,
    outputChannel: output,
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  // Registered before the start: the server lists the folders as soon as it is initialized.
  context.subscriptions.push(registerWorkspaceFiles(client));
  await client.start();
  return client;
}
