import { isJsonObject, stringsOf, type JsonObject } from '../document/json';
import type { ParsedSpec } from './parse';
import { toToolSchema } from './schemas';

/** A body OpenCX can send, a reason to skip the operation, or nothing to send. */
export type MappedBody =
  | { kind: 'none'; notes: string[] }
  | { kind: 'body'; schema: JsonObject; format: 'json' | 'multipart'; problems: string[]; notes: string[] }
  | { kind: 'unsupported'; reason: string };

const isJsonMedia = (media: string) => /^application\/(?:[\w.+-]*\+)?json(?:;.*)?$/i.test(media.trim()) || media.trim() === '*/*';
const isMultipart = (media: string) => /^multipart\/form-data(?:;.*)?$/i.test(media.trim());
const SENDS_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The request body of an operation as OpenCX can send it: JSON (any `application/…json` type) first, else
 * `multipart/form-data`. A required body in any other type (form-encoded, XML, binary) cannot be sent, so the
 * operation is skipped; an optional one is left out with a note. GET and DELETE never carry a body in OpenCX.
 * Swagger 2.0: an `in: body` parameter, or `formData` parameters (multipart when `consumes` allows it).
 */
export function mapBody(spec: ParsedSpec, method: string, operation: JsonObject, bodyParameters: { body?: JsonObject; formData?: JsonObject }): MappedBody {
  const candidates = spec.version === '2.0' ? swaggerBody(spec.document, operation, bodyParameters) : openApiBody(operation);
  if (!candidates) return { kind: 'none', notes: [] };
  if (!SENDS_BODY.has(method)) return { kind: 'none', notes: [`request body left out: OpenCX sends no body with ${method}`] };
  const { content, required } = candidates;
  const media = Object.keys(content);
  const chosen = media.find(isJsonMedia) ?? media.find(isMultipart);
  if (!chosen) {
    const reason = `its request body is ${media.join(', ') || 'of no media type'}; OpenCX sends JSON or multipart/form-data`;
    // A body OpenAPI calls optional but whose schema requires fields is required in practice (Twilio's are).
    const requiresFields = Object.values(content).some((schema) => isJsonObject(schema) && Array.isArray(schema.required) && schema.required.length > 0);
    return required || requiresFields ? { kind: 'unsupported', reason } : { kind: 'none', notes: [`optional request body left out: ${reason}`] };
  }
  const multipart = isMultipart(chosen);
  const converted = toToolSchema(content[chosen], { body: true, multipart });
  const schema = converted.schema ?? { type: 'object' };
  return { kind: 'body', schema, format: multipart ? 'multipart' : 'json', problems: converted.problems.map((p) => `request body: ${p}`), notes: [] };
}

interface BodyCandidates {
  /** Media type → schema. */
  content: Record<string, unknown>;
  required: boolean;
}

function openApiBody(operation: JsonObject): BodyCandidates | undefined {
  const body = operation.requestBody;
  if (!isJsonObject(body) || !isJsonObject(body.content)) return undefined;
  const content: Record<string, unknown> = {};
  for (const [media, entry] of Object.entries(body.content)) content[media] = isJsonObject(entry) ? entry.schema ?? {} : {};
  return { content, required: body.required === true };
}

function swaggerBody(document: JsonObject, operation: JsonObject, found: { body?: JsonObject; formData?: JsonObject }): BodyCandidates | undefined {
  const consumes = stringsOf(operation.consumes ?? document.consumes);
  if (found.body) {
    const media = consumes.length ? consumes : ['application/json'];
    return { content: Object.fromEntries(media.map((m) => [m, found.body!.schema ?? {}])), required: found.body.required === true };
  }
  if (found.formData) {
    const media = consumes.length ? consumes : ['application/x-www-form-urlencoded'];
    const required = Array.isArray(found.formData.required) && found.formData.required.length > 0;
    return { content: Object.fromEntries(media.filter((m) => !isJsonMedia(m)).map((m) => [m, found.formData])), required };
  }
  return undefined;
}
