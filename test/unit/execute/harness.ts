// Real servers on 127.0.0.1 for the executor tests, and the assertions every test makes: what the server received
// (exactly the planned headers, plus the few the transport adds) and how many requests it got.
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { PlannedHeader, RequestPlan, SecretSource } from '../../../server/src/engine/model/plan';
import { after, before } from 'node:test';
import { Agent } from 'undici';
import { selfSignedCertificate, type TestCertificate } from './certificate';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Header lines in order, names as sent. */
  headers: [string, string][];
  body: Buffer;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, recorded: RecordedRequest) => void;

export interface TestServer {
  /** `http://127.0.0.1:PORT` or `https://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections accepted (also those whose TLS handshake failed). */
  connections: number;
  close(): Promise<void>;
}

/** A server that records each request (with its whole body) and then lets `handler` answer it. */
export async function startServer(handler: Handler, certificate?: TestCertificate): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks) };
      requests.push(recorded);
      handler(req, res, recorded);
    });
  };
  const server = certificate ? https.createServer({ key: certificate.key, cert: certificate.cert }, onRequest) : http.createServer(onRequest);
  const state = { connections: 0 };
  server.on('connection', () => state.connections++);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    origin: `${certificate ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    get connections() {
      return state.connections;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const USER_AGENT: PlannedHeader = { name: 'User-Agent', value: 'OpenCX', source: 'default', shadowed: [] };
export const ACCEPT_JSON: PlannedHeader = { name: 'Accept', value: 'application/json', source: 'action', shadowed: [] };

export function header(name: string, value: string, source: PlannedHeader['source'] = 'action', shadowed: PlannedHeader['shadowed'] = []): PlannedHeader {
  return { name, value, source, shadowed };
}

/** A plan as the resolver would make it: GET, User-Agent: OpenCX and Accept unless told otherwise. */
export function planFor(url: string, overrides: Partial<RequestPlan> = {}): RequestPlan {
  return { method: 'GET', url, headers: [USER_AGENT, ACCEPT_JSON], visibleToContact: true, notes: [], ...overrides };
}

export function secretsOf(values: Record<string, string>): SecretSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    get: async (name: string) => {
      asked.push(name);
      return Object.hasOwn(values, name) ? values[name] : undefined;
    },
  };
}

/**
 * The server got exactly the planned headers (names as spelled, values, order) and, besides them, exactly the
 * headers the transport adds (`transportAdded`, lower case as undici writes them).
 */
export function assertHeaders(recorded: RecordedRequest, planned: [string, string][], transportAdded: string[]): void {
  const plannedNames = new Set(planned.map(([name]) => name.toLowerCase()));
  assert.deepEqual(recorded.headers.filter(([name]) => plannedNames.has(name.toLowerCase())), planned);
  assert.deepEqual(recorded.headers.filter(([name]) => !plannedNames.has(name.toLowerCase())).map(([name]) => name).sort(), [...transportAdded].sort());
}

/** What undici adds to a request without a body, and with one. */
export const ADDED_WITHOUT_BODY = ['host', 'connection'];
export const ADDED_WITH_BODY = ['host', 'connection', 'content-length'];

/** A plan's headers as [name, value] pairs, secrets filled from `values`. */
export function plannedPairs(plan: RequestPlan, values: Record<string, string> = {}): [string, string][] {
  return plan.headers.map((h) => [h.name, h.value.replace(/\$\{secret:([A-Za-z0-9_.-]+)\}/g, (ref, name: string) => values[name] ?? ref)]);
}

/** The single request a server got; fails unless it got exactly one. */
export function onlyRequest(server: TestServer): RecordedRequest {
  assert.equal(server.requests.length, 1, `the server got ${server.requests.length} requests, not exactly one`);
  return server.requests[0];
}

/**
 * A self-signed certificate for 127.0.0.1 (made when the file's tests start) and an undici Agent that trusts it,
 * closed when they end. Its fields are set once the file's `before` hook has run.
 */
export function trustedTls(): { certificate: TestCertificate; agent: Agent } {
  const tls = {} as { certificate: TestCertificate; agent: Agent };
  before(() => {
    tls.certificate = selfSignedCertificate();
    tls.agent = new Agent({ connect: { ca: tls.certificate.cert } });
  });
  after(() => tls.agent.close());
  return tls;
}
