import { looksLikeCredential } from '../model/credentials';
import { secretReferences } from '../model/plan';
import { SOURCE_LABELS } from '../resolve/headers';
import type { HopRequest } from './prepare';
import type { SecretValues } from './secrets';
import type { ExecutionError } from './execution';
import { isLoopbackHost } from './urlPolicy';

/**
 * Where this run stops following redirects although fetch (and so OpenCX) would follow them. fetch forwards every
 * custom header and a 307/308 body to another origin (only Authorization, Proxy-Authorization and Cookie are
 * dropped), and follows https → http. A run of the user's credentials must not hand them to a third party, so:
 * - a redirect from https to plain http is never followed (except loopback → loopback with http allowed for
 *   development);
 * - a redirect to another origin (scheme, host or port) is not followed when the request carries a credential:
 *   a value filled from a secret (header, URL, body), a header from the global variables or the contact (credentials
 *   by nature in OpenCX), or an action header whose literal value looks like one (the `credential-in-file` shapes).
 * Either way the run ends `refused`, and the message names the target origin and what OpenCX would have sent there.
 */

/** What the policy needs to know about the run. */
export interface RedirectPolicyContext {
  /** http:// allowed for loopback hosts (development). */
  allowHttp: boolean;
  /** The secret values this run filled in, to find them in a URL a server chose. */
  secrets: SecretValues;
}

export type RedirectVerdict =
  | { kind: 'follow'; notes: string[] }
  | { kind: 'refuse'; error: ExecutionError };

/** Judges one redirect: `from` got it, `next` is what fetch would send (its rules already applied). */
export function judgeRedirect(from: HopRequest, next: HopRequest, status: number, context: RedirectPolicyContext): RedirectVerdict {
  const source = from.url;
  const target = next.url;
  if (target.protocol === 'http:') {
    const loopback = isLoopbackHost(source.hostname) && isLoopbackHost(target.hostname);
    if (source.protocol === 'https:' && !(context.allowHttp && loopback)) return refuse('REDIRECT_TO_HTTP', toHttpMessage(status, next));
    if (!context.allowHttp || !isLoopbackHost(target.hostname)) {
      return refuse('REDIRECT_HTTP_NOT_ALLOWED', `Redirect ${status} to ${target.origin} not followed: http:// is allowed for development only between loopback hosts (127.0.0.0/8, ::1, localhost).`);
    }
  }
  if (target.origin === source.origin) return { kind: 'follow', notes: [] };
  const carried = credentialsCarried(from, context.secrets);
  if (carried.length) return refuse('REDIRECT_CARRIES_CREDENTIALS', crossOriginMessage(status, source, next, carried, context.secrets));
  const notes = [`Redirect ${status} to another origin, ${target.origin}: followed as fetch does (the request carries no credential); sent there: ${headerNames(next) || 'no header'}${next.body ? ' and the body' : ''}.`];
  if (source.protocol === 'https:') notes.push(`Redirect ${status} from https to http://${target.host}: followed because http is allowed for loopback hosts (development). OpenCX would follow it too (fetch does), and send the request unencrypted.`);
  return { kind: 'follow', notes: target.protocol === 'http:' ? notes : notes.slice(0, 1) };
}

/** The credentials a request carries, in words: `secret API_KEY (header X-Api-Key)`, `header Authorization (global variable)`. */
export function credentialsCarried(request: HopRequest, secrets: SecretValues): string[] {
  const found: string[] = [];
  for (const { echo } of request.headers) {
    for (const name of new Set(secretReferences(echo.value))) found.push(`secret ${name} (header ${echo.name})`);
    if (echo.source === 'globalVariable' || echo.source === 'contact') found.push(`header ${echo.name} (${SOURCE_LABELS[echo.source]})`);
    else if (echo.source === 'action' && looksLikeCredential(echo.name, echo.value)) found.push(`header ${echo.name} (a literal credential in the action)`);
  }
  for (const name of secretsInUrl(request, secrets)) found.push(`secret ${name} (URL)`);
  for (const name of new Set(secretReferences(request.body?.echo ?? ''))) found.push(`secret ${name} (body)`);
  return found;
}

/** Secrets whose value (as sent in a URL: percent-encoded, or raw) is in the request's URL. */
function secretsInUrl(request: HopRequest, secrets: SecretValues): string[] {
  const href = request.url.href;
  return [...secrets].filter(([, value]) => href.includes(encodeURIComponent(value)) || href.includes(value)).map(([name]) => name);
}

/** The secrets in what fetch would send to the new location: its headers, its body, and the URL the server chose. */
function secretsForwarded(next: HopRequest, secrets: SecretValues): string[] {
  const names = new Set<string>();
  for (const { echo } of next.headers) secretReferences(echo.value).forEach((n) => names.add(n));
  secretReferences(next.body?.echo ?? '').forEach((n) => names.add(n));
  secretsInUrl(next, secrets).forEach((n) => names.add(n));
  return [...names].sort();
}

function headerNames(request: HopRequest): string {
  return request.headers.map((h) => h.echo.name).join(', ');
}

function crossOriginMessage(status: number, source: URL, next: HopRequest, carried: string[], secrets: SecretValues): string {
  const forwarded = secretsForwarded(next, secrets);
  const sent = `the headers ${headerNames(next) || '(none)'}${next.body ? ' and the body' : ''}`;
  const withSecrets = forwarded.length ? `, with the secret${forwarded.length > 1 ? 's' : ''} ${forwarded.join(', ')}` : ', with no secret value';
  return `Redirect ${status} to another origin, ${next.url.origin}, not followed: it leaves ${source.origin} and the request carries credentials (${carried.join('; ')}). `
    + `OpenCX would follow it (fetch does) and send ${next.url.origin} ${sent}${withSecrets}. `
    + 'Make the endpoint answer without redirecting to another origin, or point the action at the final URL.';
}

function toHttpMessage(status: number, next: HopRequest): string {
  return `Redirect ${status} from https to plain http (${next.url.origin}) not followed. OpenCX would follow it (fetch does) and send `
    + `the headers ${headerNames(next) || '(none)'}${next.body ? ' and the body' : ''} unencrypted. Make the endpoint redirect to https:// (or not at all).`;
}

function refuse(code: string, message: string): RedirectVerdict {
  return { kind: 'refuse', error: { code, message } };
}
