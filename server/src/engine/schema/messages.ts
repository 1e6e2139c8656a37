import type { ErrorObject } from 'ajv';
import type { JsonPath } from '../document/jsonDocument';
import { formatJsonPath } from '../document/jsonPath';
import { closestMatch } from '../lint/similar';

type SchemaObject = Record<string, unknown>;

/** What the document is, for the subject of root-level messages ("the action is missing …"). */
export type Subject = 'action' | 'config';

const SUBJECT_LABEL: Record<Subject, string> = { action: 'the action', config: 'opencx.config.json' };

/** `parameters[0].in`, `headers.X-Api-Key`: a JSON path as people read it (the subject at the root). */
export function pathLabel(path: JsonPath, subject: Subject): string {
  return path.length === 0 ? SUBJECT_LABEL[subject] : formatJsonPath(path);
}

/** A value as a message quotes it: strings in quotes, long values cut. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
      return `a string (${JSON.stringify(shown)})`;
    }
    case 'number':
      return `a number (${value})`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return 'nothing';
  }
}

function quoteValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 62 ? `${text.slice(0, 59)}...` : text;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  // "true or false" reads well alone, not inside a list ("a string, a number or true or false").
  const words = types.map((t) => (types.length > 1 && t === 'boolean' ? 'a boolean' : TYPE_WORDS[String(t)] ?? String(t)));
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
}

/** Fills `{name}` placeholders; values are computed only for the placeholders a template uses. */
function fill(template: string, vars: Record<string, () => string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name]?.() ?? whole);
}

/** The human message for one ajv error; `root` is the whole document's value (for `{method}` in templates). */
export function messageFor(
  error: ErrorObject,
  path: JsonPath,
  value: unknown,
  subject: Subject,
  root: unknown,
  suggestion: string | undefined = suggestionFor(error, value),
): string {
  const parent = (error.parentSchema ?? {}) as SchemaObject;
  const label = pathLabel(path, subject);
  const method = root && typeof root === 'object' ? String((root as SchemaObject).method ?? '') : '';
  const vars = { label: () => label, value: () => quoteValue(value), method: () => method };
  const hint = typeof parent['x-hint'] === 'string' ? ` ${parent['x-hint']}` : '';
  if (typeof parent.errorMessage === 'string' && error.keyword !== 'required' && error.keyword !== 'additionalProperties') {
    return withGot(fill(parent.errorMessage, vars), error.keyword === 'anyOf' || error.keyword === 'oneOf' ? describeValue(value) : undefined);
  }
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `${label} must be ${typeWords(params.type)}; got ${describeValue(value)}`;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const didYouMean = suggestion !== undefined ? `; did you mean "${suggestion}"?` : '';
      return `${label} must be one of ${allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}; got ${quoteValue(value)}${didYouMean}`;
    }
    case 'const':
      return `${label} must be ${quoteValue(params.allowedValue)}; got ${quoteValue(value)}`;
    case 'minLength': {
      const length = typeof value === 'string' ? value.length : 0;
      const characters = `${params.limit} character${params.limit === 1 ? '' : 's'}`;
      if (length === 0) return `${label} must not be empty (at least ${characters}).${hint}`;
      return `${label} must be at least ${characters}; got ${length}.${hint}`;
    }
    case 'maxLength':
      return `${label} must be at most ${params.limit} characters; got ${typeof value === 'string' ? value.length : 0}`;
    case 'pattern': {
      const custom = typeof parent.patternErrorMessage === 'string' ? fill(parent.patternErrorMessage, vars) : `${label} does not match the pattern ${params.pattern}`;
      return withGot(custom, quoteValue(value));
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const properties = (parent.properties ?? {}) as Record<string, SchemaObject>;
      const missingHint = typeof properties[missing]?.['x-hint'] === 'string' ? ` ${properties[missing]['x-hint']}` : '';
      return `${label} is missing the required property "${missing}".${missingHint}`;
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const known = Object.keys((parent.properties ?? {}) as SchemaObject);
      const didYouMean = suggestion ? `; did you mean "${suggestion}"?` : `; allowed: ${known.join(', ')}`;
      return `"${unknown}" is not a property of ${label}${didYouMean}`;
    }
    case 'uniqueItems': {
      const [first, second] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
      const item = Array.isArray(value) ? quoteValue(value[second]) : 'the same value';
      return `${label} lists ${item} twice (items ${first} and ${second})`;
    }
    case 'minItems':
      return `${label} must have at least ${params.limit} item${params.limit === 1 ? '' : 's'}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${label} must be ${params.comparison} ${params.limit}; got ${quoteValue(value)}`;
    case 'anyOf':
    case 'oneOf':
      return `${label} does not match any allowed form; got ${describeValue(value)}`;
    default:
      return `${label} is invalid: ${error.message ?? error.keyword}`;
  }
}

function withGot(message: string, got: string | undefined): string {
  return got === undefined ? message : `${message}; got ${got}`;
}

/** Stable diagnostic codes by ajv keyword; a schema's `x-code` annotation overrides them. */
const CODE_BY_KEYWORD: Record<string, string> = {
  required: 'missing-property',
  additionalProperties: 'unknown-property',
  type: 'wrong-type',
  anyOf: 'wrong-type',
  oneOf: 'wrong-type',
  enum: 'invalid-value',
  const: 'invalid-value',
  minLength: 'too-short',
  minItems: 'too-short',
  pattern: 'invalid-format',
  format: 'invalid-format',
  uniqueItems: 'duplicate-item',
};

/** Every code a schema keyword can produce. */
export const SCHEMA_KEYWORD_CODES: readonly string[] = [...new Set(Object.values(CODE_BY_KEYWORD))];

export function codeFor(error: ErrorObject): string {
  const parent = (error.parentSchema ?? {}) as SchemaObject;
  if (typeof parent['x-code'] === 'string' && error.keyword !== 'required' && error.keyword !== 'additionalProperties') return parent['x-code'];
  return CODE_BY_KEYWORD[error.keyword] ?? 'invalid-value';
}

/** The likely intended value or key for an enum or unknown-property error, for a quick fix to offer. */
export function suggestionFor(error: ErrorObject, value: unknown): string | undefined {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum' && typeof value === 'string') {
    return closestMatch(value, ((params.allowedValues as unknown[]) ?? []).map(String));
  }
  if (error.keyword === 'additionalProperties') {
    const known = Object.keys(((error.parentSchema ?? {}) as SchemaObject).properties ?? {});
    return closestMatch(String(params.additionalProperty), known);
  }
  return undefined;
}
