import type { Node } from 'jsonc-parser';

/** jsonc-parser's Node with writable fields, while it is being built. */
type Building = { -readonly [K in keyof Node]: Node[K] };

/**
 * A position tree for text that `JSON.parse` has already accepted, in jsonc-parser's `Node` shape.
 *
 * jsonc-parser's parser handles comments, trivia and error recovery, which valid JSON never needs; this one
 * assumes validity (the caller guarantees it) and is several times faster. Recursion is bounded by the nesting
 * limit the caller checks first. Malformed text still goes to jsonc-parser.
 */
export function parseWellFormedTree(text: string): Node | undefined {
  let i = 0;

  const skipWhitespace = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };

  const string = (parent: Node | undefined): Node => {
    const start = i++;
    let escaped = false;
    for (let c = text.charCodeAt(i); c !== 34; c = text.charCodeAt(i)) {
      if (c === 92) {
        escaped = true;
        i += 2;
      } else i++;
    }
    i++;
    const value = escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
    return { type: 'string', offset: start, length: i - start, parent, value };
  };

  const literal = (parent: Node | undefined): Node => {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 116 /* t */ || c === 110 /* n */) i += 4;
    else if (c === 102 /* f */) i += 5;
    else for (let d = c; (d >= 48 && d <= 57) || d === 45 || d === 43 || d === 46 || d === 101 || d === 69; d = text.charCodeAt(++i));
    const raw = text.slice(start, i);
    if (c === 116 || c === 102) return { type: 'boolean', offset: start, length: i - start, parent, value: c === 116 };
    if (c === 110) return { type: 'null', offset: start, length: i - start, parent, value: null };
    return { type: 'number', offset: start, length: i - start, parent, value: Number(raw) };
  };

  const container = (parent: Node | undefined): Node => {
    const isObject = text.charCodeAt(i) === 123;
    const node: Building = { type: isObject ? 'object' : 'array', offset: i, length: 0, parent, children: [] };
    const close = isObject ? 125 : 93;
    i++;
    skipWhitespace();
    while (text.charCodeAt(i) !== close) {
      if (isObject) {
        const property: Building = { type: 'property', offset: i, length: 0, parent: node, children: [] };
        const key = string(property);
        skipWhitespace();
        property.colonOffset = i++;
        const child = value(property);
        property.children!.push(key, child);
        property.length = child.offset + child.length - property.offset;
        node.children!.push(property);
      } else {
        node.children!.push(value(node));
      }
      skipWhitespace();
      if (text.charCodeAt(i) === 44 /* , */) i++;
      skipWhitespace();
    }
    i++;
    node.length = i - node.offset;
    return node;
  };

  function value(parent: Node | undefined): Node {
    skipWhitespace();
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) return container(parent);
    if (c === 34) return string(parent);
    return literal(parent);
  }

  skipWhitespace();
  return i < text.length ? value(undefined) : undefined;
}
