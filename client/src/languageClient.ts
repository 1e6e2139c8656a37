import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, FILE_GLOBS, LANGUAGE_IDS } from '../../server/src/protocol';

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
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(FILE_GLOBS.action),
        vscode.workspace.createFileSystemWatcher(FILE_GLOBS.config),
        // A folder deleted, moved or renamed comes as one event for the folder, which the globs above never match;
        // the server drops (or scans) what was indexed under it. Changes are not needed from this one.
        vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
      ],
    },
    outputChannel: output,
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  await client.start();
  return client;
}
