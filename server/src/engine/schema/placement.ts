import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import type { JsonDocument, JsonPath } from '../document/jsonDocument';
import type { Range } from '../document/text';

/** `/parameters/0/in` → `['parameters', 0, 'in']`, using the value to tell array indexes from keys. */
export function pointerToPath(pointer: string, root: unknown): JsonPath {
  if (pointer === '') return [];
  const path: JsonPath = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = current && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

export function valueAtPath(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Where a person acts on a value: the value itself, or its key when the value spans several lines. */
function valueRange(doc: JsonDocument, node: Node): Range {
  const range = doc.rangeOfNode(node);
  if ((node.type === 'object' || node.type === 'array') && range.start.line !== range.end.line) {
    const key = doc.keyOf(node);
    return key ? doc.rangeOfNode(key) : doc.rangeOf({ offset: node.offset, length: 1 });
  }
  return range;
}

/** The key of an object, or its opening brace when it has no key (the root, an array item). */
function objectHandle(doc: JsonDocument, node: Node): Range {
  const key = doc.keyOf(node);
  return key ? doc.rangeOfNode(key) : doc.rangeOf({ offset: node.offset, length: 1 });
}

/**
 * The range where the user must act for one schema error (style.md, practice 4):
 * the value for type/enum/pattern, the key for an unknown property or a bad property name,
 * the parent's key for a missing property, the offending item for a duplicate.
 */
export function placeError(doc: JsonDocument, error: ErrorObject, path: JsonPath): Range {
  const node = doc.nodeAt(path) ?? doc.tree;
  if (!node) return doc.rangeOf({ offset: 0, length: 0 });
  const params = error.params as Record<string, unknown>;
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined && node.type === 'object') {
    const key = doc.keyNodeIn(node, propertyName);
    if (key) return doc.rangeOfNode(key);
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = node.type === 'object' ? doc.keyNodeIn(node, String(params.additionalProperty)) : undefined;
      return key ? doc.rangeOfNode(key) : objectHandle(doc, node);
    }
    case 'required':
      return objectHandle(doc, node);
    case 'uniqueItems': {
      // The later of the two equal items is the one to remove; ajv's i and j come in either order.
      const duplicate = node.children?.[Math.max(Number(params.i), Number(params.j))];
      return duplicate ? doc.rangeOfNode(duplicate) : valueRange(doc, node);
    }
    default:
      return valueRange(doc, node);
  }
}
