import type { Dispatcher } from 'undici';
import type { ConnectionWatch } from './connectionWatch';
import { wireHeaders, type HopRequest } from './prepare';
import type { Clock, ResponseHeader } from './execution';

/**
 * One HTTP exchange through the injected undici dispatcher, with a dispatch handler of our own: it gets the body
 * chunks directly (no stream in between), stamps the headers' arrival, and settles the moment the signal aborts,
 * as fetch does, even while undici is still connecting.
 */

/** The world one hop runs in. */
export interface HopContext {
  dispatcher: Dispatcher;
  /** The run's timeout signal (one for the whole run, redirects included). */
  signal: AbortSignal;
  clock: Clock;
  watch: ConnectionWatch;
  /** Whether the body of a response with these headers is wanted; when not (a redirect), the connection is dropped, as fetch does. */
  wantsBody(status: number, headers: ResponseHeader[]): boolean;
}

export interface HopResponse {
  status: number;
  statusText: string;
  headers: ResponseHeader[];
  chunks: Buffer[];
  bytes: number;
  /** Clock time when the headers arrived. */
  headersAt: number;
}

export type HopOutcome =
  | { kind: 'response'; response: HopResponse }
  /** `partial` holds what arrived before the failure (headers, part of the body), if anything. */
  | { kind: 'failed'; error: unknown; partial: HopResponse | null };

export function sendHop(request: HopRequest, context: HopContext): Promise<HopOutcome> {
  return new Promise((resolve) => {
    const { signal } = context;
    const handler = new HopHandler(context, (outcome) => {
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    });
    const onAbort = () => handler.abort(signal.reason);
    if (signal.aborted) return handler.abort(signal.reason);
    signal.addEventListener('abort', onAbort);
    try {
      context.dispatcher.dispatch({
        origin: request.url.origin,
        path: request.url.pathname + request.url.search,
        method: request.method,
        headers: wireHeaders(request),
        body: request.body?.bytes ?? null,
      }, handler);
    } catch (error) {
      handler.onResponseError(undefined, error instanceof Error ? error : new Error(String(error))); // a dispatcher that throws instead of calling onError
    }
  });
}

/** The dispatch handler of one hop. Settles exactly once; whatever undici reports afterwards is ignored. */
class HopHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private response: HopResponse | null = null;
  private settled = false;

  constructor(private readonly context: HopContext, private readonly settle: (outcome: HopOutcome) => void) {}

  abort(reason: unknown): void {
    this.finish({ kind: 'failed', error: reason, partial: this.response });
    this.controller?.abort(reason instanceof Error ? reason : new Error(String(reason)));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) controller.abort(new Error('run already settled'));
    else this.context.watch.requestStarted();
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: Record<string, string | string[] | undefined>, statusText?: string): void {
    if (status < 200 || this.settled) return; // 1xx: informational, the real response follows
    const response: HopResponse = { status, statusText: statusText ?? '', headers: headerList(controller, headers), chunks: [], bytes: 0, headersAt: this.context.clock.now() };
    this.response = response;
    if (this.context.wantsBody(status, response.headers)) return;
    this.finish({ kind: 'response', response });
    controller.abort(new Error('redirect: body not read'));
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled || !this.response) return;
    this.response.chunks.push(chunk);
    this.response.bytes += chunk.length;
  }

  onResponseEnd(): void {
    if (this.response) this.finish({ kind: 'response', response: this.response });
    else this.finish({ kind: 'failed', error: new Error('the response ended without headers'), partial: null });
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    this.finish({ kind: 'failed', error, partial: this.response });
  }

  private finish(outcome: HopOutcome): void {
    if (this.settled) return;
    this.settled = true;
    this.settle(outcome);
  }
}

/** Headers in arrival order with the server's spelling (undici's raw list), else from the parsed object. */
function headerList(controller: Dispatcher.DispatchController, parsed: Record<string, string | string[] | undefined>): ResponseHeader[] {
  const raw = controller.rawHeaders;
  if (Array.isArray(raw)) {
    const list: ResponseHeader[] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) list.push({ name: latin1(raw[i]), value: latin1(raw[i + 1]) });
    return list;
  }
  return Object.entries(parsed).flatMap(([name, v]) => (v === undefined ? [] : [v].flat().map((value) => ({ name, value }))));
}

const latin1 = (v: Buffer | string): string => (typeof v === 'string' ? v : v.toString('latin1'));
