import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ChatRequest } from './requests';
import type { ModelPick } from './report';
import type { SuggestRequest } from './suggest';

/** Where the routing test sends its requests: any chat-completions endpoint (OpenAI, Azure, Ollama, LM Studio, vLLM…). */
export interface ModelEndpoint {
  /** Default: OpenAI's. */
  baseUrl?: string;
  /** Local servers need none; the SDK then sends a placeholder. */
  apiKey?: string;
  timeoutMs: number;
  /** How many requests run at once. */
  concurrency: number;
  /** How many times a 429 is retried, after the wait its Retry-After asks for (capped at MAX_RETRY_WAIT_MS). */
  retries429: number;
}

const MAX_RETRY_WAIT_MS = 60_000;
const DEFAULT_RETRY_WAIT_MS = 1_000;

/** The model endpoint failed in a way the user must act on (the CLI exits 2); the message says what happened. */
export class ModelEndpointError extends Error {}

/** The wait a 429 asks for: `retry-after-ms`, else `retry-after` in seconds (or an HTTP date), else one second. */
export function retryWaitMs(headers: Headers | undefined, now = Date.now()): number {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && headers?.get('retry-after-ms') !== null) return Math.min(ms, MAX_RETRY_WAIT_MS);
  const value = headers?.get('retry-after');
  if (value) {
    const seconds = Number(value);
    const wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
    if (Number.isFinite(wait)) return Math.min(Math.max(wait, 0), MAX_RETRY_WAIT_MS);
  }
  return DEFAULT_RETRY_WAIT_MS;
}

function describe(error: unknown, endpoint: ModelEndpoint): ModelEndpointError {
  const where = endpoint.baseUrl ?? 'https://api.openai.com/v1';
  if (error instanceof APIConnectionTimeoutError) return new ModelEndpointError(`the model endpoint ${where} did not answer within ${endpoint.timeoutMs} ms`);
  if (error instanceof APIError && error.status !== undefined) {
    const detail = error.message.replace(/\s+/g, ' ').slice(0, 300);
    const hint = error.status === 401 || error.status === 403 ? ' (check the API key: OPENCX_MODEL_API_KEY)' : error.status === 404 ? ' (check the base URL and the model name)' : '';
    return new ModelEndpointError(`the model endpoint ${where} answered ${error.status}${hint}: ${detail}`);
  }
  if (error instanceof APIError) return new ModelEndpointError(`could not reach the model endpoint ${where}: ${error.message}`);
  return new ModelEndpointError(`the model endpoint ${where} failed: ${error instanceof Error ? error.message : String(error)}`);
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve, reject) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => {
    clearTimeout(timer);
    reject(new APIUserAbortError());
  }, { once: true });
});

/** Runs one request, retrying a 429 after its Retry-After (up to `retries429` times); other failures are described. */
async function withRetries<T>(endpoint: ModelEndpoint, send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (error instanceof APIError && error.status === 429 && attempt < endpoint.retries429) {
        await sleep(retryWaitMs(error.headers), signal);
        continue;
      }
      if (error instanceof APIUserAbortError) throw error;
      throw describe(error, endpoint);
    }
  }
}

const clientOf = (endpoint: ModelEndpoint) => new OpenAI({ baseURL: endpoint.baseUrl, apiKey: endpoint.apiKey || 'not-set', timeout: endpoint.timeoutMs, maxRetries: 0 });

/** One chat completion; the pick is the first tool call's function (and its arguments), or null without one. */
async function pickOnce(client: OpenAI, request: ChatRequest, endpoint: ModelEndpoint, signal?: AbortSignal): Promise<ModelPick> {
  // Our request type is stricter than the SDK's (parameters always an object schema): the same JSON.
  const completion = await withRetries(endpoint, () => client.chat.completions.create(request as unknown as ChatCompletionCreateParamsNonStreaming, { signal }), signal);
  const call = completion.choices[0]?.message?.tool_calls?.find((c) => c.type === 'function');
  return call && call.type === 'function' ? { function: call.function.name, arguments: call.function.arguments } : { function: null };
}

/**
 * One chat completion without tools (Suggest Utterances): the first choice's text, or '' without one. A failure is
 * thrown as a ModelEndpointError; a cancel through `signal` as the SDK's abort error.
 */
export async function completeText(endpoint: ModelEndpoint, request: SuggestRequest, signal?: AbortSignal): Promise<string> {
  const client = clientOf(endpoint);
  const completion = await withRetries(endpoint, () => client.chat.completions.create(request as ChatCompletionCreateParamsNonStreaming, { signal }), signal);
  const content = completion.choices[0]?.message?.content;
  return typeof content === 'string' ? content : '';
}

/** A cancel by the caller's AbortSignal (not a failure of the endpoint). */
export function isAbort(error: unknown): boolean {
  return error instanceof APIUserAbortError;
}

/**
 * Sends every request (each `runs` times), at most `concurrency` at once, and returns the picks per request in
 * order. The first failure stops the run (the rest are not sent) and is thrown as a ModelEndpointError.
 */
export async function collectPicks(endpoint: ModelEndpoint, requests: readonly ChatRequest[], runs: number, options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<ModelPick[][]> {
  const client = clientOf(endpoint);
  const jobs = requests.flatMap((request, i) => Array.from({ length: runs }, (_, run) => ({ request, i, run })));
  const picks: ModelPick[][] = requests.map(() => []);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      try {
        picks[job.i][job.run] = await pickOnce(client, job.request, endpoint, signal);
      } catch (error) {
        stop.abort();
        throw error;
      }
      options.onProgress?.(++done, jobs.length);
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(endpoint.concurrency, jobs.length) }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof APIUserAbortError))
    ?? results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return picks;
}
