// The capabilities the test client announces in `initialize`.
import type { ClientCapabilities } from 'vscode-languageserver-protocol';

/** What a recent VS Code announces, reduced to the features this server offers. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: false, willSaveWaitUntil: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
      tagSupport: { valueSet: [1, 2] },
    },
    completion: {
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
      },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    codeLens: {},
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
    formatting: { dynamicRegistration: true },
    rangeFormatting: { dynamicRegistration: true },
  },
};

/**
 * A bare LSP client: it announces nothing, so the server may assume nothing (no pull of settings, no dynamic
 * registration, plain text, no snippets, no LocationLink, Command-only code actions, flat symbols).
 */
export const MINIMAL_CAPABILITIES: ClientCapabilities = {};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `extra` laid over `base`, object by object (arrays and values replaced). */
export function mergeCapabilities<T>(base: T, extra: unknown): T {
  if (!isObject(base) || !isObject(extra)) return (extra === undefined ? base : extra) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) merged[key] = mergeCapabilities(merged[key], value);
  return merged as T;
}
