import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SelectionStore } from '../selection';
import { clearModelApiKey, setModelApiKey } from './apiKey';
import { modalConsent, type ConsentPrompt } from './consent';
import { RoutingDiagnostics } from './diagnostics';
import type { RoutingRenderedSummary } from './messages';
import { RoutingPanel } from './panel';
import { runRoutingTest, type RoutingArguments, type RoutingContext } from './routingCommand';
import { quickPickSuggestions, suggestUtterancesCommand, type SuggestionPicker } from './suggestCommand';

/** The routing test's command ids (package.json contributes the same). */
export const ROUTING_COMMANDS = {
  runRoutingTest: 'opencx.runRoutingTest',
  suggestUtterances: 'opencx.suggestUtterances',
  setModelApiKey: 'opencx.setModelApiKey',
  clearModelApiKey: 'opencx.clearModelApiKey',
} as const;

/** What end-to-end tests reach of the routing test: the page's rendered summaries, and the prompts to answer. */
export interface RoutingApi {
  renderedSummaries(): readonly RoutingRenderedSummary[];
  /** The consent and suggestion prompts (modal dialog and quick pick by default); tests replace them. */
  prompts: { consent: ConsentPrompt; pickSuggestions: SuggestionPicker };
}

const uriArg = (arg: unknown) => (arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined);

/** Registers the routing test's commands, panel and diagnostics (issue 11). */
export function registerRouting(extension: vscode.ExtensionContext, client: LanguageClient, selection: SelectionStore): { api: RoutingApi; disposables: vscode.Disposable[] } {
  const panel = new RoutingPanel(extension.extensionUri);
  const diagnostics = new RoutingDiagnostics();
  const prompts = { consent: modalConsent, pickSuggestions: quickPickSuggestions };
  const ctx: RoutingContext & { prompts: typeof prompts } = { extension, client, selection, panel, diagnostics, prompts };
  return {
    api: { renderedSummaries: () => panel.renderedSummaries(), prompts },
    disposables: [
      panel,
      diagnostics,
      vscode.commands.registerCommand(ROUTING_COMMANDS.runRoutingTest, (args?: RoutingArguments) => runRoutingTest(ctx, args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {})),
      vscode.commands.registerCommand(ROUTING_COMMANDS.suggestUtterances, (uri?: unknown) => suggestUtterancesCommand(ctx, uriArg(uri))),
      vscode.commands.registerCommand(ROUTING_COMMANDS.setModelApiKey, (value?: string) => setModelApiKey(extension, typeof value === 'string' ? value : undefined)),
      vscode.commands.registerCommand(ROUTING_COMMANDS.clearModelApiKey, () => clearModelApiKey(extension)),
    ],
  };
}
