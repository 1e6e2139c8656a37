import type { Node } from 'jsonc-parser';

/** jsonc-parser's Node with writable fields, while it is being built. */
type Building = { -readonly [K in keyof Node]: Node[K] };

/**
 * A position tree for text that `JSON.parse` has already accepted, in jsonc-parser's `Node` shape.
 *
 * jsonc-parser's parser handles comments, trivia and error recovery, which valid JSON never needs; this one
 * assumes validity (the caller guarantees it). It is also lazy: an object's or array's `children` are built the
 * first time they are read, so finding one position (a rule pointing at `name`) costs a scan of the text, not a
 * node for every value of a 50 MB file. Until then a container only knows its span, found by skipping over it
 * (strings and brackets, no allocation). Malformed text still goes to jsonc-parser.
 */
export function parseWellFormedTree(text: string): Node | undefined {
  const start = skipWhitespace(text, 0);
  return start < text.length ? valueAt(text, start, undefined) : undefined;
}

function skipWhitespace(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  return i;
}

/** The offset just past the string that opens at `i` (its closing quote included). */
function stringEnd(text: string, i: number): number {
  for (i++; ; ) {
    const quote = text.indexOf('"', i);
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** The offset just past the object or array that opens at `i`, skipping strings (nesting was checked before). */
function containerEnd(text: string, i: number): number {
  let depth = 0;
  for (; ; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) i = stringEnd(text, i) - 1;
    else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if ((c === 125 /* } */ || c === 93 /* ] */) && --depth === 0) return i + 1;
  }
}

/** The node of the value that starts at `i` (after whitespace). */
function valueAt(text: string, i: number, parent: Node | undefined): Node {
  const c = text.charCodeAt(i);
  if (c === 123 || c === 91) return lazyContainer(text, i, containerEnd(text, i), parent);
  if (c === 34) return stringNode(text, i, parent);
  return literal(text, i, parent);
}

function stringNode(text: string, start: number, parent: Node | undefined): Node {
  const end = stringEnd(text, start);
  const raw = text.slice(start + 1, end - 1);
  const value = raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
  return { type: 'string', offset: start, length: end - start, parent, value };
}

function literal(text: string, start: number, parent: Node | undefined): Node {
  const c = text.charCodeAt(start);
  if (c === 116 /* t */ || c === 102 /* f */) return { type: 'boolean', offset: start, length: c === 116 ? 4 : 5, parent, value: c === 116 };
  if (c === 110 /* n */) return { type: 'null', offset: start, length: 4, parent, value: null };
  let i = start;
  for (let d = c; (d >= 48 && d <= 57) || d === 45 || d === 43 || d === 46 || d === 101 || d === 69; d = text.charCodeAt(++i));
  return { type: 'number', offset: start, length: i - start, parent, value: Number(text.slice(start, i)) };
}

/** An object or array whose `children` are built on first read, then kept. */
function lazyContainer(text: string, start: number, end: number, parent: Node | undefined): Node {
  const node: Building = { type: text.charCodeAt(start) === 123 ? 'object' : 'array', offset: start, length: end - start, parent };
  Object.defineProperty(node, 'children', {
    configurable: true,
    enumerable: true,
    get(): Node[] {
      const children = childrenOf(text, node);
      Object.defineProperty(node, 'children', { value: children, writable: true, enumerable: true, configurable: true });
      return children;
    },
  });
  return node;
}

/** The properties (object) or items (array) of a container, one level deep. */
function childrenOf(text: string, node: Node): Node[] {
  const children: Node[] = [];
  const close = node.offset + node.length - 1;
  let i = skipWhitespace(text, node.offset + 1);
  while (i < close) {
    let child: Node;
    if (node.type === 'object') {
      const property: Building = { type: 'property', offset: i, length: 0, parent: node };
      const key = stringNode(text, i, property);
      property.colonOffset = skipWhitespace(text, key.offset + key.length);
      const value = valueAt(text, skipWhitespace(text, property.colonOffset + 1), property);
      property.children = [key, value];
      property.length = value.offset + value.length - property.offset;
      child = property;
    } else {
      child = valueAt(text, i, node);
    }
    children.push(child);
    i = skipWhitespace(text, child.offset + child.length);
    if (text.charCodeAt(i) === 44 /* , */) i = skipWhitespace(text, i + 1);
  }
  return children;
}
