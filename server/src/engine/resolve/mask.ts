import { AUTH_SCHEME, containsKnownToken } from '../model/credentials';
import { SECRET_REFERENCE } from '../model/plan';

/** What a hidden value is shown as: a fixed length, so the length of the secret is not shown either. */
export const MASK = '••••••';

/** Header names whose values are credentials: a literal value is never shown. */
const SENSITIVE_HEADER = /^(?:authorization|proxy-authorization|cookie|set-cookie)$|auth|token|secret|passw(?:or)?d|api-?key|apikey|credential|signature|session-?key/i;

/** Query parameter names whose values are credentials. */
const SENSITIVE_PARAMETER = /token|secret|passw(?:or)?d|api[-_]?key|apikey|signature|credential|^key$|^sig$|^auth/i;


/** Whether a header carries credentials by its name (Authorization, X-Api-Key, Cookie, …). */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name);
}

function maskLiteral(literal: string, sensitive: boolean, atStart: boolean): string {
  if (!literal.trim()) return literal;
  if (!sensitive && !containsKnownToken(literal)) return literal;
  const scheme = atStart ? AUTH_SCHEME.exec(literal)?.[0] ?? '' : '';
  const rest = literal.slice(scheme.length);
  return rest.trim() ? scheme + MASK : literal;
}

/**
 * A header value as it may be shown anywhere (hover, CLI, webview, logs): `${secret:NAME}` references stay (they
 * are names, not values); a literal in a sensitive header, or any literal shaped like a credential, becomes
 * `••••••`, keeping an authentication scheme such as `Bearer `.
 */
export function maskForDisplay(name: string, value: string): string {
  const sensitive = isSensitiveHeader(name);
  let out = '';
  let last = 0;
  for (const match of value.matchAll(SECRET_REFERENCE)) {
    out += maskLiteral(value.slice(last, match.index), sensitive, last === 0) + match[0];
    last = (match.index ?? 0) + match[0].length;
  }
  return out + maskLiteral(value.slice(last), sensitive, last === 0);
}

/** A URL as it may be shown: the values of query parameters named like credentials (`api_key=…`) masked. */
export function maskUrlForDisplay(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const hash = url.indexOf('#', query);
  const end = hash < 0 ? url.length : hash;
  const pairs = url.slice(query + 1, end).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    const name = safeDecode(pair.slice(0, eq));
    const value = pair.slice(eq + 1);
    if (!SENSITIVE_PARAMETER.test(name) && !containsKnownToken(safeDecode(value))) return pair;
    return `${pair.slice(0, eq)}=${maskForDisplay('authorization', value)}`;
  });
  return url.slice(0, query + 1) + pairs.join('&') + url.slice(end);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
