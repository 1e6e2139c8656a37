import type { JsonPath } from '../document/jsonDocument';
import { isBodySchema, JSON_SCHEMA_TYPES } from '../model/action';
import { keyRange, valueRange } from './positions';
import type { ActionRule, RuleFinding } from './rule';
import { isJsonObject, type JsonObject } from '../document/json';

interface Problem {
  path: JsonPath;
  onKey: boolean;
  message: string;
}

/** Walks a schema, collecting what OpenCX's tool validator rejects. `underOneOf` counts enclosing oneOfs. */
function walk(schema: unknown, path: JsonPath, depth: number, problems: Problem[]): void {
  if (!isJsonObject(schema)) return;
  const type = schema.type;
  for (const t of Array.isArray(type) ? type : type === undefined ? [] : [type]) {
    if (typeof t !== 'string' || !JSON_SCHEMA_TYPES.includes(t)) {
      problems.push({ path: [...path, 'type'], onKey: false, message: `${JSON.stringify(t)} is not a JSON Schema type (use one of ${JSON_SCHEMA_TYPES.join(', ')}); OpenCX's tool validator rejects it (invalid_tool_schema)` });
    }
  }
  if (Array.isArray(schema.oneOf) && depth > 0) {
    problems.push({ path: [...path, 'oneOf'], onKey: true, message: 'nested oneOf: OpenCX\'s tool validator only accepts oneOf at the top of the body schema (invalid_tool_schema); flatten it or use separate actions' });
  }
  const children: [JsonPath, unknown][] = [];
  if (isJsonObject(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) children.push([[...path, 'properties', k], v]);
  if (isJsonObject(schema.items)) children.push([[...path, 'items'], schema.items]);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((v, i) => children.push([[...path, key, i], v]));
  }
  for (const key of ['$defs', 'definitions'] as const) {
    const defs = schema[key];
    if (isJsonObject(defs)) for (const [k, v] of Object.entries(defs)) children.push([[...path, key, k], v]);
  }
  for (const [childPath, child] of children) walk(child, childPath, depth + 1, problems);
}

/** `$ref`s that lead back to themselves through local references (`#/...`). */
function circularRefs(root: JsonObject, basePath: JsonPath): Problem[] {
  const problems: Problem[] = [];
  const resolve = (ref: string): unknown => {
    if (!ref.startsWith('#')) return undefined;
    let current: unknown = root;
    for (const raw of ref.slice(1).split('/').filter(Boolean)) {
      if (!isJsonObject(current)) return undefined;
      current = current[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return current;
  };
  const refsIn = (node: unknown, path: JsonPath, out: [string, JsonPath][]): void => {
    if (Array.isArray(node)) node.forEach((v, i) => refsIn(v, [...path, i], out));
    else if (isJsonObject(node)) for (const [k, v] of Object.entries(node)) (k === '$ref' && typeof v === 'string' ? out.push([v, [...path, k]]) : refsIn(v, [...path, k], out));
  };
  const all: [string, JsonPath][] = [];
  refsIn(root, [], all);
  // One finding per cycle target, on the reference that closes the loop (the one inside its own target).
  const targetPath = (ref: string) => ref.slice(1).split('/').filter(Boolean).join('/');
  const inside = (path: JsonPath, ref: string) => path.join('/').startsWith(targetPath(ref) + '/');
  all.sort((a, b) => Number(inside(b[1], b[0])) - Number(inside(a[1], a[0])));
  const reported = new Set<string>();
  for (const [ref, path] of all) {
    if (reported.has(ref)) continue;
    const seen = new Set<string>([ref]);
    const queue = [resolve(ref)];
    while (queue.length) {
      const next: [string, JsonPath][] = [];
      refsIn(queue.pop(), [], next);
      for (const [r] of next) {
        if (r === ref) {
          reported.add(ref);
          problems.push({ path: [...basePath, ...path], onKey: false, message: `circular $ref: ${ref} refers back to itself; OpenCX's tool validator rejects it (invalid_tool_schema)` });
          queue.length = 0;
          break;
        }
        if (!seen.has(r)) {
          seen.add(r);
          queue.push(resolve(r));
        }
      }
    }
  }
  return problems;
}

/**
 * `invalid-tool-schema`: a body or parameter schema OpenCX's tool validator rejects: nested `oneOf`, a circular
 * `$ref`, or a `type` that is not a JSON Schema type (`"int"`, `"str"`, `"date"`).
 */
export const toolSchemaRule: ActionRule = {
  code: 'invalid-tool-schema',
  defaultSeverity: 'error',
  summary: 'A body or parameter schema that OpenCX\'s tool validator rejects (nested oneOf, circular $ref, non-JSON-Schema type).',
  check({ document, action }) {
    const problems: Problem[] = [];
    if (action.body && isBodySchema(action.body)) {
      walk(action.body, ['body'], 0, problems);
      problems.push(...circularRefs(action.body, ['body']));
    }
    for (const p of action.parameters) if (p.schema) walk(p.schema, ['parameters', p.index, 'schema'], 0, problems);
    return problems.map((p): RuleFinding => ({
      message: p.message,
      range: p.onKey ? keyRange(document, p.path) : valueRange(document, p.path),
      data: { path: p.path },
    }));
  },
};
