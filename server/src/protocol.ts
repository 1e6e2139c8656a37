import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Catalog, CatalogTool, Channel, CoverageMatrix, HiddenAction, RequestPlan, RouteCase, RunInput, SuggestSubject } from './engine';

/**
 * The one protocol module: identifiers and custom messages shared by the client (client/src) and the
 * language server (server/src/lsp). Each custom message is a namespace with its method, its typed
 * message type, and who sends it.
 */

/** Language ids contributed in package.json. */
export const LANGUAGE_IDS = { action: 'opencx-action', config: 'opencx-config' } as const;

/** The id of the language client, which is also the prefix of its `trace.server` setting. */
export const CLIENT_ID = 'opencx';
export const CLIENT_NAME = 'OpenCX Actions';

/** Glob patterns for the files the server reads. */
export const FILE_GLOBS = { action: '**/*.action.json', config: '**/opencx.config.json' } as const;

/** Counts for the language status item: the whole workspace, as of the last change. */
export interface WorkspaceStatus {
  actions: number;
  configs: number;
  errors: number;
  warnings: number;
  /** Information and hint findings. */
  infos: number;
  /** Duration of the last full check (index every file and compute every finding), in milliseconds. */
  lastFullCheckMs: number;
  /** True while the first index of the workspace is being built. */
  indexing: boolean;
}

/** Server → client: the workspace's counts changed. Feeds the language status item. */
export namespace StatusNotification {
  export const method = 'opencx/status';
  export const type = new NotificationType<WorkspaceStatus>(method);
}

/** Client commands the server refers to in code actions and code lenses. */
export const CLIENT_COMMANDS = {
  /** Args: MoveToSecretArgs. Reads the literal, asks the user to confirm it as the secret's value, stores it, applies the edits. */
  moveToSecret: 'opencx.moveCredentialToSecret',
  /** Args: [uri, position, locations]. Opens a peek view on the locations. */
  peekLocations: 'opencx.peekLocations',
  /** Args: [uri, range]. Opens the file with the range selected and shows its hover (the "Cannot run" code lens). */
  revealProblem: 'opencx.revealProblem',
  /** Args: [uri]. Runs the action (code lens). */
  runAction: 'opencx.runAction',
  /** Args: [uri]. Shows the action's request plan (code lens). */
  showRequestPlan: 'opencx.showRequestPlan',
  /** Args: [uri?]. Opens "What the AI Is Offered", with the action's row highlighted when given. */
  showCatalog: 'opencx.showCatalog',
} as const;

/**
 * Commands the server runs itself (`workspace/executeCommand`), for clients other than the VS Code extension.
 * Their own prefix: vscode-languageclient registers every command the server advertises, and would fail on an id the
 * extension registers itself.
 */
export const SERVER_COMMANDS = {
  /** Args: [ApplyFixArgs]. Applies a quick fix's edit through `workspace/applyEdit` (clients that take Command only). */
  applyFix: 'opencx.server.applyFix',
  /** Args: [{ secretName }]. After a credential was replaced with `${secret:NAME}`: says to set OPENCX_SECRET_NAME. */
  secretMoved: 'opencx.server.secretMoved',
  /** Args: [uri]. Lists, in a message, the actions an action's description overlaps with (the overlap code lens). */
  showOverlaps: 'opencx.server.showOverlaps',
  /** Args: [uri]. Lists, in a message, an action's nearest actions with their files (the neighbours code lens). */
  showNeighbours: 'opencx.server.showNeighbours',
} as const;

/** `data` of the neighbours code lens, answered without a command and resolved on `codeLens/resolve`. */
export interface NeighboursLensData {
  neighboursOf: string;
}

/** Arguments of `opencx.server.applyFix`: the fix's edit, and the message to show once it is applied. */
export interface ApplyFixArgs {
  edit: { changes: Record<string, { range: MoveToSecretArgs['valueRange']; newText: string }[]> };
  secretName?: string;
}

/**
 * `initializationOptions` the server understands (all optional): any LSP client may send `opencx` settings;
 * the VS Code extension also says what it does itself.
 */
export interface InitializationOptions {
  /** The `opencx` settings (same shape as VS Code's `opencx.*`, e.g. `{ "rules": { "no-channel": "off" } }`). */
  opencx?: unknown;
  /** The client implements CLIENT_COMMANDS (run, request plan, peek, move into a secret): the VS Code extension. */
  clientCommands?: boolean;
  /**
   * The client forwards action and config file events itself (with folder deletions) and lists a folder's files
   * when asked (`opencx/listWorkspaceFiles`, honouring the editor's excludes): the server neither registers file
   * watchers nor walks the folders.
   */
  clientFiles?: boolean;
}

/** Server → client (only when `clientFiles`): the action and config files under a workspace folder. */
export namespace ListWorkspaceFilesRequest {
  export const method = 'opencx/listWorkspaceFiles';
  export const type = new RequestType<{ folderUri: string }, string[], void>(method);
}

/** Arguments of `opencx.moveCredentialToSecret`. The secret's value never travels in the protocol. */
export interface MoveToSecretArgs {
  uri: string;
  secretName: string;
  /** Where the literal value is in the document, so the client reads it itself. */
  valueRange: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The edits that replace the literal with the secret reference, applied after the secret is stored. */
  edits: { range: MoveToSecretArgs['valueRange']; newText: string }[];
}

/** Client → server: the names of the secrets that are set (never their values), for hovers and `unknown-secret`. */
export namespace SecretNamesNotification {
  export const method = 'opencx/secretNames';
  export const type = new NotificationType<{ names: string[] }>(method);
}

/** Who hovers, diagnostics and runs are for: the environment and test contact picked in the status bar. */
export interface ActiveSelection {
  environment?: string;
  contact?: string;
}

/** Client → server: the active environment or contact changed (also sent once at start). */
export namespace ActiveSelectionNotification {
  export const method = 'opencx/activeSelection';
  export const type = new NotificationType<ActiveSelection>(method);
}

/** What the client needs to offer a run or a plan for one action file. */
export interface ActionDescription {
  actionName: string;
  /** The values a run needs (what the AI would extract), as the engine's runInputs describes them. */
  inputs: RunInput[];
  /** The organisation file in effect, if any, and the names it defines. */
  config?: { uri: string; status: 'valid' | 'last-valid' | 'invalid'; environments: string[]; contacts: string[]; defaultEnvironment?: string; defaultContact?: string };
  /** Whether the file can be planned at all; otherwise why not. */
  problems: string[];
}

/** Client → server: describe the action in a file (inputs, organisation). Null when the file is not an indexed action. */
export namespace DescribeActionRequest {
  export const method = 'opencx/describeAction';
  export const type = new RequestType<{ uri: string }, ActionDescription | null, void>(method);
}

/** The environments and contacts the workspace's configs define, with the configs' defaults. */
export interface OrganisationNames {
  environments: string[];
  contacts: string[];
  defaultEnvironment?: string;
  defaultContact?: string;
}

/** Client → server: the names for the environment and contact pickers. */
export namespace OrganisationNamesRequest {
  export const method = 'opencx/organisationNames';
  export const type = new RequestType0<OrganisationNames, void>(method);
}

export interface ResolveParams {
  uri: string;
  selection: ActiveSelection;
  /** Values the AI would extract, by input name. */
  values: Record<string, unknown>;
  /** `send` requires every required value; `dryRun` shows placeholders. */
  mode: 'send' | 'dryRun';
}

/** Client → server: the request plan for one action (never with secret values). */
export namespace ResolveRequest {
  export const method = 'opencx/resolve';
  export const type = new RequestType<ResolveParams, ResolveResponse, void>(method);
}

export type ResolveResponse =
  | { ok: true; plan: RequestPlan; planText: string }
  | { ok: false; message: string; code: string; available?: string[]; missing?: string[] };

/** Who and where the tool list is for. Absent fields take the defaults `plan` uses. */
export interface CatalogParams {
  /** A contact of the config; null: the anonymous visitor; absent: the config's defaultContact, else anonymous. */
  contact?: string | null;
  /** Default `widget`. */
  channel?: string;
  environment?: string;
  /** The URI of the opencx.config.json whose actions to show; absent: the workspace's first config. */
  config?: string;
  /** `opencx.catalog.tokenBudget`, read by the client per workspace. */
  tokenBudget?: number;
}

/** What "What the AI Is Offered" shows: the tool list for one contact and channel, its cost, and coverage. */
export interface CatalogView {
  /** The organisation used (its URI), and every config the workspace has, for a picker. */
  config?: string;
  configs: string[];
  environment?: string;
  /** The config's named contacts, for the contact picker (the anonymous visitor is always offered too). */
  contacts: string[];
  contact: string | null;
  channel: Channel;
  channels: Channel[];
  /** Files are URIs. */
  tools: CatalogTool[];
  /** The `tools` array exactly as a chat-completions request sends it, pretty-printed, to copy. */
  toolsJson: string;
  hidden: HiddenAction[];
  tokens: number;
  contributors: { file: string; function: string; tokens: number }[];
  tokenBudget: number;
  /** Coverage on the same channel: every contact plus "(anonymous)", with each cell's reason. Files are URIs. */
  coverage: CoverageMatrix;
  /** What OpenCX does not document about tools, and what the catalog assumes. */
  assumptions: string[];
  notes: string[];
  /** Set when the request could not be honoured as given (an unknown contact or environment): the view says it. */
  error?: string;
}

/** Client → server: the tool list the AI is offered, its token cost, and coverage (the catalog webview's data). Null when the server failed (logged). */
export namespace CatalogRequest {
  export const method = 'opencx/catalog';
  export const type = new RequestType<CatalogParams, CatalogView | null, void>(method);
}

/** One action for the "OpenCX Actions" explorer view. */
export interface WorkspaceActionItem {
  uri: string;
  name: string;
  tags: string[];
  /** Undefined: no restrictedToSegments key (everyone); []: deliberately everyone. */
  segments?: string[];
  channels: Channel[];
  errors: number;
  warnings: number;
  /** How many other actions the AI could confuse this one with (description-overlap). */
  overlaps: number;
}

/** Client → server: every action of the workspace with its problems and overlap count (the explorer view). */
export namespace WorkspaceActionsRequest {
  export const method = 'opencx/workspaceActions';
  export const type = new RequestType0<WorkspaceActionItem[], void>(method);
}

/** Who the routing test is for. Absent fields take the catalog's defaults (the config's default contact, `widget`). */
export interface RouteInputsParams {
  /** A contact of the config; null: the anonymous visitor; absent: the config's defaultContact, else anonymous. */
  contact?: string | null;
  channel?: string;
  environment?: string;
}

/** An action offered to the contact, with its utterances: one routing-test case per utterance. Files are URIs. */
export interface RouteInputsView {
  /** The tool list the model receives (the catalog for this contact and channel). */
  catalog: Catalog;
  cases: RouteCase[];
  /** Where each offered action's name value is, by file URI (the routing diagnostic's range). */
  nameRanges: Record<string, { start: { line: number; character: number }; end: { line: number; character: number } }>;
  /** Set when the contact asked for is unknown (the default was used instead). */
  error?: string;
}

/** Client → server: what the routing test sends (the catalog's tools and each offered action's utterances). Null when the server failed. */
export namespace RouteInputsRequest {
  export const method = 'opencx/routeInputs';
  export const type = new RequestType<RouteInputsParams, RouteInputsView | null, void>(method);
}

/** What Suggest Utterances tells the model about one action (name, description, parameters), and what it has. */
export interface SuggestSubjectView extends SuggestSubject {
  /** The utterances' texts already in the file. */
  existing: string[];
}

/** Client → server: the action in `uri` as the model would see it. Null when it is no readable action. */
export namespace SuggestSubjectRequest {
  export const method = 'opencx/suggestSubject';
  export const type = new RequestType<{ uri: string }, SuggestSubjectView | null, void>(method);
}
