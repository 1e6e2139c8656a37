import * as vscode from 'vscode';
import type { SecretStore } from '../secrets';
import type { SelectionStore } from '../selection';
import { ApiKeys, registerApiKeyCommands } from './apiKey';
import { pullActions, type PullArguments } from './pullCommand';
import { pushActions, type PushArguments } from './pushCommand';
import { RemoteDocuments, REMOTE_SCHEME, showPushPlan, type PushPlanArguments } from './pushPlan';
import type { SyncContext } from './session';

/** The sync commands' ids (package.json contributes the same). */
export const SYNC_COMMANDS = {
  setApiKey: 'opencx.setApiKey',
  clearApiKey: 'opencx.clearApiKey',
  pullActions: 'opencx.pullActions',
  showPushPlan: 'opencx.showPushPlan',
  pushActions: 'opencx.pushActions',
} as const;

/**
 * Actions as code (docs/sync.md): the API key commands, Pull Actions, Show Push Plan and Push Actions, and the
 * read-only documents of the push plan's diffs. Nothing heavy is loaded here: dist/sync.js is required by the
 * first command that talks to OpenCX.
 */
export function registerSyncCommands(extension: vscode.ExtensionContext, secrets: SecretStore, selection: SelectionStore, output: vscode.LogOutputChannel): vscode.Disposable[] {
  const keys = new ApiKeys(extension, secrets);
  const ctx: SyncContext = { extension, selection, keys, output };
  const documents = new RemoteDocuments();
  return [
    documents,
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, documents),
    ...registerApiKeyCommands(keys, selection, { set: SYNC_COMMANDS.setApiKey, clear: SYNC_COMMANDS.clearApiKey }),
    vscode.commands.registerCommand(SYNC_COMMANDS.pullActions, (args?: PullArguments) => pullActions(ctx, args)),
    vscode.commands.registerCommand(SYNC_COMMANDS.showPushPlan, (args?: PushPlanArguments) => showPushPlan(ctx, documents, args)),
    vscode.commands.registerCommand(SYNC_COMMANDS.pushActions, (args?: PushArguments) => pushActions(ctx, args)),
  ];
}
