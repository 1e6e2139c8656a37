/**
 * What a credential looks like: shared by the lint rules (credential-in-file, authorization-without-scheme), by
 * masking wherever a value is shown, and by the move-to-secret fix.
 */
import { hasSecretReference } from './plan';

/** Header names whose literal values are credentials, whatever they look like. */
const SENSITIVE_NAMES = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-secret|x-client-secret|token|secret|password|x-password)$/i;
/** Parameter names whose static values are credentials. */
const SENSITIVE_PARAMETER = /(^|[_-])(api[_-]?key|apikey|token|secret|password|access[_-]?key|signature)$/i;

/** Shapes of well-known credentials (sources, so they can be matched whole or inside a longer text). */
const KNOWN_TOKEN_SHAPES = [
  'eyJ[\\w-]{5,}\\.[\\w-]{5,}\\.[\\w-]*', // JWT (any signature length: masking errs on the safe side)
  '(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{10,}', // Stripe-style keys
  '(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{20,}|github_pat_\\w{20,}', // GitHub
  'xox[abprs]-[\\w-]{10,}', // Slack
  'AKIA[0-9A-Z]{16}', // AWS access key id
  'AIza[\\w-]{30,}', // Google API key
  'glpat-[\\w-]{16,}', // GitLab
  'SG\\.[\\w-]{16,}\\.[\\w-]{16,}', // SendGrid
];
const KNOWN_TOKENS = KNOWN_TOKEN_SHAPES.map((shape) => new RegExp(`^(?:${shape})$`));
const KNOWN_TOKEN_INSIDE = new RegExp(`(?:^|[^\\w])(?:${KNOWN_TOKEN_SHAPES.join('|')})`);

/** An authentication scheme at the start of a value (`Bearer `, `Basic `…). */
export const AUTH_SCHEME = /^(?:bearer|basic|token|digest|apikey|bot)\s+/i;

/** Whether a text contains a well-known token shape anywhere (a JWT, `sk_live_…`, `ghp_…`, …). */
export function containsKnownToken(text: string): boolean {
  return KNOWN_TOKEN_INSIDE.test(text);
}

/** Bits of entropy per character, to tell a random token from a word. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

function looksRandom(token: string): boolean {
  return token.length >= 20 && /^[\w\-.=+/~]+$/.test(token) && /[A-Za-z]/.test(token) && /\d/.test(token) && entropy(token) >= 3.5;
}

/** The credential part of a value: what follows an auth scheme such as `Bearer `. */
export function credentialPart(value: string): string {
  return value.trim().replace(AUTH_SCHEME, '').trim();
}

/** Whether a literal header (or parameter) value looks like a credential that belongs in `${secret:NAME}`. */
export function looksLikeCredential(name: string, value: string, kind: 'header' | 'parameter' = 'header'): boolean {
  if (hasSecretReference(value)) return false;
  const credential = credentialPart(value);
  if (!credential) return false;
  if (KNOWN_TOKENS.some((re) => re.test(credential)) || looksRandom(credential)) return true;
  const sensitive = kind === 'header' ? SENSITIVE_NAMES.test(name) : SENSITIVE_PARAMETER.test(name);
  return sensitive && credential.length >= 8 && !/\s/.test(credential);
}

/** A value shown in a message without giving it away: its first characters only. */
export function maskCredential(value: string): string {
  const scheme = AUTH_SCHEME.exec(value)?.[0] ?? '';
  const rest = value.slice(scheme.length);
  return `${scheme}${rest.slice(0, Math.min(4, Math.floor(rest.length / 4)))}••••`;
}

/** A secret name derived from a header or parameter name: `X-Api-Key` → `X_API_KEY`. */
export function secretNameFor(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  return cleaned || 'API_TOKEN';
}

/** Whether an Authorization value says its scheme (`Bearer …`, `Basic …`): OpenCX sends values verbatim. */
export function hasAuthScheme(value: string): boolean {
  return /^[A-Za-z][\w.-]*\s+\S/.test(value.trim());
}
