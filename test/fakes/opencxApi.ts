// A fake OpenCX REST API for the sync tests: HTTPS on 127.0.0.1 with a certificate made at start, the documented
// action endpoints (list, create, get, partial update; no delete), bearer keys with scopes, 429 with Retry-After on
// demand, and a record of every request. Never a mock of our client: it is a real server the client talks to.
import crypto from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from '../unit/execute/certificate';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeApiOptions {
  /** key → scopes (`actions:read`, `actions:write`). */
  keys: Record<string, string[]>;
  actions?: Record<string, unknown>[];
  /** `GET /actions` answers a bare array (default) or `{ "data": [...] }`. */
  listShape?: 'array' | 'data';
}

export interface FakeApi {
  baseUrl: string;
  /** The server's certificate, to trust (NODE_EXTRA_CA_CERTS for the CLI, a dispatcher in unit tests). */
  ca: string;
  requests: RecordedRequest[];
  actions: Map<string, Record<string, unknown>>;
  /** The next `count` requests get 429 with `Retry-After: seconds`. */
  rateLimitNext(count: number, seconds: number): void;
  close(): Promise<void>;
}

export async function startFakeApi(options: FakeApiOptions): Promise<FakeApi> {
  const certificate = selfSignedCertificate();
  const actions = new Map<string, Record<string, unknown>>();
  for (const a of options.actions ?? []) actions.set(String(a.id), { ...a });
  const requests: RecordedRequest[] = [];
  let limited = { count: 0, seconds: 0 };
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const stamp = () => new Date((clock += 1000)).toISOString();

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const send = (status: number, value?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(value === undefined ? '' : JSON.stringify(value));
      };
      if (limited.count > 0) {
        limited.count--;
        return send(429, { error: 'rate limited' }, { 'retry-after': String(limited.seconds) });
      }
      const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const scopes = key !== undefined ? options.keys[key] : undefined;
      if (!scopes) return send(401, { error: 'unauthorized' });
      const write = req.method !== 'GET';
      if (!scopes.includes(write ? 'actions:write' : 'actions:read')) return send(403, { error: 'forbidden' });
      const match = /^\/actions(?:\/([^/?]+))?$/.exec(req.url ?? '');
      if (!match) return send(404, { error: 'not found' });
      const id = match[1] && decodeURIComponent(match[1]);
      if (req.method === 'GET' && !id) {
        const list = [...actions.values()];
        return send(200, options.listShape === 'data' ? { data: list } : list);
      }
      if (req.method === 'POST' && !id) {
        const created = { ...(body as Record<string, unknown>), id: `act_${crypto.randomBytes(4).toString('hex')}`, status: 'live', created_at: stamp(), updated_at: stamp() };
        actions.set(String(created.id), created);
        return send(201, created);
      }
      const existing = id ? actions.get(id) : undefined;
      if (!existing) return send(404, { error: 'no such action' });
      if (req.method === 'GET') return send(200, existing);
      if (req.method === 'PATCH') {
        const updated: Record<string, unknown> = { ...existing, ...(body as Record<string, unknown>), updated_at: stamp() };
        actions.set(String(updated.id), updated);
        return send(200, updated);
      }
      return send(405, { error: 'method not allowed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `https://127.0.0.1:${port}`,
    ca: certificate.cert,
    requests,
    actions,
    rateLimitNext: (count, seconds) => {
      limited = { count, seconds };
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A remote action as the API would return it (spec A6), for the tests. */
export function remoteAction(id: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name,
    description: `${name}: look it up by its ID and return its status and details.`,
    api_endpoint: `https://api.shop.example/${id}/{order_id}`,
    request_type: 'GET',
    operation_id: null,
    payload: { parameters: [{ name: 'order_id', in: 'path', description: 'Order number', required: true, schema: { type: 'integer' } }] },
    enabled_on_channel: { channels: ['web'] },
    pinned: false,
    tags: [],
    require_form_submission: false,
    status: 'live',
    created_at: '2025-12-01T10:00:00Z',
    updated_at: '2025-12-02T10:00:00Z',
    ...extra,
  };
}
