import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex, type Range, type Span } from './text';

export type JsonPath = (string | number)[];

/**
 * One JSON text, parsed for both speed and positions.
 *
 * The value comes from `JSON.parse` when the text is valid (the fast path); the jsonc-parser tree that
 * gives positions is built only when something needs a position, so a valid file never pays for it.
 */
export class JsonDocument {
  private treeCache: Node | undefined | null = null;
  private linesCache: LineIndex | undefined;
  private syntaxErrorsCache: ParseError[] | undefined;
  readonly value: unknown;
  /** False when the text is not valid JSON; `value` is then jsonc-parser's best-effort recovery. */
  readonly wellFormed: boolean;

  constructor(readonly text: string) {
    let value: unknown;
    let wellFormed = true;
    try {
      value = JSON.parse(text);
    } catch {
      wellFormed = false;
      value = this.tree ? getNodeValue(this.tree) : undefined;
    }
    this.value = value;
    this.wellFormed = wellFormed;
  }

  get lines(): LineIndex {
    return (this.linesCache ??= new LineIndex(this.text));
  }

  /** The jsonc-parser tree, built on first use; undefined for an empty text. */
  get tree(): Node | undefined {
    if (this.treeCache === null) {
      const errors: ParseError[] = [];
      this.treeCache = parseTree(this.text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
      this.syntaxErrorsCache = errors;
    }
    return this.treeCache;
  }

  get syntaxErrors(): ParseError[] {
    if (this.wellFormed) return [];
    void this.tree;
    return this.syntaxErrorsCache ?? [];
  }

  nodeAt(path: JsonPath): Node | undefined {
    const root = this.tree;
    if (!root) return undefined;
    if (path.length === 0) return root;
    return findNodeAtLocation(root, path);
  }

  /** The key node of the property whose value is `node`, when `node` is a property value. */
  keyOf(node: Node): Node | undefined {
    const parent = node.parent;
    if (parent?.type === 'property' && parent.children?.[1] === node) return parent.children[0];
    return undefined;
  }

  /** The key node of `propertyName` inside the object `objectNode`, the last one when it is duplicated. */
  keyNodeIn(objectNode: Node, propertyName: string): Node | undefined {
    let found: Node | undefined;
    for (const property of objectNode.children ?? []) {
      const key = property.children?.[0];
      if (key && key.value === propertyName) found = key;
    }
    return found;
  }

  rangeOfNode(node: Node): Range {
    return this.rangeOf({ offset: node.offset, length: node.length });
  }

  /** Range of a span, moved back onto visible text when it would be empty (end of file, for instance). */
  rangeOf(span: Span): Range {
    let { offset, length } = span;
    if (length === 0) {
      if (offset >= this.text.length && this.text.length > 0) offset = this.text.length - 1;
      while (offset > 0 && /\s/.test(this.text[offset] ?? '')) offset--;
      length = this.text.length > 0 ? 1 : 0;
    }
    return this.lines.rangeOf({ offset, length });
  }
}

/** Counts the keys of every object in a parsed value. */
function countKeys(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 0;
    for (const item of value) n += countKeys(item);
    return n;
  }
  if (value !== null && typeof value === 'object') {
    let n = 0;
    for (const key in value) n += 1 + countKeys((value as Record<string, unknown>)[key]);
    return n;
  }
  return 0;
}

const STRING_TOKEN = /"(?:[^"\\]|\\.)*"(\s*:)?/g;

/**
 * Cheap test for duplicate keys in a well-formed text: JSON.parse keeps only the last of two equal keys, so
 * the parsed value has fewer keys than the text has `"…":` tokens exactly when a key is repeated.
 * Every match consumes one whole string token, so the scan cannot get out of step inside a string.
 */
export function mayHaveDuplicateKeys(doc: JsonDocument): boolean {
  if (!doc.wellFormed) return false;
  let keyTokens = 0;
  STRING_TOKEN.lastIndex = 0;
  for (let m = STRING_TOKEN.exec(doc.text); m; m = STRING_TOKEN.exec(doc.text)) if (m[1] !== undefined) keyTokens++;
  return keyTokens !== countKeys(doc.value);
}
