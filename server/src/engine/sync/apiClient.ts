import type { Dispatcher } from 'undici';
import { request } from 'undici';
import { createDispatcher, type OwnDispatcher } from '../execute/dispatcher';
import { REAL_CLOCK, RateLimiter, type Clock } from './rateLimit';
import type { RemoteAction } from './types';

export { DEFAULT_API_BASE_URL } from './apiTarget';
const TIMEOUT_MS = 60_000;
const MAX_RETRIES_ON_429 = 3;
const DEFAULT_RETRY_AFTER_MS = 60_000;

/** What the API client needs: where, with which key, through which transport, on which clock. */
export interface ApiClientOptions {
  baseUrl: string;
  /** The API key's value: sent as `Authorization: Bearer …`, never printed. */
  key: string;
  /** Extra trusted CA certificates (PEM), as runs take them; the system's roots stay trusted. */
  caCertificates?: readonly string[];
  clock?: Clock;
  /** Cancels the calls not yet answered and every later one (the editor's Cancel button). */
  signal?: AbortSignal;
}

/** A failed API call, worded for the user (the key never appears in it). */
export class ApiError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

type Scope = 'actions:read' | 'actions:write';

/** How long a connection to the OpenCX API may take to open. */
const API_CONNECT_TIMEOUT_MS = 30_000;

/** The documented endpoints for actions: list, get, create, partial update (no delete is documented). */
export class OpenCxApiClient {
  private readonly limiter: RateLimiter;
  private readonly clock: Clock;
  private readonly own: OwnDispatcher;
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: ApiClientOptions) {
    this.clock = options.clock ?? REAL_CLOCK;
    this.limiter = new RateLimiter(this.clock);
    // The executor's transport: extra CAs trusted, a connect timeout, every connection closed with the client.
    this.own = createDispatcher({ caCertificates: options.caCertificates, connectTimeoutMs: API_CONNECT_TIMEOUT_MS });
    this.dispatcher = this.own.dispatcher;
  }

  /** Closes the connections of a dispatcher made for extra CAs. */
  async close(): Promise<void> {
    await this.own.destroy();
  }

  /** `GET /actions`: a bare array or `{ "data": [...] }` (the docs show no pagination). */
  async listActions(): Promise<RemoteAction[]> {
    const body = await this.call('GET', '/actions', 'actions:read');
    const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { data?: unknown }).data) ? (body as { data: unknown[] }).data : undefined;
    if (!list) throw new ApiError('GET /actions answered something other than a list of actions');
    return list.filter((a): a is RemoteAction => !!a && typeof a === 'object' && typeof (a as RemoteAction).id === 'string');
  }

  getAction(id: string): Promise<RemoteAction> {
    return this.call('GET', `/actions/${encodeURIComponent(id)}`, 'actions:read') as Promise<RemoteAction>;
  }

  createAction(fields: Record<string, unknown>): Promise<RemoteAction> {
    return this.call('POST', '/actions', 'actions:write', fields) as Promise<RemoteAction>;
  }

  updateAction(id: string, fields: Record<string, unknown>): Promise<RemoteAction> {
    return this.call('PATCH', `/actions/${encodeURIComponent(id)}`, 'actions:write', fields) as Promise<RemoteAction>;
  }

  /** One call under the rate limit; a 429 waits its Retry-After (or a minute) and tries again, three times. */
  private async call(method: 'GET' | 'POST' | 'PATCH', path: string, scope: Scope, body?: unknown): Promise<unknown> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
    for (let attempt = 0; ; attempt++) {
      await this.limiter.take();
      if (this.options.signal?.aborted) throw new ApiError(`${method} ${url} was cancelled before it was sent`);
      let response: Dispatcher.ResponseData;
      try {
        response = await request(url, {
          method,
          headers: { authorization: `Bearer ${this.options.key}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          dispatcher: this.dispatcher,
          signal: this.options.signal ? AbortSignal.any([this.options.signal, AbortSignal.timeout(TIMEOUT_MS)]) : AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        if (this.options.signal?.aborted) throw new ApiError(`${method} ${url} was cancelled`);
        throw new ApiError(`${method} ${url} failed: ${transportMessage(error)}`);
      }
      const text = await response.body.text();
      if (response.statusCode === 429 && attempt < MAX_RETRIES_ON_429) {
        await this.limiter.pause(retryAfterMs(response.headers['retry-after'], this.clock.now()));
        continue;
      }
      if (response.statusCode >= 200 && response.statusCode < 300) return text ? parseJson(text, method, url) : undefined;
      throw new ApiError(explain(response.statusCode, method, url, scope, text), response.statusCode);
    }
  }
}

/** undici's errors worded for people: the cause (a TLS or DNS code) says more than "fetch failed". */
function transportMessage(error: unknown): string {
  const e = error as { message?: string; code?: string; cause?: { message?: string; code?: string } };
  const code = e.code ?? e.cause?.code;
  const message = e.cause?.message ?? e.message ?? String(error);
  if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) return `the server's TLS certificate is not trusted (${code}: ${message}); add its CA to opencx.run.caCertificates (VS Code) or NODE_EXTRA_CA_CERTS (CLI)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host cannot be resolved (${code}); check api.baseUrl and the network`;
  if (code === 'ECONNREFUSED') return `the connection was refused (${code}); check api.baseUrl`;
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || e.message?.includes('timeout')) return `no answer in time (${code ?? 'timeout'}); check the network`;
  return code ? `${message} (${code})` : message;
}

function parseJson(text: string, method: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(`${method} ${url} answered text that is not JSON`);
  }
}

/** Retry-After in seconds or as an HTTP date; a minute when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: number): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - now);
}

function explain(status: number, method: string, url: string, scope: Scope, body: string): string {
  const detail = body.trim().slice(0, 200);
  if (status === 401) return `${method} ${url}: 401, the API key was refused. Check the key (the config's api.key secret, or OPENCX_API_KEY); keys are made in OpenCX under Settings → Access`;
  if (status === 403) return `${method} ${url}: 403, the API key lacks the scope ${scope} (or full access); make a key with ${scope} in OpenCX under Settings → Access`;
  if (status === 429) return `${method} ${url}: 429, rate limited (100 requests a minute) even after waiting; try again later`;
  return `${method} ${url}: ${status}${detail ? `: ${detail}` : ''}`;
}
