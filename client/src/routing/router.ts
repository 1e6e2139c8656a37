// Entry of dist/router.js: the model client of the routing test (the official `openai` package), loaded by the
// extension only when a routing test or a suggestion starts, so activation and dist/client.js stay light. The same
// engine code as the CLI's `route` command.
import {
  chatRequest, collectPicks, completeText, DEFAULT_CONCURRENCY, isAbort, ModelEndpointError, parseSuggestions, routeReport,
  suggestRequest, type ModelEndpoint, type RouteReport, type SuggestSubject,
} from '../../../server/src/engine';
import type { RouteInputsView } from '../../../server/src/protocol';

/** How many times a 429 is retried after its Retry-After (as the CLI does). */
const RETRIES_429 = 3;

/** Where the requests go and how: the settings and the key, read by the extension. */
export interface ModelSettings {
  baseUrl: string;
  model: string;
  systemPrompt: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

/** A run's end: the report, a cancel, or a failure the user can act on (its message, never a stack). */
export type RouterOutcome<T> = { ok: true; value: T } | { ok: false; cancelled: boolean; message: string };

const endpointOf = (settings: ModelSettings): ModelEndpoint => ({
  baseUrl: settings.baseUrl, apiKey: settings.apiKey, timeoutMs: settings.timeoutMs, concurrency: DEFAULT_CONCURRENCY, retries429: RETRIES_429,
});

function failure(error: unknown): RouterOutcome<never> {
  if (isAbort(error)) return { ok: false, cancelled: true, message: 'cancelled' };
  // The engine's 401 hint names the CLI's variable; in VS Code the key is usually set by the command.
  if (error instanceof ModelEndpointError) return { ok: false, cancelled: false, message: error.message.replace('(check the API key: OPENCX_MODEL_API_KEY)', '(check the API key: OpenCX: Set Model API Key, or OPENCX_MODEL_API_KEY)') };
  return { ok: false, cancelled: false, message: `the model request failed: ${error instanceof Error ? error.message : String(error)}` };
}

/** Sends each case `runs` times (a few at once), then builds the report. Cancelling `signal` aborts requests in flight. */
export async function runRouting(inputs: RouteInputsView, settings: ModelSettings, runs: number, signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<RouterOutcome<RouteReport>> {
  const requests = inputs.cases.map((c) => chatRequest(settings.model, settings.systemPrompt, inputs.catalog, c.utterance.text));
  try {
    const picks = await collectPicks(endpointOf(settings), requests, runs, { signal, onProgress });
    return { ok: true, value: routeReport(settings.model, inputs.catalog, inputs.cases, picks) };
  } catch (error) {
    return failure(error);
  }
}

/** Asks the model for a few utterances of one action (its name, description and parameters only). */
export async function suggestUtterances(subject: SuggestSubject, existing: string[], settings: ModelSettings, signal: AbortSignal): Promise<RouterOutcome<string[]>> {
  try {
    const answer = await completeText(endpointOf(settings), suggestRequest(settings.model, subject), signal);
    return { ok: true, value: parseSuggestions(answer, existing) };
  } catch (error) {
    return failure(error);
  }
}
