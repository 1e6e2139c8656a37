import { isJsonObject, type JsonObject } from '../document/json';
import { toToolSchema } from './schemas';

/** Parameter keys of Swagger 2.0 that are not part of the value's schema. */
const SWAGGER_PARAMETER_KEYS = new Set(['name', 'in', 'description', 'required', 'allowEmptyValue', 'collectionFormat', 'schema']);
/** Headers OpenAPI says a parameter definition may not set (`Accept`, `Content-Type`, `Authorization`). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
/** What a required header parameter gets until the user writes its value. */
export const HEADER_PLACEHOLDER = '<fill in>';

/** The parameters, headers and notes one operation's parameter list becomes. */
export interface MappedParameters {
  parameters: JsonObject[];
  headers: Record<string, string>;
  /** The body fields of Swagger 2.0's `formData` parameters, as one object schema (undefined: none). */
  formData?: JsonObject;
  notes: string[];
  problems: string[];
}

/** The JSON Schema of a parameter: 3.x `schema` (or the first `content` entry's), 2.0's inline type keywords. */
export function parameterSchema(parameter: JsonObject): unknown {
  if (isJsonObject(parameter.schema)) return parameter.schema;
  if (isJsonObject(parameter.content)) {
    const first = Object.values(parameter.content)[0];
    return isJsonObject(first) ? first.schema : undefined;
  }
  const inline: JsonObject = {};
  for (const [k, v] of Object.entries(parameter)) if (!SWAGGER_PARAMETER_KEYS.has(k) && !k.startsWith('x-')) inline[k] = v;
  return Object.keys(inline).length ? inline : undefined;
}

function describe(parameter: JsonObject): string | undefined {
  return typeof parameter.description === 'string' && parameter.description.trim() ? parameter.description.replace(/\s+/g, ' ').trim() : undefined;
}

/**
 * Path and query parameters keep their description, required flag and schema (path ones are always required);
 * required header parameters become static headers with a placeholder to fill (optional ones would send the
 * placeholder, so they are left out and noted); cookies are left out (OpenCX sends none); `Accept`,
 * `Content-Type` and `Authorization` parameters are ignored as OpenAPI says; headers that carry a security
 * scheme's API key belong in a global variable and are left out too.
 */
export function mapParameters(list: JsonObject[], multipart: boolean, securityHeaders: Set<string>): MappedParameters {
  const out: MappedParameters = { parameters: [], headers: {}, notes: [], problems: [] };
  const formFields: JsonObject = {};
  const formRequired: string[] = [];
  for (const parameter of list) {
    const name = typeof parameter.name === 'string' ? parameter.name : '';
    if (!name) continue;
    const location = parameter.in;
    if (location === 'path' || location === 'query') {
      const converted = toToolSchema(parameterSchema(parameter), { body: false, multipart: false });
      out.problems.push(...converted.problems.map((p) => `parameter ${name}: ${p}`));
      const mapped: JsonObject = { name, in: location };
      const description = describe(parameter);
      if (description) mapped.description = description;
      mapped.required = location === 'path' ? true : parameter.required === true;
      if (converted.schema) mapped.schema = converted.schema;
      out.parameters.push(mapped);
    } else if (location === 'header') {
      mapHeader(parameter, name, out, securityHeaders);
    } else if (location === 'cookie') {
      out.notes.push(`cookie parameter ${name} left out: OpenCX sends no cookies`);
    } else if (location === 'formData') {
      const converted = toToolSchema(parameterSchema(parameter), { body: true, multipart });
      out.problems.push(...converted.problems.map((p) => `form field ${name}: ${p}`));
      formFields[name] = { ...(converted.schema ?? {}), ...(describe(parameter) ? { description: describe(parameter) } : {}) };
      if (parameter.required === true) formRequired.push(name);
    }
  }
  if (Object.keys(formFields).length) out.formData = { type: 'object', properties: formFields, ...(formRequired.length ? { required: formRequired } : {}) };
  return out;
}

function mapHeader(parameter: JsonObject, name: string, out: MappedParameters, securityHeaders: Set<string>): void {
  const lower = name.toLowerCase();
  if (IGNORED_HEADERS.has(lower)) out.notes.push(`header parameter ${name} ignored, as OpenAPI says for Accept, Content-Type and Authorization`);
  else if (securityHeaders.has(lower)) out.notes.push(`header ${name} carries an API key: set it as a global variable (see the security note), not in the action`);
  else if (parameter.required === true) {
    out.headers[name] = HEADER_PLACEHOLDER;
    out.notes.push(`header ${name} is required: replace "${HEADER_PLACEHOLDER}" with its value (a \${secret:NAME} for a credential, or a magic field)`);
  } else out.notes.push(`optional header parameter ${name} left out: a static header would always be sent`);
}
