import { base64Forms, escapedFormsPattern } from './secretPattern';
import type { SecretValues } from './secrets';
import type { ExecutionResult } from './execution';

/**
 * The last line of defence for "a secret's value never appears in a result". The request echo is built from the
 * plan and already holds only `${secret:NAME}` references; but a server may echo a header back, a redirect may
 * repeat a query string, an error may quote a URL. So every string in the result is searched for each value in the
 * forms it may come back in (raw, percent-encoded in either case, JSON-escaped including `\/` and `\uXXXX` for any
 * character, forms mixed within the value, base64 and base64url: see secretPattern.ts) and each occurrence
 * becomes the reference.
 * `ai.body` then differs from what the AI receives, and a note says so; bytes and tokens were counted before.
 * Values shorter than MIN_MASKED_LENGTH are not searched: masking "x" would rewrite every x in the result (a
 * host name, a body) and such a value protects nothing; a note says so.
 */
export function maskSecrets(result: ExecutionResult, secrets: SecretValues): ExecutionResult {
  const short = [...secrets].filter(([, value]) => value.length < MIN_MASKED_LENGTH).map(([name]) => name);
  if (short.length) {
    result = { ...result, notes: [...result.notes, `Secret ${short.join(', ')} is shorter than ${MIN_MASKED_LENGTH} characters, so it is not searched for and hidden in the response.`] };
    secrets = new Map([...secrets].filter(([, value]) => value.length >= MIN_MASKED_LENGTH));
  }
  if (!secrets.size) return result;
  const { pattern, referenceOf } = secretPatterns(secrets);
  const holdsSecret = (text: string) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  };
  if (!someString(result, holdsSecret)) return result; // the usual case: nothing to copy
  // One pass with every form, so a reference just written is never searched again.
  const replace = (text: string) => text.replace(pattern, (...match: unknown[]) => referenceOf(match));
  const bodyBefore = result.ai.body;
  const masked = mapStrings(result, replace) as ExecutionResult;
  if (masked.ai.body !== bodyBefore) {
    masked.notes.push('The response contains the value of a secret; it is shown here as its ${secret:NAME} reference (the AI receives the value).');
  }
  return masked;
}

/** Secret values shorter than this are not searched for in results (see maskSecrets). */
export const MIN_MASKED_LENGTH = 4;

/**
 * One regular expression for every secret: a group per form, base64 texts first (literal), then the
 * escaped forms, longest value first (the alternation tries them in order, so a value inside another is not
 * half-replaced). `referenceOf` turns a match (replace's arguments) into the secret's reference.
 */
function secretPatterns(secrets: SecretValues): { pattern: RegExp; referenceOf: (match: unknown[]) => string } {
  const entries = [...secrets].sort((a, b) => b[1].length - a[1].length);
  const base64 = entries.flatMap(([, value], i) => base64Forms(value).map((form) => ({ form, i })))
    .sort((a, b) => b.form.length - a.form.length);
  const groups = [
    ...base64.map(({ form, i }) => ({ source: escapeRegExp(form), i })),
    ...entries.map(([, value], i) => ({ source: escapedFormsPattern(value), i })),
  ];
  const names = entries.map(([name]) => name);
  const pattern = new RegExp(groups.map((g) => `(${g.source})`).join('|'), 'g');
  const owners = groups.map((g) => g.i);
  return {
    pattern,
    referenceOf: (match) => {
      const index = match.slice(1, 1 + owners.length).findIndex((group) => group !== undefined);
      return `\${secret:${names[owners[index]] ?? names[0]}}`;
    },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function someString(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (value === null || typeof value !== 'object') return false;
  for (const key in value) if (someString((value as Record<string, unknown>)[key], test)) return true;
  return false;
}

function mapStrings(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, replace));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, replace)]));
  }
  return value;
}
