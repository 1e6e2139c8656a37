import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, isJsonObject, type JsonObject, type PushPlan, type RemoteAction } from '../../../server/src/engine';
import { idOf } from './organisation';
import { display, readFolder, reportFailure, startSession, withApi, type SyncContext, type SyncSession } from './session';
import type { LintError } from './syncEngine';

/** The scheme of the read-only documents that show what OpenCX has for an action, in our file format. */
export const REMOTE_SCHEME = 'opencx-remote';

/** Read-only virtual documents: the remote side of the push plan's diffs (set before each diff opens). */
export class RemoteDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '// This version of the remote action is no longer in memory: run "OpenCX: Show Push Plan" again.\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A computed plan with what its diffs and the push need. */
export interface LoadedPlan {
  plan: PushPlan;
  /** The parsed action files, by id (what push sends). */
  actions: Map<string, JsonObject>;
  texts: Map<string, string>;
  remotes: Map<string, RemoteAction>;
  lintErrors: LintError[];
}

/**
 * Reads the organisation's action files (those whose nearest config is this organisation's: a nested
 * opencx.config.json is another organisation), lints them, lists the remote actions and plans the push.
 */
export async function loadPlan(session: SyncSession, client: Parameters<Parameters<typeof withApi>[2]>[0], progress: vscode.Progress<{ message?: string }>): Promise<LoadedPlan> {
  const { organisation, engine } = session;
  progress.report({ message: 'reading and linting the action files' });
  const all = await readFolder(organisation.folder, `**/{*.action.json,${CONFIG_FILE_NAME}}`);
  const own = organisation.configUri ? idOf(organisation.configUri) : undefined;
  const nested = all.filter((f) => f.kind === 'config' && f.id !== own).map((f) => f.id.slice(0, -CONFIG_FILE_NAME.length));
  const files = all.filter((f) => f.kind === 'config' || !nested.some((folder) => f.id.startsWith(folder)));
  const rules = vscode.workspace.getConfiguration('opencx', organisation.folder).get<Record<string, never>>('rules') ?? {};
  const lintErrors = engine.lintErrors(files, rules);
  const actions = new Map<string, JsonObject>();
  const texts = new Map<string, string>();
  for (const f of files.filter((x) => x.kind === 'action')) {
    texts.set(f.id, f.text);
    try {
      const value = JSON.parse(f.text) as unknown;
      if (isJsonObject(value)) actions.set(f.id, value);
    } catch {
      // not JSON: a lint error, and never pushed
    }
  }
  progress.report({ message: 'listing the remote actions (GET /actions)' });
  const remoteList = await client.listActions();
  const plan = engine.planPush([...actions].map(([id, action]) => ({ id, action })), remoteList);
  return { plan, actions, texts, remotes: new Map(remoteList.map((r) => [r.id, r])), lintErrors };
}

/** What a caller (the e2e tests) may give instead of answering the pickers. */
export interface PushPlanArguments {
  folder?: vscode.Uri | string;
  /** Open this file's diff (or file) at once instead of showing the quick pick (a workspace-relative path). */
  open?: string;
}

/** The plan as the CLI's JSON (paths relative to the workspace), and the diffs opened. */
export interface PushPlanResult {
  create: string[];
  update: { file: string; id: string; fields: string[] }[];
  unchanged: string[];
  conflicts: { file: string; reason: string }[];
  notSent: { file: string; fields: string[] }[];
  remoteOnly: { id: string; name: string }[];
  lintErrors: string[];
  /** The remote document of each diff opened by this command. */
  opened: vscode.Uri[];
}

const linkedId = (action: JsonObject | undefined): string | undefined => (action && isJsonObject(action.remote) && typeof action.remote.id === 'string' ? action.remote.id : undefined);
const baseName = (id: string) => id.split('/').pop() ?? id;

/** Opens the diff OpenCX ↔ local for a linked file (the remote side mapped to our format), else the file itself. */
async function openItem(loaded: LoadedPlan, session: SyncSession, documents: RemoteDocuments, file: string, note: string): Promise<vscode.Uri | undefined> {
  const remote = loaded.remotes.get(linkedId(loaded.actions.get(file)) ?? '');
  if (!remote) {
    await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
    return undefined;
  }
  const uri = vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${remote.id.replace(/[^\w.-]/g, '_')}/${baseName(file)}` });
  documents.set(uri, session.engine.remoteVersionText(loaded.texts.get(file), remote));
  await vscode.commands.executeCommand('vscode.diff', uri, vscode.Uri.file(file), `${baseName(file)}: OpenCX ↔ local${note ? ` (${note})` : ''}`, { preview: false });
  return uri;
}

async function openRemoteOnly(session: SyncSession, documents: RemoteDocuments, remote: RemoteAction): Promise<vscode.Uri> {
  const uri = vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${remote.id.replace(/[^\w.-]/g, '_')}/${remote.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'action'}.action.json` });
  documents.set(uri, session.engine.remoteVersionText(undefined, remote));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  return uri;
}

type PlanItem = vscode.QuickPickItem & { open?: () => Thenable<unknown> };

function itemsOf(loaded: LoadedPlan, session: SyncSession, documents: RemoteDocuments, opened: vscode.Uri[]): PlanItem[] {
  const { plan } = loaded;
  const diff = (file: string, note: string) => async () => {
    const uri = await openItem(loaded, session, documents, file, note);
    if (uri) opened.push(uri);
  };
  const section = (label: string, items: PlanItem[]): PlanItem[] => (items.length ? [{ label, kind: vscode.QuickPickItemKind.Separator }, ...items] : []);
  const push: PlanItem[] = plan.create.length || plan.update.length ? [{ label: '$(cloud-upload) Push These Changes…', detail: 'asks to confirm, then sends the creates and updates', open: () => vscode.commands.executeCommand('opencx.pushActions', { folder: session.organisation.folder }) }] : [];
  return [
    ...push,
    ...section('create (POST /actions, every mapped field)', plan.create.map((c) => ({ label: `$(add) ${display(c.file)}`, open: diff(c.file, 'new') }))),
    ...section('update (PATCH, only the fields that changed): pick one for its diff', plan.update.map((u) => ({ label: `$(diff) ${display(u.file)}`, description: u.fields.join(', '), detail: `remote ${u.id}`, open: diff(u.file, u.fields.join(', ')) }))),
    ...section('conflicts (changed in OpenCX since your last pull: pull first)', plan.conflicts.map((c) => ({ label: `$(warning) ${display(c.file)}`, detail: c.reason, open: diff(c.file, 'conflict') }))),
    ...section('not sent: the API does not carry these, set them in the dashboard', plan.notSent.map((n) => ({ label: `$(circle-slash) ${display(n.file)}`, description: n.fields.join(', '), open: diff(n.file, '') }))),
    ...section('only in OpenCX, no file here (never deleted)', plan.remoteOnly.map((r) => ({ label: `$(cloud) ${r.name}`, description: r.id, open: async () => opened.push(await openRemoteOnly(session, documents, loaded.remotes.get(r.id)!)) }))),
    ...section('unchanged', plan.unchanged.map((file) => ({ label: `$(check) ${display(file)}`, open: diff(file, 'unchanged') }))),
    ...section('lint errors (push refuses them)', loaded.lintErrors.map((e) => ({ label: `$(error) ${display(e.id)}:${e.line + 1}`, description: e.code, detail: e.message, open: () => vscode.window.showTextDocument(vscode.Uri.file(e.id), { selection: new vscode.Range(e.line, 0, e.line, 0) }) }))),
  ];
}

function resultOf(loaded: LoadedPlan, opened: vscode.Uri[]): PushPlanResult {
  const { plan } = loaded;
  return {
    create: plan.create.map((c) => display(c.file)),
    update: plan.update.map((u) => ({ file: display(u.file), id: u.id, fields: u.fields })),
    unchanged: plan.unchanged.map(display),
    conflicts: plan.conflicts.map((c) => ({ file: display(c.file), reason: c.reason })),
    notSent: plan.notSent.map((n) => ({ file: display(n.file), fields: n.fields })),
    remoteOnly: plan.remoteOnly,
    lintErrors: loaded.lintErrors.map((e) => `${display(e.id)}:${e.line + 1} ${e.code}: ${e.message}`),
    opened,
  };
}

/** The plan's counts in one line. */
export function planHeadline(plan: PushPlan): string {
  return `${plan.create.length} to create, ${plan.update.length} to update, ${plan.unchanged.length} unchanged, ${plan.conflicts.length} conflicts, ${plan.notSent.length} with fields not sent, ${plan.remoteOnly.length} only in OpenCX`;
}

/**
 * OpenCX: Show Push Plan. Nothing is sent: the plan as a quick pick (creates, updates with their fields, conflicts,
 * what is not sent, remote-only actions, unchanged files, lint errors); an update or a conflict opens a diff between
 * what OpenCX has (read-only, mapped to our format) and the local file.
 */
export async function showPushPlan(ctx: SyncContext, documents: RemoteDocuments, args: PushPlanArguments = {}): Promise<PushPlanResult | undefined> {
  const title = 'OpenCX: Show Push Plan';
  try {
    const session = await startSession(ctx, title, args.folder);
    if (!session) return undefined;
    const loaded = await withApi(session, `Planning the push to ${session.target.baseUrl}`, (client, progress) => loadPlan(session, client, progress));
    const opened: vscode.Uri[] = [];
    const items = itemsOf(loaded, session, documents, opened);
    ctx.output.info(`push plan for ${session.organisation.label} → ${session.target.baseUrl}: ${planHeadline(loaded.plan)}`);
    if (args.open !== undefined) {
      const file = [...loaded.texts.keys()].find((id) => display(id) === args.open);
      if (!file) throw new Error(`${args.open} is not an action file of ${session.organisation.label}`);
      const uri = await openItem(loaded, session, documents, file, '');
      if (uri) opened.push(uri);
      return resultOf(loaded, opened);
    }
    const picked = await vscode.window.showQuickPick(items, { title: `Push plan → ${session.target.baseUrl}: ${planHeadline(loaded.plan)} (nothing sent)`, placeHolder: 'Pick an update or a conflict to see its diff', matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
    await picked?.open?.();
    return resultOf(loaded, opened);
  } catch (error) {
    reportFailure(title, error, ctx.output);
    return undefined;
  }
}
