import type { Dispatcher } from 'undici';
import { ConnectionWatch } from './connectionWatch';
import { describeFailure } from './failure';
import type { HopRequest } from './prepare';
import { followRedirect, isFollowedRedirect } from './redirects';
import { sendHop, type HopContext, type HopResponse } from './transport';
import type { Clock, ExecutionError, RedirectHop } from './execution';

/**
 * One run on the wire: the first request, then each redirect, under one `AbortSignal.timeout` (as OpenCX's fetch
 * call: the timeout covers the redirects and the reading of the body). Sends each request once: no retry, ever.
 */

export interface ExchangeSettings {
  dispatcher: Dispatcher;
  clock: Clock;
  timeoutMs: number;
}

export type ExchangeEnd =
  | { kind: 'response'; response: HopResponse }
  | { kind: 'timeout'; partial: HopResponse | null }
  | { kind: 'failed'; error: ExecutionError; partial: HopResponse | null };

export interface ExchangeRecord {
  end: ExchangeEnd;
  /** The last request sent (after redirects). */
  request: HopRequest;
  redirects: RedirectHop[];
  notes: string[];
  /** Clock times: handed to the transport, and the end (body received, failure or timeout). */
  startedAt: number;
  endedAt: number;
  /** The first hop's connection (see ConnectionWatch); undefined when no request reached a connection. */
  connection: { connectedAt: number | null } | undefined;
}

export async function runExchange(first: HopRequest, settings: ExchangeSettings): Promise<ExchangeRecord> {
  const watch = new ConnectionWatch(settings.dispatcher, first.url.origin, settings.clock);
  const signal = AbortSignal.timeout(settings.timeoutMs);
  const context: HopContext = { dispatcher: settings.dispatcher, signal, clock: settings.clock, watch, wantsBody: (status, headers) => !isFollowedRedirect(status, headers) };
  const record: Omit<ExchangeRecord, 'end' | 'endedAt' | 'connection'> = { request: first, redirects: [], notes: [], startedAt: settings.clock.now() };
  watch.start();
  try {
    const end = await follow(record, context);
    return { ...record, end, endedAt: settings.clock.now(), connection: watch.firstConnection() };
  } finally {
    watch.stop();
  }
}

/** Sends `record.request`, and each redirect's request after it, until a response that is not followed. */
async function follow(record: Omit<ExchangeRecord, 'end' | 'endedAt' | 'connection'>, context: HopContext): Promise<ExchangeEnd> {
  for (;;) {
    const outcome = await sendHop(record.request, context);
    if (outcome.kind === 'failed') {
      // A failure after the signal fired is the timeout, whatever undici reports (fetch rejects with the reason).
      if (context.signal.aborted) return { kind: 'timeout', partial: outcome.partial };
      return { kind: 'failed', error: describeFailure(outcome.error), partial: outcome.partial };
    }
    const { response } = outcome;
    if (!isFollowedRedirect(response.status, response.headers)) return { kind: 'response', response };
    const step = followRedirect(record.request, response, record.redirects.length);
    if (step.kind === 'error') return { kind: 'failed', error: step.error, partial: null };
    record.redirects.push(step.hop);
    record.notes.push(...step.notes);
    record.request = step.request;
  }
}
