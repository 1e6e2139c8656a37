import { MarkupKind, type ClientCapabilities, type InitializeParams } from 'vscode-languageserver';
import type { InitializationOptions } from '../protocol';

/**
 * What the connected client can take, read once from `initialize`. Every handler shapes its answer by these,
 * never by assuming VS Code: Neovim 0.7, Helix, Zed, Sublime LSP and a bare JSON-RPC client announce less.
 */
export interface ClientFeatures {
  /** `workspace/configuration`: settings are pulled (per folder) rather than taken from pushes. */
  pullConfiguration: boolean;
  /** Dynamic registration of `workspace/didChangeConfiguration` was offered. */
  registerConfiguration: boolean;
  /** Dynamic registration of `workspace/didChangeWatchedFiles` was offered. */
  registerWatchedFiles: boolean;
  workDoneProgress: boolean;
  /** Hover contents may be Markdown; otherwise plain text. */
  hoverMarkdown: boolean;
  /** Completion items may carry snippets; otherwise plain insert text. */
  snippets: boolean;
  /** `textDocument/definition` may answer `LocationLink`s; otherwise `Location`s. */
  definitionLinks: boolean;
  /** `CodeAction` literals are accepted; otherwise only `Command`s. */
  codeActionLiterals: boolean;
  /** `DocumentSymbol` trees are accepted; otherwise flat `SymbolInformation`s. */
  hierarchicalSymbols: boolean;
  /** `workspace/applyEdit` is supported (the server-side fix command needs it). */
  applyEdit: boolean;
  /** The client implements the extension's commands (`initializationOptions.clientCommands`): VS Code. */
  clientCommands: boolean;
  /** The client forwards file events and lists folders itself (`initializationOptions.clientFiles`): VS Code. */
  clientFiles: boolean;
  /** The `opencx` settings given in `initializationOptions`, if any. */
  initialSettings: unknown;
  /** The capabilities as sent, for libraries that read them themselves (vscode-json-languageservice). */
  capabilities: ClientCapabilities;
}

const includesMarkdown = (formats: readonly string[] | undefined) => formats?.includes(MarkupKind.Markdown) === true;

/** Reads a client's capabilities and OpenCX initialization options; anything absent counts as not supported. */
export function clientFeaturesOf(params: Pick<InitializeParams, 'capabilities' | 'initializationOptions'>): ClientFeatures {
  const { workspace, textDocument, window } = params.capabilities;
  const options = (params.initializationOptions !== null && typeof params.initializationOptions === 'object' ? params.initializationOptions : {}) as InitializationOptions;
  return {
    pullConfiguration: workspace?.configuration === true,
    registerConfiguration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    registerWatchedFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workDoneProgress: window?.workDoneProgress === true,
    hoverMarkdown: includesMarkdown(textDocument?.hover?.contentFormat),
    snippets: textDocument?.completion?.completionItem?.snippetSupport === true,
    definitionLinks: textDocument?.definition?.linkSupport === true,
    codeActionLiterals: textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    hierarchicalSymbols: textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    applyEdit: workspace?.applyEdit === true,
    clientCommands: options.clientCommands === true,
    clientFiles: options.clientFiles === true,
    initialSettings: options.opencx,
    capabilities: params.capabilities,
  };
}
