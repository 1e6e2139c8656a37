import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeRuntime } from '../lsp/runtime';
import { startServer } from '../lsp/server';

// The node entry point (`opencx-language-server`, and the VS Code extension's server) only checks the transport
// flag, creates the connection (stdio, node ipc or socket, chosen by vscode-languageserver from the command line)
// and the runtime.
const USAGE = `Usage: opencx-language-server --stdio | --node-ipc | --socket=PORT

The OpenCX Actions language server (*.action.json, opencx.config.json) for any LSP client.
  --stdio          talk over standard input and output (what most editors use)
  --node-ipc       talk over Node's IPC channel (the process was forked by a Node client)
  --socket=PORT    connect to a client listening on 127.0.0.1:PORT
Settings: initializationOptions { "opencx": { "rules": { … } } } or workspace/didChangeConfiguration.`;

/** The package's version, put in by the bundler. */
declare const SERVER_VERSION: string;

const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
} else if (args.includes('--version')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
} else if (!args.some((arg) => TRANSPORT.test(arg))) {
  process.stderr.write(`opencx-language-server: no transport given\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error}`));
  process.on('unhandledRejection', (error) => connection.console.error(`unhandled rejection: ${String(error)}`));
  startServer(connection, nodeRuntime);
}
