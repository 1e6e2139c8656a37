import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex, type Range, type Span } from './text';

export type JsonPath = (string | number)[];

/**
 * Deeper nesting than this is reported, not parsed: jsonc-parser and the tree walkers recurse, and a few
 * thousand levels overflow the stack. No hand-written action or config comes near it (RFC 8259 §9 allows a limit).
 */
export const MAX_NESTING_DEPTH = 512;

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
  /** Offset of the bracket that opens a level deeper than MAX_NESTING_DEPTH; such a text has no value and no tree. */
  readonly tooDeepAt: number | undefined;

  constructor(readonly text: string) {
    this.tooDeepAt = offsetBeyondDepth(text, MAX_NESTING_DEPTH);
    if (this.tooDeepAt !== undefined) {
      this.treeCache = undefined;
      this.syntaxErrorsCache = [];
      this.value = undefined;
      this.wellFormed = false;
      return;
    }
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

  /**
   * The value node at `path`. Where a key is repeated it follows the last one, whose value is the one JSON.parse
   * keeps and the schema judged (jsonc-parser's findNodeAtLocation would follow the first).
   */
  nodeAt(path: JsonPath): Node | undefined {
    let node = this.tree;
    for (const segment of path) {
      if (!node) return undefined;
      if (typeof segment === 'number') node = node.type === 'array' ? node.children?.[segment] : undefined;
      else node = node.type === 'object' ? this.keyNodeIn(node, segment)?.parent?.children?.[1] : undefined;
    }
    return node;
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

/** The offset of the first `{` or `[` that opens level `limit + 1`, skipping strings; undefined when none does. */
export function offsetBeyondDepth(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      // A string ends at its closing quote, or at a line break when it is unterminated (as jsonc-parser reads it).
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 92 /* \ */) i++;
        else if (c === 34 || c === 10 || c === 13) break;
      }
    } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > limit) return i;
    } else if ((ch === 125 /* } */ || ch === 93 /* ] */) && depth > 0) {
      depth--;
    }
  }
  return undefined;
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
