import type { JsonDocument, JsonPath } from '../document/jsonDocument';
import type { Range } from '../document/text';

/** The key of the property at `path`, or the value's first character when it has no key (the root, an item). */
export function keyRange(document: JsonDocument, path: JsonPath): Range {
  const node = document.nodeAt(path);
  if (!node) return document.rangeOf({ offset: 0, length: 1 });
  const key = document.keyOf(node);
  return document.rangeOfNode(key ?? { ...node, length: 1 });
}

/** The value at `path` (the root's `{` when the path does not exist). */
export function valueRange(document: JsonDocument, path: JsonPath): Range {
  const node = document.nodeAt(path);
  return node ? document.rangeOfNode(node) : document.rangeOf({ offset: 0, length: 1 });
}

/**
 * A part of a string value, by index into the decoded string: exact when the string has no escapes before the
 * part (the usual case), the whole value otherwise.
 */
export function rangeInString(document: JsonDocument, path: JsonPath, start: number, length: number): Range {
  const node = document.nodeAt(path);
  if (!node || node.type !== 'string') return valueRange(document, path);
  const raw = document.text.slice(node.offset + 1, node.offset + node.length - 1);
  if (raw.slice(0, start + length).includes('\\')) return document.rangeOfNode(node);
  return document.rangeOf({ offset: node.offset + 1 + start, length });
}

/** Where a rule about the whole action points: the `name` key, which is on the first lines of every action. */
export function actionHandle(document: JsonDocument): Range {
  return document.nodeAt(['name']) ? keyRange(document, ['name']) : document.rangeOf({ offset: 0, length: 1 });
}
