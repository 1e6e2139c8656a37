import type { SecretValues } from './secrets';
import type { ExecutionResult } from './execution';

/**
 * The last line of defence for "a secret's value never appears in a result". The request echo is built from the
 * plan and already holds only `${secret:NAME}` references; but a server may echo a header back, a redirect may
 * repeat a query string, an error may quote a URL. So every string in the result is searched for each value in the
 * forms it was sent in (raw, percent-encoded, JSON-escaped) and each occurrence becomes the reference.
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
  const forms = secretForms(secrets);
  const formList = [...forms.keys()];
  const holdsSecret = (text: string) => formList.some((form) => text.includes(form));
  if (!someString(result, holdsSecret)) return result; // the usual case: nothing to copy
  // One pass with every form, so a reference just written is never searched again.
  const pattern = new RegExp([...forms.keys()].map(escapeRegExp).join('|'), 'g');
  const replace = (text: string) => text.replace(pattern, (form) => forms.get(form) ?? form);
  const bodyBefore = result.ai.body;
  const masked = mapStrings(result, replace) as ExecutionResult;
  if (masked.ai.body !== bodyBefore) {
    masked.notes.push('The response contains the value of a secret; it is shown here as its ${secret:NAME} reference (the AI receives the value).');
  }
  return masked;
}

/** Secret values shorter than this are not searched for in results (see maskSecrets). */
export const MIN_MASKED_LENGTH = 4;

/** Form → reference, longest form first (the alternation tries them in order), so a value inside another is not half-replaced. */
function secretForms(secrets: SecretValues): Map<string, string> {
  const forms = new Map<string, string>();
  for (const [name, value] of secrets) {
    for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
      if (form && !forms.has(form)) forms.set(form, `\${secret:${name}}`);
    }
  }
  return new Map([...forms].sort((a, b) => b[0].length - a[0].length));
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
