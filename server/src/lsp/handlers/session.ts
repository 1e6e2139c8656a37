import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKindOf } from '../../engine';
import { clientFeaturesOf, type ClientFeatures } from '../clientFeatures';
import { JsonFeatures } from '../jsonService';
import type { Disposable, Runtime } from '../runtime';
import { SettingsStore } from '../settings';
import type { WorkspaceSync } from '../workspaceSync';

/**
 * What every handler module shares for one connection: the documents, the workspace index, and what `initialize`
 * told about the client. Created by `startServer`; `features`, `json` and `settings` are replaced at `initialize`
 * (before it, a client gets the answers a client with no capabilities would).
 */
export class ServerSession {
  features: ClientFeatures = clientFeaturesOf({ capabilities: {} });
  json = new JsonFeatures(this.features);
  settings = new SettingsStore(undefined, undefined);
  /** The workspace folders' URIs (the root URI when the client sent no folders). */
  folders: string[] = [];
  /** The server's own file watchers (clients that send no file events), closed at shutdown. */
  readonly watchers: Disposable[] = [];
  /** Files outside every folder that a watcher of our own already follows. */
  readonly watchedOutside = new Set<string>();
  /** Work started when a document opens (its settings, its nearest config) that requests on it wait for. */
  private readonly opening = new Map<string, Promise<void>>();

  constructor(
    readonly connection: Connection,
    readonly runtime: Runtime,
    readonly documents: TextDocuments<TextDocument>,
    readonly sync: WorkspaceSync,
  ) {}

  /** Records the work an open starts; `whenReady(uri)` waits for it. */
  opened(uri: string, work: Promise<void>): void {
    const done = work.finally(() => {
      if (this.opening.get(uri) === done) this.opening.delete(uri);
    });
    this.opening.set(uri, done);
  }

  /** Resolves once what opening `uri` started is done (at once for most files: those in a workspace folder). */
  async whenReady(uri: string): Promise<void> {
    await this.opening.get(uri)?.catch(() => undefined);
  }

  dispose(): void {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
    this.sync.dispose();
  }

  /** The open document for a URI, when it is one of our two kinds of file. */
  documentFor(uri: string): TextDocument | undefined {
    return documentKindOf(uri) ? this.documents.get(uri) : undefined;
  }
}
