// The requests and notifications the workspace, quick-fix and provenance tests send, beyond LspClient's basics:
// code actions, code lenses, definitions, file events, and OpenCX's custom messages (typed by protocol.ts).
import {
  CodeActionRequest,
  CodeLensRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type CodeLens,
  type Command,
  type Diagnostic,
  type Location,
  type LocationLink,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol';
import {
  ActiveSelectionNotification,
  CatalogRequest,
  DescribeActionRequest,
  OrganisationNamesRequest,
  ResolveRequest,
  SecretNamesNotification,
  StatusNotification,
  WorkspaceActionsRequest,
  type ActionDescription,
  type CatalogParams,
  type CatalogView,
  type WorkspaceActionItem,
  type ActiveSelection,
  type OrganisationNames,
  type ResolveParams,
  type ResolveResponse,
  type WorkspaceStatus,
} from '../../server/src/protocol';
import type { LspClient } from './lspClient';

export { FileChangeType };

/** textDocument/codeAction for `range` with the given diagnostics in the context, as VS Code sends it. */
export function codeActions(client: LspClient, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(Command | CodeAction)[] | null> {
  return client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

export function codeLenses(client: LspClient, uri: string): Promise<CodeLens[] | null> {
  return client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
}

export function definition(client: LspClient, uri: string, position: Position): Promise<Location | Location[] | LocationLink[] | null> {
  return client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
}

/** workspace/didChangeWatchedFiles, as VS Code's file watcher sends it (one batch, in order). */
export function fileEvents(client: LspClient, changes: { uri: string; type: FileChangeType }[]): Promise<void> {
  return client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
}

export function setSelection(client: LspClient, selection: ActiveSelection): Promise<void> {
  return client.connection.sendNotification(ActiveSelectionNotification.type, selection);
}

export function setSecretNames(client: LspClient, names: string[]): Promise<void> {
  return client.connection.sendNotification(SecretNamesNotification.type, { names });
}

export function describeAction(client: LspClient, uri: string): Promise<ActionDescription | null> {
  return client.connection.sendRequest(DescribeActionRequest.type, { uri });
}

export function organisationNames(client: LspClient): Promise<OrganisationNames> {
  return client.connection.sendRequest(OrganisationNamesRequest.type);
}

export function resolve(client: LspClient, params: ResolveParams): Promise<ResolveResponse> {
  return client.connection.sendRequest(ResolveRequest.type, params);
}

export function catalog(client: LspClient, params: CatalogParams): Promise<CatalogView | null> {
  return client.connection.sendRequest(CatalogRequest.type, params);
}

export function workspaceActions(client: LspClient): Promise<WorkspaceActionItem[]> {
  return client.connection.sendRequest(WorkspaceActionsRequest.type);
}

/** The next `opencx/status` (after the `from`-th notification) that satisfies `predicate`. */
export function waitForStatus(client: LspClient, predicate: (status: WorkspaceStatus) => boolean = () => true, from = 0): Promise<WorkspaceStatus> {
  return client.waitForNotification<WorkspaceStatus>(StatusNotification.method, predicate, from);
}

/** Resolves once the first index of the workspace folders is built (the server says so with a status). */
export async function waitForIndex(client: LspClient): Promise<void> {
  await waitForStatus(client, (status) => !status.indexing);
}
