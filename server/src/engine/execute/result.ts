import type { RequestPlan } from '../model/plan';
import type { ExchangeRecord } from './exchange';
import { describeFailure, timeoutFailure } from './failure';
import { sentRequestOf, unsentRequestOf } from './prepare';
import { decodeBody } from './responseText';
import { countAiTokens } from './tokens';
import type { HopResponse } from './transport';
import {
  NETWORK_ERROR_TEXT, TIMEOUT_STATUS, timeoutText,
  type AiView, type ExecutionError, type ExecutionOutcome, type ExecutionResult, type ExecutionTiming, type ResponseRecord,
} from './execution';

/** What a run needs to say besides the exchange: the timeout, and where it differs from OpenCX. */
export interface RunFacts {
  timeoutMs: number;
  /** Sentences about what this run does that OpenCX would not; non-empty marks the result. */
  differences: string[];
}

/** The result of a run where nothing was sent (http refused, a missing secret). */
export function notSentResult(plan: RequestPlan, error: ExecutionError, facts: RunFacts): ExecutionResult {
  const timing: ExecutionTiming = { connectMs: null, firstByteMs: null, totalMs: 0, connectionReused: false };
  return {
    outcome: 'refused',
    ai: { status: null, body: '' },
    request: unsentRequestOf(plan),
    response: { status: null, statusText: '', headers: [], bytes: 0, tokens: 0, tokensEstimated: false, timing },
    redirects: [],
    error,
    sent: false,
    timeoutMs: facts.timeoutMs,
    visibleToContact: plan.visibleToContact,
    differsFromOpenCX: facts.differences.length > 0,
    notes: [...plan.notes, error.message, ...facts.differences],
  };
}

/** The result of a run that sent a request: what the AI gets, and the record for the human. */
export async function sentResult(plan: RequestPlan, record: ExchangeRecord, facts: RunFacts, notes: string[]): Promise<ExecutionResult> {
  const verdict = verdictOf(record, facts.timeoutMs);
  const response = verdict.response;
  const tokens = await countAiTokens(verdict.ai.body);
  const responseRecord: ResponseRecord = {
    status: response?.status ?? null,
    statusText: response?.statusText ?? '',
    headers: response?.headers ?? [],
    bytes: verdict.bytes,
    tokens: tokens.tokens,
    tokensEstimated: tokens.estimated,
    timing: timingOf(record),
  };
  return {
    outcome: verdict.outcome,
    ai: verdict.ai,
    request: sentRequestOf(record.request),
    response: responseRecord,
    redirects: record.redirects,
    error: verdict.error,
    sent: true,
    timeoutMs: facts.timeoutMs,
    visibleToContact: plan.visibleToContact,
    differsFromOpenCX: facts.differences.length > 0,
    notes: [...plan.notes, ...facts.differences, ...notes, ...record.notes, ...verdict.notes],
  };
}

interface Verdict {
  outcome: ExecutionOutcome;
  ai: AiView;
  error: ExecutionError | null;
  /** The last response, complete or partial. */
  response: HopResponse | null;
  bytes: number;
  notes: string[];
}

/**
 * OpenCX's rules (docs/platform.md, "What the AI receives"): 2xx/4xx/5xx verbatim; timeout → 408 and its sentence;
 * any network error → one sentence.
 */
function verdictOf(record: ExchangeRecord, timeoutMs: number): Verdict {
  const { end } = record;
  if (end.kind === 'timeout') {
    return { outcome: 'timeout', ai: { status: TIMEOUT_STATUS, body: timeoutText(timeoutMs) }, error: timeoutFailure(timeoutMs), response: end.partial, bytes: end.partial?.bytes ?? 0, notes: partialNotes(end.partial, 'timeout') };
  }
  if (end.kind === 'failed') return networkError(end.error, end.partial, partialNotes(end.partial, 'failure'));
  const { response } = end;
  try {
    const body = decodeBody(response.chunks, response.headers);
    const outcome = response.status >= 200 && response.status < 300 ? 'success' : 'http-error';
    return { outcome, ai: { status: response.status, body: body.text }, error: null, response, bytes: body.bytes, notes: body.note ? [body.note] : [] };
  } catch (e) {
    return networkError(describeFailure(e), response, [`The body could not be decoded (${response.bytes} bytes received): fetch fails such a body, so OpenCX's AI gets a network error.`]);
  }
}

function networkError(error: ExecutionError, partial: HopResponse | null, notes: string[]): Verdict {
  return { outcome: 'network-error', ai: { status: null, body: NETWORK_ERROR_TEXT }, error, response: partial, bytes: partial?.bytes ?? 0, notes };
}

function partialNotes(partial: HopResponse | null, what: 'timeout' | 'failure'): string[] {
  if (!partial) return [];
  return [`Status ${partial.status} and ${partial.bytes} bytes of the body had arrived before the ${what}; the AI gets none of it.`];
}

function timingOf(record: ExchangeRecord): ExecutionTiming {
  const since = (t: number) => Math.round((t - record.startedAt) * 100) / 100;
  const end = record.end;
  const last = end.kind === 'response' ? end.response : end.partial;
  const connectedAt = record.connection?.connectedAt;
  return {
    connectMs: connectedAt == null ? null : since(connectedAt),
    firstByteMs: last ? since(last.headersAt) : null,
    totalMs: since(record.endedAt),
    connectionReused: record.connection !== undefined && record.connection.connectedAt === null,
  };
}
