import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_NAME, SecretNamesNotification, type WorkspaceStatus } from '../../server/src/protocol';
import { ActionsTree } from './catalog/actionsTree';
import { CatalogPanel } from './catalog/panel';
import { ACTIONS_VIEW_ID, COMMANDS } from './commands/ids';
import { newAction } from './commands/newAction';
import { registerPeekCommand } from './commands/peek';
import { registerSecretCommands } from './commands/secretCommands';
import { startLanguageClient } from './languageClient';
import { RunHistory } from './run/history';
import { showRunHistory } from './run/historyCommand';
import type { InputValues } from './run/inputs';
import { RunPanels } from './run/panel';
import { PlanView } from './run/planView';
import { runAction, type LastRun, type RunContext } from './run/runCommand';
import { historyLimit } from './run/settings';
import { SecretStore } from './secrets';
import { SelectionStore } from './selection';
import { registerStatusItem } from './statusItem';
import { importFromOpenApi, type ImportArguments } from './import/importCommand';
import { ProposedVersions } from './import/summaryDocument';
import { registerSyncCommands } from './sync/register';
import { registerRouting, type RoutingApi } from './routing/register';

let client: LanguageClient | undefined;

/**
 * Commands get a Uri from menus and the palette, a string from code lenses sent by the server, and a tree item
 * (with its resourceUri) from the "OpenCX Actions" view.
 */
const uriOf = (arg: unknown): vscode.Uri | undefined =>
  arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.TreeItem ? arg.resourceUri : undefined;

/** What activate() returns: used by the end-to-end tests, and by nothing else. */
export interface ExtensionApi {
  readonly client: LanguageClient;
  /** The last counts the server sent for the language status item. */
  readonly status: () => WorkspaceStatus | undefined;
  /** The last run started by any command, with its panel. */
  readonly lastRun: () => LastRun | undefined;
  /** Where the run history is stored. */
  readonly historyFolder: () => vscode.Uri;
  /** What the environment and contact status bar items say. */
  readonly selectionTexts: () => { environment: string; contact: string };
  /** "What the AI Is Offered" (one panel per workspace). */
  readonly catalog: CatalogPanel;
  /** The "OpenCX Actions" explorer view's data. */
  readonly actionsTree: ActionsTree;
  /** The routing test (issue 11): its page's rendered summaries and its replaceable prompts. */
  readonly routing: RoutingApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const secrets = new SecretStore(context);
  context.subscriptions.push(output, secrets, ...registerSecretCommands(secrets), registerPeekCommand());

  client = await startLanguageClient(context, output);
  const languageClient = client;
  const sendSecretNames = (names: string[]) => void languageClient.sendNotification(SecretNamesNotification.type, { names });
  context.subscriptions.push(secrets.onDidChange(sendSecretNames));
  await secrets.forgetLostValues();
  sendSecretNames(secrets.names());

  const selection = new SelectionStore(context.workspaceState, client);
  const historyFolder = vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'history');
  const history = new RunHistory(historyFolder, historyLimit);
  const planView = new PlanView(client, selection, context.workspaceState);
  // A status notification follows every re-index, config edits included: the default names may have changed.
  const status = registerStatusItem(client, () => void selection.refreshDefaults());
  const panels = new RunPanels(context.extensionUri);
  const proposedVersions = new ProposedVersions();
  const catalog = new CatalogPanel(context.extensionUri, client, selection);
  const actionsTree = new ActionsTree(client, context.workspaceState);
  const runContext: RunContext = { extension: context, client, secrets, selection, history, panels, output };
  const routing = registerRouting(context, client, selection);
  context.subscriptions.push(...routing.disposables);
  let lastRun: LastRun | undefined;
  const run = async (uri?: unknown, values?: InputValues) => {
    const result = await runAction(runContext, uriOf(uri), values);
    if (result) lastRun = result;
    return result !== undefined;
  };

  context.subscriptions.push(
    selection,
    panels,
    planView,
    status,
    vscode.commands.registerCommand(COMMANDS.selectEnvironment, (name?: string) => selection.pick('environment', name)),
    vscode.commands.registerCommand(COMMANDS.selectContact, (name?: string) => selection.pick('contact', name)),
    vscode.commands.registerCommand(COMMANDS.showRequestPlan, (uri?: unknown) => planView.show(uriOf(uri))),
    vscode.commands.registerCommand(COMMANDS.runAction, run),
    vscode.commands.registerCommand(COMMANDS.showRunHistory, () => showRunHistory(runContext, history)),
    vscode.commands.registerCommand(COMMANDS.newAction, newAction),
    proposedVersions,
    vscode.commands.registerCommand(COMMANDS.importOpenApi, async (spec?: unknown, args?: ImportArguments) => {
      try {
        return await importFromOpenApi(context, proposedVersions, spec, args);
      } catch (error) {
        void vscode.window.showErrorMessage(`Import from OpenAPI failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
    catalog,
    actionsTree,
    selection.onDidChange(() => void catalog.refresh()),
    vscode.commands.registerCommand(COMMANDS.showCatalog, (uri?: unknown) => catalog.show(uriOf(uri))),
    vscode.window.registerTreeDataProvider(ACTIONS_VIEW_ID, actionsTree),
    vscode.commands.registerCommand(COMMANDS.groupActionsByTag, () => actionsTree.setGrouping('tag')),
    vscode.commands.registerCommand(COMMANDS.groupActionsBySegment, () => actionsTree.setGrouping('segment')),
    vscode.commands.registerCommand(COMMANDS.refreshActions, () => actionsTree.refresh()),
    ...registerSyncCommands(context, secrets, selection, output),
  );
  return { client, status: status.last, lastRun: () => lastRun, historyFolder: () => historyFolder, selectionTexts: () => selection.statusTexts(), catalog, actionsTree, routing: routing.api };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
