import type { Dispatcher } from 'undici';
import { BodySink } from './bodySink';
import type { ConnectionWatch } from './connectionWatch';
import { wireHeaders, type HopRequest } from './prepare';
import type { Clock, ResponseHeader } from './execution';

/**
 * One HTTP exchange through the injected undici dispatcher, with a dispatch handler of our own: it hands the body
 * chunks to a BodySink (decoded as they come, kept up to the cap; the socket is paused while a decoder catches up),
 * stamps the headers' arrival, and settles the moment the signal aborts, as fetch does, even while undici is still
 * connecting.
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
  /** Decoded body bytes kept; past them the bytes are counted only. */
  maxBodyBytes: number;
}

export interface HopResponse {
  status: number;
  statusText: string;
  headers: ResponseHeader[];
  /** The body as it arrives: decoded, counted, kept up to the cap. */
  body: BodySink;
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
    this.response?.body.destroy();
    this.controller?.abort(reason instanceof Error ? reason : new Error(String(reason)));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) controller.abort(new Error('run already settled'));
    else this.context.watch.requestStarted();
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: Record<string, string | string[] | undefined>, statusText?: string): void {
    if (status < 200 || this.settled) return; // 1xx: informational, the real response follows
    const list = headerList(controller, headers);
    const response: HopResponse = { status, statusText: statusText ?? '', headers: list, body: new BodySink(list, this.context.maxBodyBytes), headersAt: this.context.clock.now() };
    this.response = response;
    if (this.context.wantsBody(status, response.headers)) return;
    this.finish({ kind: 'response', response });
    controller.abort(new Error('redirect: body not read'));
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled || !this.response) return;
    if (this.response.body.write(chunk)) return;
    // A decoder behind (a gzip bomb inflates slower than it arrives): stop reading the socket until it catches up.
    controller.pause();
    this.response.body.onDrain(() => controller.resume());
  }

  onResponseEnd(): void {
    const response = this.response;
    if (!response) return this.finish({ kind: 'failed', error: new Error('the response ended without headers'), partial: null });
    void response.body.end().then(() => this.finish({ kind: 'response', response }));
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    this.finish({ kind: 'failed', error, partial: this.response });
    this.response?.body.destroy();
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
