/**
 * The typed view of an action file's value. Tolerant: a field of the wrong type is taken as absent, so rules
 * and the resolver can work on a file that still has schema errors (those are reported separately).
 */
import { isJsonObject, stringsOf, type JsonObject } from '../document/json';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const CHANNELS = ['widget', 'email', 'sms', 'whatsapp', 'phone', 'slack'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels of an action that does not list any: OpenCX puts a new action on the widget only. */
export const DEFAULT_CHANNELS: readonly Channel[] = ['widget'];

/** A value filled by OpenCX from the conversation context, not by the AI. */
export interface MagicField {
  magic: string;
}

export type HeaderValue = string | MagicField;
export type ParameterValue = string | number | boolean | MagicField;

export interface ParameterModel {
  /** Index in the `parameters` array, for positions. */
  index: number;
  name: string;
  in: 'path' | 'query' | undefined;
  description?: string;
  required: boolean;
  schema?: Record<string, unknown>;
  /** Present: a static (or magic) value; absent: the AI extracts it from the conversation. */
  value?: ParameterValue;
}

export interface ActionModel {
  name: string;
  description: string;
  method: HttpMethod | undefined;
  endpoint: string;
  /** Headers in file order. */
  headers: { name: string; value: HeaderValue }[];
  parameters: ParameterModel[];
  /** A JSON Schema or a sample object; null or undefined when there is no body. */
  body: Record<string, unknown> | null | undefined;
  bodyFormat: 'json' | 'multipart';
  /** Undefined when the key is absent (visible to everyone, silently); [] is a deliberate "everyone". */
  restrictedToSegments: string[] | undefined;
  channels: Channel[];
  requireFormSubmission: boolean;
  tags: string[];
  /**
   * Pulled from OpenCX (`remote.segmentsUnknown`), whose API does not carry segment restrictions, and no
   * `restrictedToSegments` written here since: who is offered it is unknown, so the catalog and the overlap rule
   * count it as offered to every contact, with a note (docs/sync.md). Absent otherwise.
   */
  segmentsUnknown?: true;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function isMagicField(v: unknown): v is MagicField {
  return isJsonObject(v) && typeof v.magic === 'string';
}

/** The action model of a parsed value, or undefined when the value is not an object at all. */
export function actionModelOf(value: unknown): ActionModel | undefined {
  if (!isJsonObject(value)) return undefined;
  const method = typeof value.method === 'string' && (HTTP_METHODS as readonly string[]).includes(value.method) ? (value.method as HttpMethod) : undefined;
  const headers = isJsonObject(value.headers)
    ? Object.entries(value.headers)
        .filter((entry): entry is [string, HeaderValue] => typeof entry[1] === 'string' || isMagicField(entry[1]))
        .map(([name, v]) => ({ name, value: v }))
    : [];
  const parameters = Array.isArray(value.parameters) ? value.parameters.flatMap((p, index) => parameterOf(p, index)) : [];
  return {
    name: str(value.name),
    description: str(value.description),
    method,
    endpoint: str(value.endpoint),
    headers,
    parameters,
    body: isJsonObject(value.body) ? value.body : value.body === null ? null : undefined,
    bodyFormat: value.bodyFormat === 'multipart' ? 'multipart' : 'json',
    restrictedToSegments: Array.isArray(value.restrictedToSegments) ? stringsOf(value.restrictedToSegments) : undefined,
    channels: Array.isArray(value.channels)
      ? stringsOf(value.channels).filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c))
      : [...DEFAULT_CHANNELS],
    requireFormSubmission: value.requireFormSubmission === true,
    tags: stringsOf(value.tags),
    ...(segmentsUnknownOf(value) ? { segmentsUnknown: true as const } : {}),
  };
}

/** A pulled action whose segments are set in the dashboard and not (yet) written here. */
function segmentsUnknownOf(value: JsonObject): boolean {
  return value.restrictedToSegments === undefined && isJsonObject(value.remote) && value.remote.segmentsUnknown === true;
}

function parameterOf(p: unknown, index: number): ParameterModel[] {
  if (!isJsonObject(p) || typeof p.name !== 'string') return [];
  const value = p.value;
  const validValue = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || isMagicField(value);
  return [{
    index,
    name: p.name,
    in: p.in === 'path' || p.in === 'query' ? p.in : undefined,
    ...(typeof p.description === 'string' ? { description: p.description } : {}),
    required: p.required === true,
    ...(isJsonObject(p.schema) ? { schema: p.schema } : {}),
    ...(validValue ? { value: value as ParameterValue } : {}),
  }];
}

/** `{order_id}` names in an endpoint, in order, without duplicates. */
export function endpointPathParameters(endpoint: string): string[] {
  const names: string[] = [];
  for (const match of endpoint.matchAll(/\{([^{}]*)\}/g)) if (!names.includes(match[1])) names.push(match[1]);
  return names;
}

/** Whether calling the action changes state on the customer's side (it is not a plain read). */
export function changesState(action: ActionModel): boolean {
  return action.method !== undefined && action.method !== 'GET';
}

/** JSON Schema keywords that make a `body` object a schema (other than `type`, which needs a type as its value). */
const SCHEMA_KEYWORDS = ['$schema', '$ref', 'properties', 'required', 'items', 'oneOf', 'anyOf', 'allOf', 'additionalProperties', 'enum', '$defs', 'definitions'];
/** The seven JSON Schema types. */
export const JSON_SCHEMA_TYPES: readonly string[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/**
 * Whether an action's `body` is a JSON Schema; otherwise it is a sample body from which OpenCX infers one. A
 * `type` key alone counts only when its value is a JSON Schema type, so a sample such as
 * `{ "type": "refund", "reason": "late" }` stays a sample.
 */
export function isBodySchema(body: Record<string, unknown>): boolean {
  if (SCHEMA_KEYWORDS.some((k) => Object.prototype.hasOwnProperty.call(body, k))) return true;
  const type = body.type;
  const types = Array.isArray(type) ? type : [type];
  return type !== undefined && types.every((t) => typeof t === 'string' && JSON_SCHEMA_TYPES.includes(t));
}
