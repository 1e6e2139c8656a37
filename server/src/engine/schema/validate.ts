import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Finding } from '../lint/findings';
import { isJsonObject } from '../document/json';
import type { JsonDocument } from '../document/jsonDocument';
import type { SchemaValidators } from './compile';
import { codeFor, messageFor, suggestionFor, type Subject } from './messages';
import { placeError, pointerToPath, valueAtPath } from './placement';

type SchemaObject = Record<string, unknown>;

/** Schema findings for a well-formed document; an empty list when it validates. */
export function schemaFindings(doc: JsonDocument, validators: SchemaValidators, subject: Subject): Finding[] {
  const validate = subject === 'action' ? validators.action : validators.config;
  if (validate(doc.value)) return [];
  const rootId = String((validate.schema as SchemaObject).$id);
  const errors = simplifyErrors([...(validate.errors ?? [])], doc.value, validators, rootId);
  return errors.map((error) => toFinding(doc, error, subject));
}

function toFinding(doc: JsonDocument, error: ErrorObject, subject: Subject): Finding {
  const path = pointerToPath(error.instancePath, doc.value);
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  const value = propertyName ?? valueAtPath(doc.value, path);
  let code = codeFor(error);
  const suggestion = suggestionFor(error, value);
  let message = messageFor(error, path, value, subject, doc.value, suggestion);
  if (code === 'invalid-endpoint' && typeof value === 'string' && /^http:\/\//i.test(value)) {
    code = 'insecure-endpoint';
    message = `endpoint uses http://, which OpenCX never calls: use "https://${value.slice('http://'.length)}"`;
  }
  return { code, severity: 'error', message, range: placeError(doc, error, path), data: { path, ...(suggestion !== undefined ? { suggestion } : {}) } };
}

function isUnder(pointer: string, parent: string): boolean {
  return pointer === parent || pointer.startsWith(parent + '/');
}

function jsonTypeMatches(value: unknown, type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    switch (t) {
      case 'null':
        return value === null;
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isJsonObject(value);
      case 'integer':
        return Number.isInteger(value);
      default:
        return typeof value === t;
    }
  });
}

/**
 * Turns ajv's raw list into what a person needs:
 * - `if` failures are dropped (the `then` error beside them says what is wrong);
 * - `propertyNames` wrappers are dropped (the inner error names the key);
 * - a failed `anyOf`/`oneOf` becomes the errors of the branch whose type fits the value (an object that is
 *   meant to be a magic field is told what is wrong with it), or one "must be A or B" error when none fits.
 *   Ajv reports the branches' errors just before the `anyOf` error, under the same path, so they are popped;
 * - a `type` error beside an `enum`/`const` error on the same value is dropped (the allowed values say more).
 */
function simplifyErrors(errors: ErrorObject[], root: unknown, validators: SchemaValidators, rootId: string): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') continue;
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      out.push(error);
      continue;
    }
    while (out.length && isUnder(out[out.length - 1].instancePath, error.instancePath)) out.pop();
    const value = valueAtPath(root, pointerToPath(error.instancePath, root));
    const branches = (Array.isArray(error.schema) ? error.schema : []) as SchemaObject[];
    const fitting = branches.map((b) => validators.branch(rootId, b)).find((b) => jsonTypeMatches(value, b.schema.type));
    if (fitting && !fitting.validate(value)) {
      out.push(...prefixed(fitting.validate, error.instancePath));
    } else {
      out.push(error);
    }
  }
  const enumPaths = new Set(out.filter((e) => e.keyword === 'enum' || e.keyword === 'const').map((e) => e.instancePath));
  return out.filter((e) => e.keyword !== 'type' || !enumPaths.has(e.instancePath));
}

function prefixed(validate: ValidateFunction, prefix: string): ErrorObject[] {
  return (validate.errors ?? []).map((e) => ({ ...e, instancePath: prefix + e.instancePath }));
}
