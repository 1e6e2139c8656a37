import { Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import type { RequestPlan } from '../model/plan';

/** What a run may change about how connections are made (development and company networks only). */
export interface TransportOptions {
  /** Extra trusted CA certificates (PEM); the system's public roots stay trusted. */
  caCertificates?: readonly string[];
  /** From the plan (an environment's `connectTo`): connect to this address instead of resolving the host. */
  connectTo?: RequestPlan['connectTo'];
}

/** A connectTo address: `host:port` or `[v6]:port`, with a port from 1 to 65535; undefined when it is not one. */
export function parseConnectAddress(address: string): { hostname: string; port: number } | undefined {
  const match = /^\[?([^\]]+)\]?:(\d+)$/.exec(address);
  const port = match ? Number(match[2]) : 0;
  return match && port >= 1 && port <= 65535 ? { hostname: match[1], port } : undefined;
}

function parseAddress(address: string): { hostname: string; port: number } {
  const parsed = parseConnectAddress(address);
  if (!parsed) throw new RangeError(`connectTo address must be host:port; got "${address}"`);
  return parsed;
}

/** A run's own dispatcher, and how to end everything it opened. */
export interface OwnDispatcher {
  dispatcher: Dispatcher;
  /** Destroys the dispatcher and every socket it opened, also one still in its TLS handshake. */
  destroy(): Promise<void>;
}

/**
 * The run's own undici dispatcher. With `connectTo`, connections to that host go to the given address while the
 * URL, the Host header and the TLS server name (SNI and certificate check) stay the host's, as curl's
 * --connect-to does.
 *
 * Why always one of our own, not undici's global one: undici gives up on a connection (TCP and the TLS handshake)
 * after its own 10 s, whatever the run's timeout, and neither an aborted request nor a destroyed Agent cancels a
 * connection still being made. A handshake that stalls would end the run at 10 s instead of 60 s, or keep a
 * process alive after a shorter development timeout. So `connectTimeoutMs` is the run's timeout, and `destroy`
 * also ends the sockets still connecting (the connector returns each socket it makes).
 */
export function createDispatcher(options: TransportOptions & { connectTimeoutMs: number }): OwnDispatcher {
  const extraCas = options.caCertificates ?? [];
  const connector = buildConnector({ timeout: options.connectTimeoutMs, ...(extraCas.length ? { ca: [...rootCertificates, ...extraCas] } : {}) });
  const connectTo = options.connectTo;
  const target = connectTo ? parseAddress(connectTo.address) : undefined;
  const sockets = new Set<Socket>();
  const track = (socket: unknown) => {
    if (!(socket instanceof Socket)) return;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const dispatcher = new Agent({
    connect: (connectOptions, callback) => {
      const rerouted = connectTo && target && connectOptions.hostname === connectTo.host;
      const socket = connector(rerouted ? { ...connectOptions, hostname: target.hostname, port: String(target.port) } : connectOptions, callback);
      track(socket);
      return socket;
    },
  });
  return {
    dispatcher,
    destroy: async () => {
      for (const socket of sockets) socket.destroy();
      await dispatcher.destroy();
    },
  };
}
