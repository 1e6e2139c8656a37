import type { JsonPath } from '../document/jsonDocument';
import { SECRET_REFERENCE } from '../model/plan';
import type { MagicContext } from './magic';
import type { ResolveMode, Selection } from './resolution';
import { hasLoneSurrogate, unencodableMessage, type UnencodableValue } from './unencodable';

/** What filling parameters and body fields collects on the way: placeholders (dry run), missing names (send), notes. */
export interface FillState {
  mode: ResolveMode;
  values: Readonly<Record<string, unknown>>;
  selection: Selection;
  magic: MagicContext;
  placeholders: string[];
  missing: string[];
  notes: string[];
  /** Values that cannot be URL-encoded (lone surrogates): the plan is refused, naming each. */
  unencodable: UnencodableValue[];
}

/** The dry-run placeholder of a value nobody gave: `{order_id}`, the same form as in the endpoint template. */
export function placeholderFor(name: string): string {
  return `{${name}}`;
}

/** A value as it goes into a URL: strings as they are, numbers and booleans as text, anything else as JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/**
 * encodeURIComponent (docs/assumptions.md, "Where OpenCX is silent"), except that `${secret:NAME}` references stay as written: the executor encodes the
 * secret's value when it fills it in at send time. A value encodeURIComponent would reject (a lone surrogate) is
 * recorded in `state.unencodable` as `what` (at `path` in the action file, when it is written there) instead of
 * throwing, so planning ends with a typed error that names the field.
 */
export function encodeForUrl(value: string, state: FillState, what: string, path?: JsonPath): string {
  if (!hasLoneSurrogate(value)) return encodeKeepingSecrets(value);
  if (!state.unencodable.some((u) => u.message.startsWith(what))) {
    state.unencodable.push({ ...(path ? { path } : {}), message: unencodableMessage(what, value) });
  }
  return encodeKeepingSecrets(value.replace(/[\ud800-\udfff]/g, (unit, index: number, text: string) => (isPaired(text, index) ? unit : '\ufffd')));
}

/** Whether the surrogate at `index` belongs to a pair. */
function isPaired(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code <= 0xdbff) return index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
  return index > 0 && (text.charCodeAt(index - 1) & 0xfc00) === 0xd800;
}

/** encodeURIComponent keeping `${secret:NAME}` references; throws a URIError on a lone surrogate (use encodeForUrl). */
export function encodeKeepingSecrets(value: string): string {
  let out = '';
  let last = 0;
  for (const match of value.matchAll(SECRET_REFERENCE)) {
    out += encodeURIComponent(value.slice(last, match.index)) + match[0];
    last = (match.index ?? 0) + match[0].length;
  }
  return out + encodeURIComponent(value.slice(last));
}

const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A value given as text (the CLI's `--param name=value`) converted to the JSON type its schema asks for:
 * `"5"` → 5 for integer/number, `"true"` → true for boolean, JSON text for object/array. Anything that does not
 * fit stays as it was given, so schema validation (not this) reports it.
 */
export function coerceValue(value: unknown, schema: Record<string, unknown> | undefined): unknown {
  if (typeof value !== 'string' || !schema) return value;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if ((types.includes('integer') || types.includes('number')) && NUMERIC.test(value.trim())) {
    const n = Number(value);
    if (Number.isFinite(n) && (types.includes('number') || Number.isInteger(n))) return n;
  }
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.includes('null') && value === 'null') return null;
  if (types.includes('object') || types.includes('array')) {
    try {
      const parsed: unknown = JSON.parse(value);
      const kind = Array.isArray(parsed) ? 'array' : parsed !== null && typeof parsed === 'object' ? 'object' : undefined;
      if (kind && types.includes(kind)) return parsed;
    } catch {
      // not JSON: keep the text
    }
  }
  return value;
}

/** The JSON Schema type of a sample value, so a sample body's fields coerce like schema fields. */
export function schemaOfSample(sample: unknown): Record<string, unknown> | undefined {
  if (typeof sample === 'number') return { type: Number.isInteger(sample) ? 'integer' : 'number' };
  if (typeof sample === 'boolean') return { type: 'boolean' };
  if (Array.isArray(sample)) return { type: 'array' };
  if (sample !== null && typeof sample === 'object') return { type: 'object' };
  return undefined;
}

/** Records a value nobody gave: a placeholder in a dry run, a missing name when sending. */
export function recordMissing(state: FillState, name: string): string | undefined {
  if (state.mode === 'dryRun') {
    if (!state.placeholders.includes(name)) state.placeholders.push(name);
    return placeholderFor(name);
  }
  if (!state.missing.includes(name)) state.missing.push(name);
  return undefined;
}

/** Whether `values` holds a defined value for `name` (own keys only: `constructor` is not a value). */
export const hasValue = (values: Readonly<Record<string, unknown>>, name: string): boolean =>
  Object.prototype.hasOwnProperty.call(values, name) && values[name] !== undefined;
