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

/**
 * An undici dispatcher for these options, or undefined when the defaults do (undici's global dispatcher). With
 * `connectTo`, connections to that host go to the given address while the URL, the Host header and the TLS server
 * name (SNI and certificate check) stay the host's, as curl's --connect-to does. Close it after the run.
 */
export function createDispatcher(options: TransportOptions): Dispatcher | undefined {
  const extraCas = options.caCertificates ?? [];
  if (!extraCas.length && !options.connectTo) return undefined;
  const connector = buildConnector(extraCas.length ? { ca: [...rootCertificates, ...extraCas] } : {});
  const connectTo = options.connectTo;
  const target = connectTo ? parseAddress(connectTo.address) : undefined;
  return new Agent({
    connect: (connectOptions, callback) => {
      if (connectTo && target && connectOptions.hostname === connectTo.host) {
        return connector({ ...connectOptions, hostname: target.hostname, port: String(target.port) }, callback);
      }
      return connector(connectOptions, callback);
    },
  });
}
