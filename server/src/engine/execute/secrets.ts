import { SECRET_REFERENCE, secretReferences, type RequestPlan, type SecretSource } from '../model/plan';
import { withoutLiteralMarks } from '../run/literalText';
import type { ExecutionError } from './execution';

/**
 * `${secret:NAME}` references are filled at send time only, from the injected SecretSource, and only in what is
 * sent (the winning header values, the URL, the body). Each place gets the value in its own syntax: raw in a
 * header, percent-encoded in the URL, JSON-escaped in a JSON body. Text the user typed as a value the AI would
 * extract is marked literal by the resolver (run/literalText.ts): it is not filled, and the mark is removed here.
 */

/** Secret name → value, for the secrets one plan uses. */
export type SecretValues = ReadonlyMap<string, string>;

/** Where a plan uses a secret: `header Authorization`, `URL`, `body`. */
interface SecretUse {
  name: string;
  where: string;
}

/**
 * A reference in a URL, also percent-encoded: the URL parser encodes `{` and `}` in a path (`$%7Bsecret:K%7D`),
 * and URLSearchParams encodes everything (`%24%7Bsecret%3AK%7D`).
 */
const URL_SECRET_REFERENCE = /(?:\$|%24)(?:\{|%7[Bb])secret(?::|%3[Aa])([A-Za-z0-9_.-]+)(?:\}|%7[Dd])/g;

function secretUses(plan: RequestPlan): SecretUse[] {
  const uses: SecretUse[] = [];
  const add = (names: string[], where: string) => names.forEach((name) => uses.push({ name, where }));
  // Most values hold no reference; `includes` spares them the regular expression.
  if (plan.url.includes('secret')) add([...plan.url.matchAll(URL_SECRET_REFERENCE)].map((m) => m[1]), 'URL');
  for (const header of plan.headers) if (header.value.includes('${secret:')) add(secretReferences(header.value), `header ${header.name}`);
  const bodyText = plan.body === undefined ? '' : JSON.stringify(plan.body.value) ?? '';
  if (bodyText.includes('${secret:')) add(secretReferences(bodyText), 'body');
  return uses;
}

/** The names of the secrets a plan uses, in what would be sent (winning headers, URL, body). */
export function secretsUsedBy(plan: RequestPlan): string[] {
  return [...new Set(secretUses(plan).map((u) => u.name))];
}

export type SecretReading =
  | { kind: 'ready'; values: SecretValues }
  | { kind: 'missing'; error: ExecutionError };

/** Reads every secret the plan uses. An empty value counts as missing: a half-filled header tests nothing. */
export async function readSecrets(plan: RequestPlan, source: SecretSource | undefined): Promise<SecretReading> {
  const uses = secretUses(plan);
  if (!uses.length) return { kind: 'ready', values: new Map() };
  const names = secretsUsedBy(plan);
  const values = new Map<string, string>();
  const problems: string[] = [];
  await Promise.all(names.map(async (name) => {
    try {
      const value = source ? await source.get(name) : undefined;
      if (value) values.set(name, value);
      else problems.push(`secret ${name} has no value (used in ${placesOf(uses, name)})`);
    } catch (e) {
      problems.push(`secret ${name} could not be read (${e instanceof Error ? e.message : String(e)})`);
    }
  }));
  if (!problems.length) return { kind: 'ready', values };
  problems.sort();
  return { kind: 'missing', error: { code: 'MISSING_SECRET', message: `Not sent: ${problems.join('; ')}. Set ${problems.length > 1 ? 'them' : 'it'} and run again.` } };
}

function placesOf(uses: SecretUse[], name: string): string {
  return [...new Set(uses.filter((u) => u.name === name).map((u) => u.where))].join(', ');
}

/** A header value or multipart text with its references replaced by the raw values. */
export function fillRaw(value: string, secrets: SecretValues): string {
  return withoutLiteralMarks(value.replace(SECRET_REFERENCE, (reference, name: string) => secrets.get(name) ?? reference));
}

/** A URL with its references (raw or percent-encoded) replaced by the percent-encoded values. */
export function fillUrl(url: string, secrets: SecretValues): string {
  return withoutLiteralMarks(url.replace(URL_SECRET_REFERENCE, (reference, name: string) => {
    const value = secrets.get(name);
    return value === undefined ? reference : encodeURIComponent(value);
  }));
}

/** JSON text with its references replaced by the values, escaped for a JSON string. */
export function fillJsonText(text: string, secrets: SecretValues): string {
  return withoutLiteralMarks(text.replace(SECRET_REFERENCE, (reference, name: string) => {
    const value = secrets.get(name);
    return value === undefined ? reference : JSON.stringify(value).slice(1, -1);
  }));
}
