import * as vscode from 'vscode';
import { API_KEY_VARIABLE, type ApiTarget } from '../../../server/src/engine';
import type { SecretStore } from '../secrets';
import type { SelectionStore } from '../selection';
import { chooseOrganisation, organisations, targetOf, type Organisation } from './organisation';
import { refuseWhenUntrusted } from './trust';

/** The SecretStorage key of the key used where no config names one (never a ${secret:} name, never in a file). */
const DEFAULT_KEY = 'opencx.api.defaultKey';

/** Where the API key of an organisation is looked up, in order (docs/sync.md, "In VS Code"). */
export class ApiKeys {
  constructor(private readonly context: vscode.ExtensionContext, private readonly secrets: SecretStore) {}

  /**
   * The key for a target: the secret `api.key` names (SecretStorage, as runs read `${secret:NAME}`); without
   * `api.key`, the key set with "OpenCX: Set API Key", else OPENCX_API_KEY in VS Code's environment. Throws a
   * message that says how to set the missing one.
   */
  async keyFor(target: ApiTarget, organisation: Organisation): Promise<string> {
    if (target.keySecret !== undefined) {
      const value = await this.secrets.get(target.keySecret);
      if (value) return value;
      const where = organisation.configUri ? vscode.workspace.asRelativePath(organisation.configUri) : 'opencx.config.json';
      throw new Error(`The API key \${secret:${target.keySecret}} (api.key in ${where}${target.environment ? `, environment ${target.environment}` : ''}) is not set: run "OpenCX: Set API Key".`);
    }
    const value = (await this.context.secrets.get(DEFAULT_KEY)) || process.env[API_KEY_VARIABLE];
    if (value) return value;
    throw new Error(`No OpenCX API key: run "OpenCX: Set API Key" (or start VS Code with ${API_KEY_VARIABLE} set). Keys are made in OpenCX under Settings → Access.`);
  }

  /** Stores a key where `keyFor` looks first for this target; returns where, for the message. */
  async store(target: ApiTarget | undefined, value: string): Promise<string> {
    if (target?.keySecret !== undefined) {
      await this.secrets.set(target.keySecret, value);
      return `secret ${target.keySecret} (named by api.key)`;
    }
    await this.context.secrets.store(DEFAULT_KEY, value);
    return 'the default key (used where opencx.config.json names no api.key)';
  }

  async clear(target: ApiTarget | undefined): Promise<string> {
    if (target?.keySecret !== undefined) {
      await this.secrets.clear(target.keySecret);
      return `secret ${target.keySecret}`;
    }
    await this.context.secrets.delete(DEFAULT_KEY);
    return 'the default key';
  }
}

/** What "Set API Key" may be given instead of asking (the e2e tests). */
export interface SetApiKeyArguments {
  folder?: vscode.Uri | string;
  value?: string;
}

/** The target whose key the command sets: the organisation's (picked when several), or none without a folder. */
async function targetToSet(selection: SelectionStore, title: string, folder?: vscode.Uri | string): Promise<{ target?: ApiTarget; organisation?: Organisation } | undefined> {
  if (folder === undefined && !(await organisations()).length) return {};
  const organisation = await chooseOrganisation(folder, title);
  return organisation ? { organisation, target: targetOf(organisation, selection) } : undefined;
}

const KEY_SHAPE = /^\S+$/;

async function setApiKey(keys: ApiKeys, selection: SelectionStore, args: SetApiKeyArguments = {}): Promise<boolean> {
  if (refuseWhenUntrusted('Setting the OpenCX API key')) return false;
  const chosen = await targetToSet(selection, 'OpenCX: Set API Key', args.folder);
  if (!chosen) return false;
  const value = args.value ?? await vscode.window.showInputBox({
    title: 'OpenCX: Set API Key',
    prompt: `The key of ${chosen.target?.baseUrl ?? 'OpenCX'} (Settings → Access; actions:read to pull, actions:write to push). Stored in VS Code's secret storage, never in a file.`,
    placeHolder: 'ocx_live_…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (KEY_SHAPE.test(v.trim()) ? undefined : 'Paste the key: no spaces'),
  });
  if (value === undefined || !KEY_SHAPE.test(value.trim())) return false;
  const where = await keys.store(chosen.target, value.trim());
  void vscode.window.showInformationMessage(`OpenCX API key stored as ${where}${chosen.organisation ? ` for ${chosen.organisation.label}` : ''}.`);
  return true;
}

async function clearApiKey(keys: ApiKeys, selection: SelectionStore, folder?: vscode.Uri | string): Promise<boolean> {
  if (refuseWhenUntrusted('Clearing the OpenCX API key')) return false;
  const chosen = await targetToSet(selection, 'OpenCX: Clear API Key', folder);
  if (!chosen) return false;
  const where = await keys.clear(chosen.target);
  void vscode.window.showInformationMessage(`OpenCX API key cleared: ${where}.`);
  return true;
}

/** "OpenCX: Set API Key" and "OpenCX: Clear API Key". */
export function registerApiKeyCommands(keys: ApiKeys, selection: SelectionStore, ids: { set: string; clear: string }): vscode.Disposable[] {
  const guard = <T>(run: () => Promise<T>) => run().catch((error: unknown) => {
    void vscode.window.showErrorMessage(`OpenCX: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  });
  return [
    vscode.commands.registerCommand(ids.set, (args?: SetApiKeyArguments) => guard(() => setApiKey(keys, selection, args))),
    vscode.commands.registerCommand(ids.clear, (folder?: vscode.Uri | string) => guard(() => clearApiKey(keys, selection, folder))),
  ];
}
