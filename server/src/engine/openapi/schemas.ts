import { JSON_SCHEMA_TYPES } from '../model/action';
import { isJsonObject, type JsonObject } from '../document/json';

/** Keys of OpenAPI's schema dialect that JSON Schema (and so OpenCX's tool validator) does not have. */
const OPENAPI_ONLY_KEYS = new Set(['xml', 'externalDocs', 'discriminator', 'example', 'nullable', 'readOnly', 'writeOnly', 'deprecated', 'collectionFormat']);
const CHILD_LISTS = ['oneOf', 'anyOf', 'allOf'] as const;
/** Deeper than this, a schema is taken as unusable by the AI (and a runaway structure is cut short). */
const MAX_DEPTH = 32;

export interface SchemaContext {
  /** A request body: read-only properties are left out (the server sets them). */
  body: boolean;
  /** A multipart body: Swagger 2.0's `type: file` becomes a binary string, as OpenAPI 3 writes it. */
  multipart: boolean;
}

export interface ToolSchema {
  schema: JsonObject | undefined;
  /** Why OpenCX's tool validator would reject it (`invalid_tool_schema`); empty when it is accepted. */
  problems: string[];
}

/**
 * An OpenAPI schema turned into the JSON Schema OpenCX's tool validator takes: OpenAPI-only keywords removed
 * (`nullable` becomes a `"null"` type, `example` becomes `examples`), `x-` extensions dropped, read-only body
 * properties left out. What the validator rejects is collected as problems, as the `invalid-tool-schema` rule
 * words them: a circular `$ref` (left in place by the parser), a `oneOf` below the top, a type that is not JSON
 * Schema's. An external `$ref` (another file) is a problem too: the import reads one document.
 */
export function toToolSchema(schema: unknown, context: SchemaContext): ToolSchema {
  const problems: string[] = [];
  const converted = convert(schema, context, 0, '', problems);
  return { schema: converted, problems: [...new Set(problems)] };
}

function convert(schema: unknown, context: SchemaContext, depth: number, at: string, problems: string[]): JsonObject | undefined {
  if (!isJsonObject(schema)) return undefined;
  const where = at ? ` at ${at}` : '';
  if (depth > MAX_DEPTH) {
    problems.push(`the schema is nested more than ${MAX_DEPTH} levels deep${where}`);
    return undefined;
  }
  if (typeof schema.$ref === 'string') {
    problems.push(schema.$ref.startsWith('#')
      ? `circular $ref: ${schema.$ref} refers back to itself${where}; OpenCX's tool validator rejects it`
      : `$ref to another document (${schema.$ref})${where}: the import reads one file; bundle the spec first`);
    return undefined;
  }
  if (Array.isArray(schema.oneOf) && depth > 0) problems.push(`nested oneOf${where}: OpenCX's tool validator only accepts oneOf at the top of a schema`);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (OPENAPI_ONLY_KEYS.has(key) || key.startsWith('x-')) continue;
    out[key] = value;
  }
  convertType(schema, out, context, where, problems);
  if (schema.example !== undefined && out.examples === undefined) out.examples = [schema.example];
  if (isJsonObject(schema.properties)) convertProperties(schema, out, context, depth, at, problems);
  if (isJsonObject(schema.items)) out.items = convert(schema.items, context, depth + 1, `${at}[]`, problems) ?? {};
  if (isJsonObject(schema.additionalProperties)) out.additionalProperties = convert(schema.additionalProperties, context, depth + 1, `${at}{}`, problems) ?? {};
  if (isJsonObject(schema.not)) out.not = convert(schema.not, context, depth + 1, at, problems) ?? {};
  for (const key of CHILD_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) out[key] = list.map((child) => convert(child, context, depth + 1, at, problems) ?? {});
  }
  return out;
}

function convertType(schema: JsonObject, out: JsonObject, context: SchemaContext, where: string, problems: string[]): void {
  if (schema.type === 'file' && context.multipart) {
    out.type = 'string';
    out.format = 'binary';
    return;
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  for (const t of types) {
    if (typeof t !== 'string' || !JSON_SCHEMA_TYPES.includes(t)) {
      problems.push(`${JSON.stringify(t)} is not a JSON Schema type${where} (use one of ${JSON_SCHEMA_TYPES.join(', ')})`);
    }
  }
  if (schema.nullable === true && typeof schema.type === 'string') out.type = [schema.type, 'null'];
}

function convertProperties(schema: JsonObject, out: JsonObject, context: SchemaContext, depth: number, at: string, problems: string[]): void {
  const properties: JsonObject = {};
  const dropped = new Set<string>();
  for (const [name, property] of Object.entries(schema.properties as JsonObject)) {
    if (context.body && isJsonObject(property) && property.readOnly === true) {
      dropped.add(name);
      continue;
    }
    properties[name] = convert(property, context, depth + 1, at ? `${at}.${name}` : name, problems) ?? {};
  }
  out.properties = properties;
  if (Array.isArray(schema.required)) {
    const required = schema.required.filter((r) => typeof r === 'string' && !dropped.has(r));
    if (required.length) out.required = required;
    else delete out.required;
  }
}
