import type { Dispatcher } from 'undici';
import type { Clock } from './execution';

/**
 * When the connection of a run's first request was established, from the dispatcher's `connect` event.
 *
 * Why this event: the dispatcher is injected (undici's global one, or a test's Agent with its own TLS options), so
 * a custom connector (which can only be given when a dispatcher is created) is out. undici's diagnostics channel
 * `undici:client:connected` would name the socket exactly, but subscribing per run costs about 10 µs (a channel
 * switches its prototype when it gains or loses its only subscriber, which also deoptimises undici's checks), and a
 * subscription kept for the whole process would be module state. Every undici dispatcher (Client, Pool, Agent, and
 * `compose()`'s proxies) emits `connect` once the TCP connection, and TLS for https, is ready; undici then writes the
 * waiting request at once, in the same tick, so our handler's `onRequestStart` comes right after.
 *
 * So: a `connect` for the run's origin between the dispatch and `onRequestStart` is the connection the request went
 * out on; none means a kept-alive connection was reused. Caveat: if another request to the same origin, on the same
 * dispatcher, opens a connection while ours waits, that time is taken as ours.
 */
export class ConnectionWatch {
  private connectedAt: number | null = null;
  private first: { connectedAt: number | null } | undefined;

  constructor(private readonly dispatcher: Dispatcher, private readonly origin: string, private readonly clock: Clock) {}

  private readonly onConnect = (origin: URL): void => {
    if (this.first === undefined && String(origin?.origin ?? origin) === this.origin) this.connectedAt = this.clock.now();
  };

  start(): void {
    this.dispatcher.on('connect', this.onConnect);
  }

  stop(): void {
    this.dispatcher.off('connect', this.onConnect);
  }

  /** Called from the handler's `onRequestStart`: the request is on its connection now. */
  requestStarted(): void {
    if (this.first === undefined) this.first = { connectedAt: this.connectedAt };
  }

  /** The first hop's connection: when it was established (clock time), null if reused; undefined if none was used. */
  firstConnection(): { connectedAt: number | null } | undefined {
    return this.first;
  }
}
