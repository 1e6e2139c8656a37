// A small LSP client for protocol tests: spawns the bundled server (dist/server.js --stdio) and drives it over
// the real JSON-RPC protocol. It keeps its own copy of every open document so incremental edits are exact,
// records every publishDiagnostics and `opencx/status` notification, and waits for events with a
// deadline (never a fixed sleep). Requests beyond the basics live in requests.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  createProtocolConnection,
  DocumentSymbolRequest,
  DocumentFormattingRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  CompletionRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  type CompletionItem,
  type ClientCapabilities,
  type CompletionList,
  type ConfigurationItem,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type LogMessageParams,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ListWorkspaceFilesRequest, StatusNotification } from '../../server/src/protocol';
import { CLIENT_CAPABILITIES, MINIMAL_CAPABILITIES, mergeCapabilities } from './clientCapabilities';
import { fileUri, languageIdOf, SERVER_JS, withDeadline } from './testSupport';

export { languageIdOf, withDeadline };

const DEFAULT_WAIT_MS = 5_000;
const EXIT_WAIT_MS = 3_000;

/** Options of `LspClient.start`: `env` is the server process's environment (default: this process's). */
export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * What the client announces: `vscode` (the default) imitates the VS Code extension (VS Code's capabilities and
   * `initializationOptions.clientCommands`); `minimal` is a bare LSP client that announces no capability at all.
   */
  mode?: 'vscode' | 'minimal';
  /** Sent as `initializationOptions` (merged over the mode's own). */
  initializationOptions?: Record<string, unknown>;
  /** Capabilities merged over the mode's own (e.g. `{ workspace: { configuration: true } }`). */
  capabilities?: ClientCapabilities;
  /** Answers `workspace/configuration` items (default: null, no settings). */
  configuration?: (item: ConfigurationItem) => unknown;
  /**
   * Lists a folder's files as the VS Code extension does (`opencx/listWorkspaceFiles`); given, the client also
   * says so with `initializationOptions.clientFiles`.
   */
  listFiles?: (folderUri: string) => string[];
}

/** A server → client request, as recorded: `client/registerCapability`, `workspace/applyEdit`… */
export interface ServerRequest {
  method: string;
  params: unknown;
}

export class LspClient {
  /** Every publishDiagnostics notification, in arrival order. */
  readonly publications: PublishDiagnosticsParams[] = [];
  /** Every recorded custom notification (`opencx/status`), in arrival order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Every window/logMessage; handlers that fail log an error here instead of crashing. */
  readonly logs: LogMessageParams[] = [];
  /** Every window/showMessage (the server's commands tell the user things this way). */
  readonly messages: LogMessageParams[] = [];
  /** Every request the server sent to the client, in arrival order. */
  readonly serverRequests: ServerRequest[] = [];
  initializeResult!: InitializeResult;
  private readonly documents = new Map<string, TextDocument>();
  /** Per URI, the index in `publications` from which `waitForDiagnostics` looks (set by every open/change/close). */
  private readonly marks = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private stderr = '';
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess, readonly connection: ProtocolConnection, private readonly options: StartOptions) {
    // 'close' comes after 'exit' once stdout and stderr are drained, so the last words of a crash are kept.
    this.exited = new Promise((resolve) => child.once('close', (code) => resolve(code)));
    // A dead server answers nothing: disposing the connection rejects every pending request at once.
    child.once('exit', () => connection.dispose());
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.publications.push(params);
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    connection.onNotification(StatusNotification.method, (params: unknown) => {
      this.notifications.push({ method: StatusNotification.method, params });
      this.notify();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.notify();
    });
    // Requests a server may send to a real client; answered as VS Code would (with no settings unless given),
    // and recorded so a test can check what the server asked of a client that never offered it.
    const record = <T>(method: string, answer: (params: T) => unknown) => connection.onRequest(method, (params: T) => {
      this.serverRequests.push({ method, params });
      this.notify();
      return answer(params);
    });
    record('workspace/configuration', (params: { items: ConfigurationItem[] }) => params.items.map((item) => options.configuration?.(item) ?? null));
    record('client/registerCapability', () => null);
    record('window/workDoneProgress/create', () => null);
    record('workspace/applyEdit', () => ({ applied: true }));
    const { listFiles } = options;
    if (listFiles) record(ListWorkspaceFilesRequest.method, ({ folderUri }: { folderUri: string }) => listFiles(folderUri));
    connection.listen();
  }

  /** Spawns the bundled server and completes the initialize handshake, with these folders open (absolute paths). */
  static async start(workspaceFolders: string[] = [], options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options);
    client.initializeResult = await client.initialize(workspaceFolders).catch(async (error: unknown) => {
      await withDeadline(client.exited, EXIT_WAIT_MS, 'exit').catch(() => undefined); // let stderr drain
      throw new Error(`initialize failed: ${String(error)}\nserver stderr: ${client.stderr}`);
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private initialize(workspaceFolders: string[]): Promise<InitializeResult> {
    const minimal = this.options.mode === 'minimal';
    const capabilities = mergeCapabilities(minimal ? MINIMAL_CAPABILITIES : CLIENT_CAPABILITIES, this.options.capabilities ?? {});
    const initializationOptions = {
      ...(minimal ? {} : { clientCommands: true }),
      ...(this.options.listFiles ? { clientFiles: true } : {}),
      ...this.options.initializationOptions,
    };
    return this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: minimal ? 'opencx-protocol-tests-minimal' : 'opencx-protocol-tests', version: '1' },
      rootUri: workspaceFolders.length ? fileUri(workspaceFolders[0]) : null,
      workspaceFolders: workspaceFolders.length ? workspaceFolders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })) : null,
      capabilities,
      ...(Object.keys(initializationOptions).length ? { initializationOptions } : {}),
    });
  }

  /** Requests the server sent with this method. */
  requestsOf(method: string): unknown[] {
    return this.serverRequests.filter((r) => r.method === method).map((r) => r.params);
  }

  /** Resolves with the first window/showMessage that satisfies `predicate`. */
  waitForMessage(predicate: (message: LogMessageParams) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<LogMessageParams> {
    return this.waitUntil(() => this.messages.find(predicate), timeoutMs, () => `no matching window/showMessage within ${timeoutMs} ms; received: ${JSON.stringify(this.messages)}`);
  }

  /** Resolves with the params of the first server request `method` that satisfies `predicate`. */
  waitForServerRequest<T>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    return this.waitUntil(() => this.requestsOf(method).find((p) => predicate(p as T)) as T | undefined, timeoutMs, () => `no ${method} within ${timeoutMs} ms; received: ${JSON.stringify(this.serverRequests)}`);
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Log messages of type Error: a handler that threw (and was caught) leaves one here. */
  get errorLogs(): string[] {
    return this.logs.filter((l) => l.type === MessageType.Error).map((l) => l.message);
  }

  /** URIs of the documents open in this client. */
  openUris(): string[] {
    return [...this.documents.keys()];
  }

  text(uri: string): string {
    return this.mustGet(uri).getText();
  }

  version(uri: string): number {
    return this.mustGet(uri).version;
  }

  async open(uri: string, text: string, languageId = languageIdOf(uri)): Promise<number> {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    this.mark(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: document.version, text },
    });
    return document.version;
  }

  /** Sends one incremental change: `text` replaces `range`. Returns the new version. */
  async edit(uri: string, range: Range, text: string): Promise<number> {
    const document = this.mustGet(uri);
    const version = document.version + 1;
    TextDocument.update(document, [{ range, text }], version);
    this.mark(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  /** Replaces the whole text with one incremental change spanning the document. */
  replaceAll(uri: string, text: string): Promise<number> {
    const document = this.mustGet(uri);
    return this.edit(uri, { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, text);
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    this.mark(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Publications for `uri`, all of them or those since its last open/change/close. */
  publicationsFor(uri: string, sinceLastChange = false): PublishDiagnosticsParams[] {
    const from = sinceLastChange ? (this.marks.get(uri) ?? 0) : 0;
    return this.publications.slice(from).filter((p) => p.uri === uri);
  }

  /**
   * Resolves with the first publishDiagnostics for `uri`, received since its last open/change/close, that
   * satisfies `predicate`; rejects after `timeoutMs` with what was received instead.
   */
  waitForDiagnostics(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitUntil(
      () => this.publicationsFor(uri, true).find(predicate),
      timeoutMs,
      () => `no matching diagnostics for ${uri} within ${timeoutMs} ms; received: ${JSON.stringify(this.publicationsFor(uri, true), null, 1)}`,
    );
  }

  /**
   * Resolves with the params of the first `method` notification at index `from` or later (see `notifications`)
   * that satisfies `predicate`; rejects after `timeoutMs` with what was received instead.
   */
  waitForNotification<T>(method: string, predicate: (params: T) => boolean = () => true, from = 0, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    const received = () => this.notifications.slice(from).filter((n) => n.method === method).map((n) => n.params as T);
    return this.waitUntil(
      () => received().find(predicate),
      timeoutMs,
      () => `no matching ${method} within ${timeoutMs} ms; received: ${JSON.stringify(received())}`,
    );
  }

  /** Calls `find` now and after every recorded notification until it returns a value; rejects with `describe()` after `timeoutMs`. */
  private waitUntil<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${describe()}\nserver stderr: ${this.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Diagnostics published for the document's current version. */
  diagnosticsForCurrentVersion(uri: string, timeoutMs = DEFAULT_WAIT_MS): Promise<PublishDiagnosticsParams> {
    const version = this.version(uri);
    return this.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Completion items, whether the server answers with a list or an array. */
  async completion(uri: string, position: Position): Promise<CompletionItem[] | null> {
    const result: CompletionList | CompletionItem[] | null = await this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: { triggerKind: 1 },
    });
    if (result === null) return null;
    return Array.isArray(result) ? result : result.items;
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  }

  format(uri: string, tabSize = 2): Promise<TextEdit[] | null> {
    return this.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize, insertSpaces: true },
    });
  }

  /** shutdown, then exit; resolves with the exit code, killing the process if it does not end in time. */
  async stop(): Promise<number | null> {
    if (this.alive) {
      try {
        await withDeadline(this.connection.sendRequest(ShutdownRequest.type), EXIT_WAIT_MS, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // the server is already gone or hung: killed below
      }
    }
    const code = await withDeadline(this.exited, EXIT_WAIT_MS, 'exit').catch(() => {
      this.child.kill('SIGKILL');
      return null;
    });
    this.connection.dispose();
    return code;
  }

  /**
   * From now on, `waitForDiagnostics(uri)` looks only at new publications. open/change/close do this themselves;
   * call it before a change the server sees otherwise (a file event, a change in another file, a notification).
   */
  mark(uri: string): void {
    this.marks.set(uri, this.publications.length);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private mustGet(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`test bug: ${uri} is not open`);
    return document;
  }
}
