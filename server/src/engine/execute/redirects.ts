import type { HopRequest } from './prepare';
import type { HopResponse } from './transport';
import { MAX_REDIRECTS, type ExecutionError, type RedirectHop, type ResponseHeader } from './execution';

/**
 * Redirects, followed as fetch does by default (fetch spec "HTTP-redirect fetch", as undici implements it):
 * - only 301, 302, 303, 307 and 308 with a `Location` are followed; any other 3xx is the response;
 * - at most 20; a bad `Location`, a non-HTTP(S) target or a 21st redirect is a network error;
 * - 301/302 after POST, and 303 after anything but GET/HEAD, become GET without a body, and the request-body
 *   headers (Content-Encoding, -Language, -Location, -Type) go with it; 307/308 keep the method and the body;
 * - to another origin, `Authorization`, `Proxy-Authorization`, `Cookie` and `Host` are dropped.
 */

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const REQUEST_BODY_HEADERS = new Set(['content-encoding', 'content-language', 'content-location', 'content-type']);
const CROSS_ORIGIN_DROPPED = new Set(['authorization', 'proxy-authorization', 'cookie', 'host']);

export function locationOf(headers: ResponseHeader[]): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === 'location')?.value;
}

/** Whether fetch would follow this response (so its body is not read). */
export function isFollowedRedirect(status: number, headers: ResponseHeader[]): boolean {
  return REDIRECT_STATUSES.has(status) && locationOf(headers) !== undefined;
}

export type RedirectStep =
  | { kind: 'follow'; request: HopRequest; hop: RedirectHop; notes: string[] }
  | { kind: 'error'; error: ExecutionError };

/** The next request after a followed redirect; `followed` counts the redirects already followed. */
export function followRedirect(request: HopRequest, response: HopResponse, followed: number): RedirectStep {
  const location = locationOf(response.headers) ?? '';
  let target: URL;
  try {
    target = new URL(location, request.url);
  } catch {
    return redirectError('REDIRECT_INVALID_LOCATION', `redirect ${response.status} to an invalid Location: ${location}`);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return redirectError('REDIRECT_BAD_SCHEME', `redirect ${response.status} to a non-HTTP(S) URL: ${location}`);
  }
  if (followed >= MAX_REDIRECTS) return redirectError('REDIRECT_LIMIT', `more than ${MAX_REDIRECTS} redirects`);
  if (!target.hash && request.url.hash) target.hash = request.url.hash;
  const notes: string[] = [];
  const next = nextRequest(request, response.status, target, notes);
  const hop: RedirectHop = { method: request.method, url: request.echoUrl, status: response.status, location, to: target.href };
  return { kind: 'follow', request: next, hop, notes };
}

function nextRequest(request: HopRequest, status: number, target: URL, notes: string[]): HopRequest {
  let { method, body, headers } = request;
  const becomesGet = ((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD');
  if (becomesGet) {
    if (body) notes.push(`Redirect ${status}: ${method} became GET and the body was dropped, as fetch does.`);
    method = 'GET';
    body = null;
    headers = without(headers, REQUEST_BODY_HEADERS, status, notes);
  }
  if (target.origin !== request.url.origin) headers = without(headers, CROSS_ORIGIN_DROPPED, status, notes);
  return { method, url: target, echoUrl: target.href, headers, body };
}

function without(headers: HopRequest['headers'], names: ReadonlySet<string>, status: number, notes: string[]): HopRequest['headers'] {
  const dropped = headers.filter((h) => names.has(h.echo.name.toLowerCase()));
  if (dropped.length) notes.push(`Redirect ${status}: ${dropped.map((h) => h.echo.name).join(', ')} not sent to the new location, as fetch does.`);
  return headers.filter((h) => !names.has(h.echo.name.toLowerCase()));
}

function redirectError(code: string, message: string): RedirectStep {
  return { kind: 'error', error: { code, message } };
}
