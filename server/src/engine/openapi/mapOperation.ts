import { HTTP_METHODS } from '../model/action';
import { stringsOf, type JsonObject } from '../document/json';
import { mapBody } from './body';
import { baseUrlOf, joinEndpoint } from './endpoint';
import { nameAndDescription } from './naming';
import { mapParameters } from './parameters';
import type { ParsedSpec } from './parse';
import type { ImportError, SpecOperation } from './types';

/** What one operation becomes: an action (the fields the import generates), a skip, or a rejection. */
export type MappedOperation =
  | { kind: 'action'; action: JsonObject; notes: string[]; upgradedFromHttp: boolean }
  | { kind: 'skipped'; reason: string }
  | { kind: 'rejected'; error: ImportError };

export interface MapContext {
  spec: ParsedSpec;
  specLocation: string;
  server?: string;
  securityHeaders: Set<string>;
}

/**
 * One operation → one action, as OpenCX imports it: name and description (see naming.ts), `endpoint` = server +
 * path with `{param}` kept, the method upper-case, path/query parameters, required headers with a placeholder,
 * a JSON or multipart body, `channels: ["widget"]`, the `x-open-*` extensions, and `operationId`.
 */
export function mapOperation(operation: SpecOperation, context: MapContext): MappedOperation {
  if (!(HTTP_METHODS as readonly string[]).includes(operation.method)) {
    return { kind: 'skipped', reason: `OpenCX actions have no ${operation.method} method (only ${HTTP_METHODS.join(', ')})` };
  }
  const reject = (code: ImportError['code'], message: string): MappedOperation => ({ kind: 'rejected', error: { code, operation: operation.key, message } });
  const base = baseUrlOf(operation.servers, context.server, context.specLocation);
  if (!base.ok) return reject('cannot_determine_api_endpoint', base.message);

  const consumes = stringsOf(operation.raw.consumes ?? context.spec.document.consumes);
  const multipart = consumes.some((m) => m.toLowerCase().startsWith('multipart/form-data'));
  const mapped = mapParameters(operation.parameters, multipart, context.securityHeaders);
  const bodyParameter = operation.parameters.find((p) => p.in === 'body');
  const body = mapBody(context.spec, operation.method, operation.raw, { body: bodyParameter, formData: mapped.formData });
  if (body.kind === 'unsupported') return { kind: 'skipped', reason: body.reason };
  const problems = [...mapped.problems, ...(body.kind === 'body' ? body.problems : [])];
  if (problems.length) return reject('invalid_tool_schema', problems.join('; '));

  const notes = [...mapped.notes, ...body.notes];
  const texts = nameAndDescription(operation);
  if (texts.synthesised.name || texts.synthesised.description) {
    notes.push(`no ${texts.synthesised.description ? 'summary or description' : 'summary'}: the ${texts.synthesised.description ? 'name and description were' : 'name was'} written from the operationId, method and path; improve ${texts.synthesised.description ? 'them' : 'it'} before the AI uses it`);
  }

  const action: JsonObject = {
    name: texts.name,
    description: texts.description,
    method: operation.method,
    endpoint: joinEndpoint(base.url, operation.path),
  };
  if (Object.keys(mapped.headers).length) action.headers = mapped.headers;
  if (mapped.parameters.length) action.parameters = mapped.parameters;
  if (body.kind === 'body') {
    action.body = body.schema;
    action.bodyFormat = body.format;
  }
  action.channels = ['widget'];
  Object.assign(action, extensionsOf(operation.raw, notes));
  if (operation.operationId) action.operationId = operation.operationId;
  return { kind: 'action', action, notes, upgradedFromHttp: base.upgradedFromHttp };
}

/** OpenCX's operation extensions; a value of the wrong type is ignored with a note. */
function extensionsOf(raw: JsonObject, notes: string[]): JsonObject {
  const out: JsonObject = {};
  const flag = (key: string, field: string) => {
    const value = raw[key];
    if (value === undefined) return;
    if (typeof value === 'boolean') out[field] = value;
    else notes.push(`${key} ignored: it must be true or false`);
  };
  flag('x-open-require-form-submission', 'requireFormSubmission');
  flag('x-open-pinned', 'pinned');
  const tags = raw['x-open-tags'];
  if (tags !== undefined) {
    const list = Array.isArray(tags) ? [...new Set(stringsOf(tags).filter((t) => t.trim()))] : [];
    if (!Array.isArray(tags) || list.length !== tags.length) notes.push('x-open-tags: only non-empty, distinct strings are kept');
    if (list.length) out.tags = list;
  }
  return out;
}
