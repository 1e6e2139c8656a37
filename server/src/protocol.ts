import { NotificationType } from 'vscode-languageserver-protocol';

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
} as const;

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
