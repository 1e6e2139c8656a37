import * as vscode from 'vscode';
import { apiTargetOf, API_BASE_URL_VARIABLE, CONFIG_FILE_NAME, isJsonObject, type ApiTarget, type JsonObject } from '../../../server/src/engine';
import type { SelectionStore } from '../selection';

/** An OpenCX organisation in the workspace: a folder with its opencx.config.json, or a folder that will get one. */
export interface Organisation {
  folder: vscode.Uri;
  /** Undefined: no config at or above the folder yet (a pull writes a minimal one). */
  configUri?: vscode.Uri;
  config?: JsonObject;
  /** The folder as the pickers and messages show it. */
  label: string;
}

/** Files the sync commands never look into (as the CLI skips them). */
export const SKIPPED_GLOB = '**/{node_modules,.git,dist,out}/**';

const decoder = new TextDecoder();

/** An id as the engine takes it: the absolute path with `/`. */
export const idOf = (uri: vscode.Uri): string => uri.fsPath.split('\\').join('/');

/** A folder as shown to people: relative to the workspace, or its name. */
export function labelOf(folder: vscode.Uri): string {
  const relative = vscode.workspace.asRelativePath(folder, true);
  return relative === folder.fsPath ? folder.fsPath : relative;
}

async function readConfig(uri: vscode.Uri): Promise<JsonObject> {
  const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${vscode.workspace.asRelativePath(uri)} is not valid JSON (${(error as Error).message}); fix it first`);
  }
  if (!isJsonObject(value)) throw new Error(`${vscode.workspace.asRelativePath(uri)}: its top level is not an object`);
  return value;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/** The organisation of a folder: the nearest opencx.config.json at or above it (as `pull --out` finds it). */
export async function organisationAt(folder: vscode.Uri): Promise<Organisation> {
  for (let current = folder; ; current = vscode.Uri.joinPath(current, '..')) {
    const candidate = vscode.Uri.joinPath(current, CONFIG_FILE_NAME);
    if (await exists(candidate)) return { folder: current, configUri: candidate, config: await readConfig(candidate), label: labelOf(current) };
    if (vscode.Uri.joinPath(current, '..').path === current.path) return { folder, label: labelOf(folder) };
  }
}

/** Every organisation of the workspace: each opencx.config.json, else each workspace folder (no config yet). */
export async function organisations(): Promise<{ folder: vscode.Uri; label: string; configUri?: vscode.Uri }[]> {
  const configs = (await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, SKIPPED_GLOB)).sort((a, b) => a.path.localeCompare(b.path));
  if (configs.length) return configs.map((c) => ({ folder: vscode.Uri.joinPath(c, '..'), configUri: c, label: labelOf(vscode.Uri.joinPath(c, '..')) }));
  return (vscode.workspace.workspaceFolders ?? []).map((f) => ({ folder: f.uri, label: `${f.name} (no ${CONFIG_FILE_NAME} yet)` }));
}

/**
 * The organisation a command works on: the given folder's, the only one, or the one picked. Undefined when
 * cancelled or when no folder is open (a message says so).
 */
export async function chooseOrganisation(given: vscode.Uri | string | undefined, title: string): Promise<Organisation | undefined> {
  if (given !== undefined) return organisationAt(typeof given === 'string' ? vscode.Uri.file(given) : given);
  const all = await organisations();
  if (!all.length) {
    void vscode.window.showErrorMessage(`${title}: open a folder first; the actions are written to its actions/ folder.`);
    return undefined;
  }
  const chosen = all.length === 1 ? all[0] : (await vscode.window.showQuickPick(all.map((o) => ({ label: o.label, description: o.configUri ? vscode.workspace.asRelativePath(o.configUri) : undefined, organisation: o })), { title: `${title}: which organisation?`, placeHolder: 'Each opencx.config.json is one OpenCX organisation' }))?.organisation;
  return chosen && organisationAt(chosen.folder);
}

/**
 * Where the organisation's API is and which secret holds its key: the config's `api` for the environment picked in
 * the status bar when this config defines it, else its `defaultEnvironment` (engine/sync/apiTarget.ts, as the CLI).
 */
export function targetOf(organisation: Organisation, selection: SelectionStore): ApiTarget {
  const picked = selection.get().environment;
  const environments = organisation.config && isJsonObject(organisation.config.environments) ? organisation.config.environments : {};
  const environment = picked !== undefined && Object.prototype.hasOwnProperty.call(environments, picked) ? picked : undefined;
  const result = apiTargetOf(organisation.config, environment, organisation.configUri && vscode.workspace.asRelativePath(organisation.configUri), process.env[API_BASE_URL_VARIABLE]);
  if (!result.ok) throw new Error(result.message);
  return result.target;
}
