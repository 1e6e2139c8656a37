import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { candidateConfigIds, documentKindOf, type LintContext, Workspace } from '../engine';
import { StatusNotification, type ActiveSelection, type WorkspaceStatus } from '../protocol';
import { DiagnosticsPublisher } from './publisher';
import type { Disposable, Runtime } from './runtime';
import { runSafeVoid } from './safe';

/** Delay between the last keystroke and re-checking a document. */
const EDIT_DELAY_MS = 150;
/** Files read per batch during the first index; the server answers requests between batches. */
const INDEX_BATCH = 200;
const STATUS_DELAY_MS = 300;

/**
 * Keeps the workspace index current: the first full index of the workspace folders (with progress), open
 * editors (their text wins over the disk), and file events. Every change re-checks only the affected files.
 */
export class WorkspaceSync {
  readonly workspace = new Workspace();
  readonly publisher: DiagnosticsPublisher;
  private readonly pendingEdits = new Map<string, Disposable>();
  /**
   * The version of each open document whose text the workspace holds. Diagnostics are published under it, not
   * under the editor's current version: an edit that arrives before the publish must not relabel older findings.
   */
  private readonly checkedVersions = new Map<string, number>();
  private statusTimer: Disposable | undefined;
  private lastFullCheckMs = 0;
  private indexing = false;
  private lintContext: LintContext = {};
  /** The workspace folders' URIs, each ending with `/`. */
  private folders: string[] = [];
  /**
   * Lists a folder's action and config files: the server's own walk, or the client's listing when it offers one
   * (VS Code's, which honours `files.exclude`).
   */
  listFiles: (folderUri: string) => Promise<string[]>;

  constructor(
    private readonly connection: Connection,
    private readonly runtime: Runtime,
    private readonly openDocument: (uri: string) => TextDocument | undefined,
  ) {
    this.listFiles = (folderUri) => runtime.files.findWorkspaceFiles(folderUri);
    this.publisher = new DiagnosticsPublisher(connection, runtime, this.workspace, (uri) => (openDocument(uri) ? this.checkedVersions.get(uri) : undefined));
  }

  /** Reads every action and config file in the folders, reporting progress, then publishes all findings. */
  async indexFolders(folderUris: string[], progress?: { report(percentage: number, message: string): void }): Promise<void> {
    const started = this.runtime.now();
    this.indexing = true;
    this.setFolders(folderUris);
    // The client's listing (VS Code honours files.exclude) or the server's own walk, narrowed to the file set the
    // CLI checks: .gitignore, .opencxignore and each real file once.
    const listed = await Promise.all(folderUris.map(async (f) => this.runtime.files.selectWorkspaceFiles(f, await this.listFiles(f))));
    const uris = [...new Set(listed.flat())].filter((uri) => documentKindOf(uri));
    this.workspace.beginBulk();
    // Actions with no opencx.config.json above them are compared only within their workspace folder.
    this.workspace.setRoots(folderUris);
    try {
      for (let i = 0; i < uris.length; i += INDEX_BATCH) {
        const batch = uris.slice(i, i + INDEX_BATCH);
        const texts = await Promise.all(batch.map((uri) => (this.openDocument(uri) ? undefined : this.runtime.files.read(uri))));
        batch.forEach((uri, j) => {
          const open = this.openDocument(uri);
          if (open) {
            this.checkedVersions.set(uri, open.version);
            this.workspace.setOpen(uri, true);
          }
          const text = open?.getText() ?? texts[j];
          if (text !== undefined) this.workspace.set(uri, text);
        });
        progress?.report(Math.round(((i + batch.length) / uris.length) * 100), `${i + batch.length} of ${uris.length} files`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.workspace.endBulk();
    }
    // One file at a time: its findings are made, published, then dropped (closed files keep only their counts), so
    // the first index never holds every finding of the workspace at once.
    this.publisher.schedule(this.workspace.ids(), true);
    this.lastFullCheckMs = Math.round(this.runtime.now() - started);
    this.indexing = false;
    this.sendStatus();
  }

  /** The workspace folders (known at `initialize`, before the first index is built). */
  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.map((f) => (f.endsWith('/') ? f : `${f}/`));
  }

  /** An open editor changed (or was opened): re-check it soon, or now. */
  documentChanged(document: TextDocument, immediately = false): void {
    if (!documentKindOf(document.uri)) return;
    this.workspace.setOpen(document.uri, true);
    // Opening a document also fires a content change for the same version: it is checked already.
    if (this.checkedVersions.get(document.uri) === document.version && !this.pendingEdits.has(document.uri)) return;
    this.pendingEdits.get(document.uri)?.dispose();
    const apply = () => {
      this.pendingEdits.delete(document.uri);
      const current = this.openDocument(document.uri);
      if (!current) return;
      this.checkedVersions.set(current.uri, current.version);
      this.apply(() => this.workspace.set(current.uri, current.getText()).affected);
    };
    if (immediately) apply();
    else this.pendingEdits.set(document.uri, this.runtime.timer.setTimeout(() => runSafeVoid(this.connection, 'checking an edit', apply), EDIT_DELAY_MS));
  }

  /** An editor was closed: the file on disk is the truth again (or the file is gone). */
  async documentClosed(uri: string): Promise<void> {
    if (!documentKindOf(uri)) return;
    this.pendingEdits.get(uri)?.dispose();
    this.pendingEdits.delete(uri);
    this.checkedVersions.delete(uri);
    this.workspace.setOpen(uri, false);
    await this.fileChanged(uri);
  }

  /** A file was created or changed on disk; open editors keep their own text. Any other URI may be a folder. */
  async fileChanged(uri: string): Promise<void> {
    if (!documentKindOf(uri)) return this.folderCreated(uri);
    if (this.openDocument(uri)) return;
    // A file the first index skips (a build copy in dist/, say) leaves the index, as a restart would.
    const text = this.skipped(uri) ? undefined : await this.runtime.files.read(uri);
    // Opened again while the disk was read (a close then an open): the editor's text wins over the disk's.
    if (this.openDocument(uri)) return;
    this.apply(() => (text === undefined ? this.workspace.delete(uri) : this.workspace.set(uri, text)).affected);
  }

  fileDeleted(uri: string): void {
    // VS Code reports a deleted or renamed folder as one event for the folder, none for the files in it.
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    const gone = documentKindOf(uri) ? [uri] : this.workspace.ids().filter((id) => id.startsWith(prefix));
    const closed = gone.filter((id) => !this.openDocument(id));
    if (closed.length) this.apply(() => new Set(closed.flatMap((id) => [...this.workspace.delete(id).affected])));
  }

  /** A folder moved, copied or renamed into the workspace arrives as one event: index the files in it. */
  private async folderCreated(uri: string): Promise<void> {
    if (this.skipped(uri)) return;
    const found = (await this.listFiles(uri)).filter((id) => !this.openDocument(id) && !this.skipped(id));
    const texts = await Promise.all(found.map((id) => this.runtime.files.read(id)));
    const read = found.flatMap((id, i) => (texts[i] === undefined ? [] : [{ id, text: texts[i] }]));
    if (read.length) this.apply(() => new Set(read.flatMap(({ id, text }) => [...this.workspace.set(id, text).affected])));
  }

  /** Whether a file is in none of the workspace folders (a single file opened, or no folder at all). */
  outsideFolders(uri: string): boolean {
    return !this.folders.some((folder) => uri.startsWith(folder));
  }

  /**
   * For a file outside every workspace folder: reads the nearest `opencx.config.json` at or above it, as the
   * CLI does, so its organisation (segments, environments, contacts) is known. Returns the config's URI, if found.
   */
  async loadNearestConfig(uri: string): Promise<string | undefined> {
    if (!this.outsideFolders(uri)) return undefined;
    for (const candidate of candidateConfigIds(uri)) {
      if (this.workspace.has(candidate)) return candidate;
      const text = this.openDocument(candidate)?.getText() ?? (await this.runtime.files.read(candidate));
      if (text === undefined) continue;
      this.apply(() => this.workspace.set(candidate, text).affected);
      return candidate;
    }
    return undefined;
  }

  /**
   * Whether the first index skips this place: inside a workspace folder, what its file set leaves out
   * (node_modules, dist, out…, and what .gitignore and .opencxignore say).
   */
  private skipped(uri: string): boolean {
    const folder = this.folders.find((f) => uri.startsWith(f));
    return folder !== undefined && this.runtime.files.excludedFromFolder(folder, uri, !documentKindOf(uri));
  }

  /** Applies a pending edit of an open document now, so a request sees the text the editor shows. */
  flush(uri: string): void {
    const document = this.pendingEdits.has(uri) ? this.openDocument(uri) : undefined;
    if (document) this.documentChanged(document, true);
  }

  /** flush() for every open document with a pending edit: for requests about the whole workspace. */
  flushAll(): void {
    for (const uri of [...this.pendingEdits.keys()]) this.flush(uri);
  }

  /** Who checks and hovers are for; every finding may change. */
  get context(): LintContext {
    return this.lintContext;
  }

  setSelection(selection: ActiveSelection): void {
    this.updateContext({ ...this.lintContext, environment: selection.environment, contact: selection.contact });
  }

  setSecretNames(names: readonly string[]): void {
    const known = new Set(names);
    this.updateContext({ ...this.lintContext, isSecretSet: (name) => known.has(name) });
  }

  private updateContext(context: LintContext): void {
    this.lintContext = context;
    this.reconfigure((workspace) => workspace.setContext(context));
  }

  /** New rule settings: every finding may change. */
  reconfigure(apply: (workspace: Workspace) => void): void {
    this.apply(() => {
      apply(this.workspace);
      return new Set(this.workspace.ids());
    });
  }

  /** The counts are kept by the workspace as findings are made: only files changed since the last status are recounted. */
  status(): WorkspaceStatus {
    return { ...this.workspace.size, ...this.workspace.severityTotals(), lastFullCheckMs: this.lastFullCheckMs, indexing: this.indexing };
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) timer.dispose();
    this.pendingEdits.clear();
    this.statusTimer?.dispose();
    this.publisher.dispose();
  }

  private apply(change: () => Set<string>): void {
    this.publisher.schedule(change());
    this.statusTimer ??= this.runtime.timer.setTimeout(() => {
      this.statusTimer = undefined;
      this.sendStatus();
    }, STATUS_DELAY_MS);
  }

  private sendStatus(): void {
    runSafeVoid(this.connection, 'sending the status', () => void this.connection.sendNotification(StatusNotification.type, this.status()));
  }
}
