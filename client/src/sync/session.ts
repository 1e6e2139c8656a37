import * as vscode from 'vscode';
import type { ApiTarget } from '../../../server/src/engine';
import { runSettings } from '../run/settings';
import type { SelectionStore } from '../selection';
import type { ApiKeys } from './apiKey';
import { chooseOrganisation, idOf, SKIPPED_GLOB, targetOf, type Organisation } from './organisation';
import type * as SyncEngine from './syncEngine';
import { refuseWhenUntrusted } from './trust';

/** What the sync commands need from the extension. */
export interface SyncContext {
  extension: vscode.ExtensionContext;
  selection: SelectionStore;
  keys: ApiKeys;
  output: vscode.LogOutputChannel;
}

/** One command's organisation, API target and key (the key only ever goes to the API client). */
export interface SyncSession {
  organisation: Organisation;
  target: ApiTarget;
  key: string;
  caCertificates: string[];
  engine: typeof SyncEngine;
}

/** dist/sync.js holds undici and the sync engine: required by the first sync command only, never at activation. */
function loadSyncEngine(extension: vscode.ExtensionContext): typeof SyncEngine {
  return require(extension.asAbsolutePath('dist/sync.js')) as typeof SyncEngine;
}

const decoder = new TextDecoder();

/** Extra trusted CAs: `opencx.run.caCertificates`, as runs use them (a company CA, a local server's). */
async function caCertificatesFor(folder: vscode.Uri): Promise<string[]> {
  return Promise.all(runSettings(folder).caCertificates.map(async (file) => {
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
    } catch (error) {
      throw new Error(`cannot read the CA certificate ${file} (opencx.run.caCertificates): ${(error as Error).message}`);
    }
  }));
}

/** Files with unsaved edits under the folder: a sync reads the disk, so they are saved first (or it stops). */
async function saveEditsUnder(folder: vscode.Uri, title: string): Promise<boolean> {
  const prefix = folder.path.replace(/\/?$/, '/');
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.path.startsWith(prefix) && /(\.action\.json|opencx\.config\.json)$/.test(d.uri.path));
  if (!dirty.length) return true;
  const names = dirty.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ');
  const choice = await vscode.window.showWarningMessage(`${title}: ${names} ${dirty.length === 1 ? 'has' : 'have'} unsaved changes.`, { modal: true, detail: 'The sync reads and writes the files on disk. Save them first?' }, 'Save and Continue');
  if (choice !== 'Save and Continue') return false;
  return (await Promise.all(dirty.map((d) => d.save()))).every(Boolean);
}

/**
 * Starts a sync command: Workspace Trust, the organisation (given or picked), its API target and key, unsaved
 * edits saved, the CA certificates read and dist/sync.js loaded. Undefined when refused or cancelled (a message
 * says why when it is not the user's own choice).
 */
export async function startSession(ctx: SyncContext, title: string, folder?: vscode.Uri | string): Promise<SyncSession | undefined> {
  if (refuseWhenUntrusted(title)) return undefined;
  const organisation = await chooseOrganisation(folder, title);
  if (!organisation) return undefined;
  const target = targetOf(organisation, ctx.selection);
  const key = await ctx.keys.keyFor(target, organisation);
  if (!(await saveEditsUnder(organisation.folder, title))) return undefined;
  return { organisation, target, key, caCertificates: await caCertificatesFor(organisation.folder), engine: loadSyncEngine(ctx.extension) };
}

/** A cancellable notification with an API client whose calls stop when Cancel is pressed; the client is closed after. */
export function withApi<T>(session: SyncSession, title: string, work: (client: ReturnType<SyncSession['engine']['createApiClient']>, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const listener = token.onCancellationRequested(() => abort.abort());
    const client = session.engine.createApiClient({ baseUrl: session.target.baseUrl, key: session.key, caCertificates: session.caCertificates, signal: abort.signal });
    try {
      return await work(client, progress, token);
    } catch (error) {
      if (abort.signal.aborted) throw new SyncCancelled();
      throw error;
    } finally {
      listener.dispose();
      await client.close();
    }
  });
}

/** The files of a folder as the engine takes them (ids are paths with `/`), skipping node_modules, .git, dist, out. */
export async function readFolder(folder: vscode.Uri, pattern: string): Promise<SyncEngine.FolderFile[]> {
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), SKIPPED_GLOB);
  return Promise.all(uris.sort((a, b) => a.path.localeCompare(b.path)).map(async (uri) => ({
    id: idOf(uri),
    text: decoder.decode(await vscode.workspace.fs.readFile(uri)),
    kind: uri.path.endsWith('/opencx.config.json') ? 'config' as const : 'action' as const,
  })));
}

/** Writes one file the engine planned (its id is a path). */
export async function writeId(id: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(vscode.Uri.file(id), new TextEncoder().encode(text));
}

/** A path as people read it: relative to the workspace. */
export const display = (id: string): string => vscode.workspace.asRelativePath(vscode.Uri.file(id), false);

/** Cancel was pressed while a request was under way. */
export class SyncCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** An error of a sync command as one clear message (the API client's already say what to do; the key never appears). */
export function reportFailure(title: string, error: unknown, output: vscode.LogOutputChannel): void {
  if (error instanceof SyncCancelled) {
    output.info(`${title}: cancelled`);
    void vscode.window.showInformationMessage(`${title}: cancelled. Files already answered by OpenCX were written; nothing else was sent.`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.error(`${title}: ${message}`);
  void vscode.window.showErrorMessage(`${title} failed: ${message}`);
}

/** Opens files side by side in editors that stay open (at most `limit`, the rest are in the output channel). */
export async function openFiles(ids: string[], limit = 10): Promise<void> {
  for (const id of ids.slice(0, limit)) await vscode.window.showTextDocument(vscode.Uri.file(id), { preview: false, preserveFocus: true });
}
