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

/**
 * A path as a chain from the leaf up, so walking a large schema does not copy the path at every value; it is
 * turned into an array only for a problem.
 */
interface PathLink {
  parent: PathLink | JsonPath;
  key: string | number;
}

function pathOf(link: PathLink | JsonPath): JsonPath {
  const keys: (string | number)[] = [];
  let current: PathLink | JsonPath = link;
  while (!Array.isArray(current)) {
    keys.push(current.key);
    current = current.parent;
  }
  return [...current, ...keys.reverse()];
}

const at = (parent: PathLink | JsonPath, ...keys: (string | number)[]): PathLink | JsonPath =>
  keys.reduce<PathLink | JsonPath>((link, key) => ({ parent: link, key }), parent);

/** Walks a schema, collecting what OpenCX's tool validator rejects. `depth` counts enclosing schemas. */
function walk(schema: unknown, path: PathLink | JsonPath, depth: number, problems: Problem[]): void {
  if (!isJsonObject(schema)) return;
  const type = schema.type;
  for (const t of Array.isArray(type) ? type : type === undefined ? [] : [type]) {
    if (typeof t !== 'string' || !JSON_SCHEMA_TYPES.includes(t)) {
      problems.push({ path: pathOf(at(path, 'type')), onKey: false, message: `${JSON.stringify(t)} is not a JSON Schema type (use one of ${JSON_SCHEMA_TYPES.join(', ')}); OpenCX's tool validator rejects it (invalid_tool_schema)` });
    }
  }
  if (Array.isArray(schema.oneOf) && depth > 0) {
    problems.push({ path: pathOf(at(path, 'oneOf')), onKey: true, message: 'nested oneOf: OpenCX\'s tool validator only accepts oneOf at the top of the body schema (invalid_tool_schema); flatten it or use separate actions' });
  }
  if (isJsonObject(schema.properties)) for (const k in schema.properties) walk(schema.properties[k], at(path, 'properties', k), depth + 1, problems);
  if (isJsonObject(schema.items)) walk(schema.items, at(path, 'items'), depth + 1, problems);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((v, i) => walk(v, at(path, key, i), depth + 1, problems));
  }
  for (const key of ['$defs', 'definitions'] as const) {
    const defs = schema[key];
    if (isJsonObject(defs)) for (const k in defs) walk(defs[k], at(path, key, k), depth + 1, problems);
  }
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
  const refsIn = (node: unknown, path: PathLink | JsonPath, out: [string, JsonPath][]): void => {
    if (Array.isArray(node)) node.forEach((v, i) => refsIn(v, at(path, i), out));
    else if (isJsonObject(node)) {
      for (const k in node) {
        const v = node[k];
        if (k === '$ref' && typeof v === 'string') out.push([v, pathOf(at(path, k))]);
        else if (v !== null && typeof v === 'object') refsIn(v, at(path, k), out);
      }
    }
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
 * Whether the text may have a `"$ref"` key: written plainly, or with a `\\u` escape somewhere (a key may spell
 * `$ref` with escapes). Without one there is no cycle to find, and a large schema is not walked for nothing.
 */
function mayHoldReference(text: string): boolean {
  return text.includes('"$ref"') || text.includes('\\u');
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
      if (mayHoldReference(document.text)) problems.push(...circularRefs(action.body, ['body']));
    }
    for (const p of action.parameters) if (p.schema) walk(p.schema, ['parameters', p.index, 'schema'], 0, problems);
    return problems.map((p): RuleFinding => ({
      message: p.message,
      range: p.onKey ? keyRange(document, p.path) : valueRange(document, p.path),
      data: { path: p.path },
    }));
  },
};
