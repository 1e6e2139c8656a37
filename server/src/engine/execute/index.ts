import { performance } from 'node:perf_hooks';
import { getGlobalDispatcher } from 'undici';
import type { RequestPlan } from '../model/plan';
import { createDispatcher, parseConnectAddress } from './dispatcher';
import { runExchange, type ExchangeSettings } from './exchange';
import { maskSecrets } from './mask';
import { prepareRequest } from './prepare';
import { notSentResult, sentResult, type RunFacts } from './result';
import { readSecrets } from './secrets';
import { OPENCX_TIMEOUT_MS, type ExecuteOptions, type ExecutionError, type ExecutionResult } from './execution';
import { checkUrl } from './urlPolicy';

/**
 * The executor: sends one request plan the way OpenCX does, and says what the AI receives.
 *
 * Flow: a dry-run plan with placeholders is refused → URL policy (https only; http only on loopback with
 * `allowHttp`) → secrets read from the injected SecretSource (a missing one stops the run before anything is sent)
 * → the request prepared twice, filled for the wire and masked for the result → one exchange through the injected
 * undici dispatcher under `AbortSignal.timeout` (redirects followed as fetch does, no retry) → OpenCX's rules turn
 * the end into the AI's view → tokens counted → every string of the result searched for secret values.
 *
 * Masking: the result keeps each `${secret:NAME}` reference where the plan has it (so the human sees which secret
 * went where), never `••••` and never the value. Secrets are read only once the request is about to be sent.
 *
 * Pure apart from what is injected (dispatcher, clock, secrets): no module state, no globals written.
 */
export async function executePlan(plan: RequestPlan, options: ExecuteOptions = {}): Promise<ExecutionResult> {
  const settings = settingsOf(options);
  const facts: RunFacts = { timeoutMs: settings.timeoutMs, differences: differencesOf(plan, settings.timeoutMs) };
  if (plan.placeholders?.length) return notSentResult(plan, placeholderError(plan.placeholders), facts);
  const verdict = checkUrl(plan.url, options.allowHttp === true);
  if (verdict.kind === 'refused') return notSentResult(plan, verdict.error, facts);
  // An address the schema rejects can still reach a plan (a config with errors is used as far as it can be read).
  if (plan.connectTo && !parseConnectAddress(plan.connectTo.address)) return notSentResult(plan, connectToError(plan.connectTo), facts);
  facts.differences.unshift(...verdict.differences);
  const secrets = await readSecrets(plan, options.secrets);
  if (secrets.kind === 'missing') return notSentResult(plan, secrets.error, facts);
  const prepared = prepareRequest(plan, secrets.values);
  // A dispatcher made here for extra CAs or connectTo is this run's own, and closed with it.
  const own = options.dispatcher ? undefined : createDispatcher({ caCertificates: options.caCertificates, connectTo: plan.connectTo });
  try {
    const record = await runExchange(prepared.request, own ? { ...settings, dispatcher: own } : settings);
    return maskSecrets(await sentResult(plan, record, facts, prepared.notes), secrets.values);
  } finally {
    await own?.close();
  }
}

/** The largest delay a Node timer accepts; a longer one would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

function settingsOf(options: ExecuteOptions): ExchangeSettings {
  const timeoutMs = options.timeoutMs ?? OPENCX_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new RangeError(`timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}; got ${timeoutMs}`);
  }
  return {
    timeoutMs,
    clock: options.clock ?? performance,
    dispatcher: options.dispatcher ?? getGlobalDispatcher(),
  };
}

function differencesOf(plan: RequestPlan, timeoutMs: number): string[] {
  const differences: string[] = [];
  if (timeoutMs !== OPENCX_TIMEOUT_MS) {
    differences.push(`Development timeout of ${timeoutMs} ms: OpenCX always waits ${OPENCX_TIMEOUT_MS} ms, and its AI would then get "Request timed out after ${OPENCX_TIMEOUT_MS}ms".`);
  }
  if (plan.connectTo) {
    differences.push(`Connects to ${plan.connectTo.address} instead of resolving ${plan.connectTo.host} (connectTo): OpenCX always resolves the real host.`);
  }
  if (!plan.visibleToContact) {
    const why = plan.visibilityReason ? ` (${plan.visibilityReason.replace(/\.$/, '')})` : ' (segment filter)';
    differences.push(`OpenCX would not offer this action to the active contact${why}, so its AI could not call it; sent anyway for testing.`);
  }
  return differences;
}

function connectToError(connectTo: NonNullable<RequestPlan['connectTo']>): ExecutionError {
  return {
    code: 'INVALID_CONNECT_TO',
    message: `Not sent: connectTo for ${connectTo.host} must be address:port with a port from 1 to 65535, like "127.0.0.1:8443"; got "${connectTo.address}".`,
  };
}

/** A dry-run plan shows placeholders where nobody gave a value: sending it would test a request OpenCX never makes. */
function placeholderError(placeholders: string[]): ExecutionError {
  return { code: 'PLACEHOLDERS', message: `Not sent: the plan has placeholders for ${placeholders.join(', ')} (a dry run); give a value for each, then run again.` };
}

export { toCurl } from './curl';
export {
  MAX_REDIRECTS, NETWORK_ERROR_TEXT, OPENCX_TIMEOUT_MS, TIMEOUT_STATUS, timeoutText,
} from './execution';
export type {
  AiView, Clock, EchoedHeader, EchoedShadowedValue, ExecuteOptions, ExecutionError, ExecutionOutcome, ExecutionResult,
  ExecutionTiming, RedirectHop, ResponseHeader, ResponseRecord, SentRequest,
} from './execution';
