import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeRuntime } from '../lsp/runtime';
import { startServer } from '../lsp/server';

// The node entry point only creates the connection (ipc or stdio, chosen by the command line) and the runtime.
const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`unhandled rejection: ${String(error)}`));
startServer(connection, nodeRuntime);
