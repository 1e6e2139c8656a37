import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseWellFormedTree } from './jsonTree';
import { LineIndex, type Range, type Span } from './text';

export type JsonPath = (string | number)[];

/**
 * Deeper nesting than this is reported, not parsed: jsonc-parser and the tree walkers recurse, and a few
 * thousand levels overflow the stack. No hand-written action or config comes near it (RFC 8259 §9 allows a limit).
 */
export const MAX_NESTING_DEPTH = 512;

/** Objects with more properties than this get a key index for lookups (smaller ones are scanned). */
const KEY_INDEX_MIN = 32;

/** Marks a value still to be recovered from a malformed text. */
const RECOVER = Symbol('recover');

/**
 * The top-level properties whose places are kept when the tree is released: what other files' findings point at
 * (a partner's `name` in description-overlap and duplicate-action-name) and what the editor shows first.
 */
const KEPT_KEYS = ['name', 'description', 'headers'] as const;

/**
 * A stand-in for a top-level property's value node once the tree is released: its offsets and type, its key, and
 * both ranges already in line/character form, so that placing it needs neither the tree nor the line index.
 */
interface KeptNode extends Node {
  keptRange: Range;
}

/**
 * One JSON text, parsed for both speed and positions.
 *
 * The value comes from `JSON.parse` when the text is valid (the fast path); the tree that gives positions is
 * built only when something needs a position, so a valid file with nothing to report never pays for it.
 */
export class JsonDocument {
  private treeCache: Node | undefined | null = null;
  private linesCache: LineIndex | undefined;
  private syntaxErrorsCache: ParseError[] | undefined;
  private valueCache: unknown;
  private readonly keyIndexes = new WeakMap<Node, Map<string, Node>>();
  /** After releaseTree(): the kept top-level properties' value nodes, by key (see KEPT_KEYS). */
  private kept: Map<string, KeptNode> | undefined;
  /** False when the text is not valid JSON; `value` is then jsonc-parser's best-effort recovery. */
  readonly wellFormed: boolean;
  /** Offset of the bracket that opens a level deeper than MAX_NESTING_DEPTH; such a text has no value and no tree. */
  readonly tooDeepAt: number | undefined;

  /** Number of object keys in `value` (well-formed texts only), for the duplicate-key test. */
  readonly keyCount: number = 0;

  constructor(readonly text: string) {
    let value: unknown;
    let parsed = true;
    // A malformed text makes JSON.parse throw, and capturing the stack of that SyntaxError costs more than the
    // parse itself; nothing reads it, so none is captured (restored at once, no await in between).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      value = JSON.parse(text); // V8's JSON parser is iterative: any depth is safe here
    } catch {
      parsed = false;
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    // Our own walks recurse, so nesting is checked before anything walks: from the value when it parsed (cheap),
    // from the text otherwise (jsonc-parser recurses too).
    const shape = parsed ? measure(value) : undefined;
    this.tooDeepAt = !parsed || shape!.depth > MAX_NESTING_DEPTH ? offsetBeyondDepth(text, MAX_NESTING_DEPTH) : undefined;
    if (this.tooDeepAt !== undefined) {
      this.treeCache = undefined;
      this.syntaxErrorsCache = [];
      this.wellFormed = false;
      return;
    }
    this.wellFormed = parsed;
    this.keyCount = shape?.keys ?? 0;
    this.valueCache = parsed ? value : RECOVER;
  }

  /** The parsed value; for malformed text, what jsonc-parser recovers (computed on first use). */
  get value(): unknown {
    if (this.valueCache === RECOVER) this.valueCache = this.tree ? getNodeValue(this.tree) : undefined;
    return this.valueCache;
  }

  get lines(): LineIndex {
    return (this.linesCache ??= new LineIndex(this.text));
  }

  /**
   * The position tree (jsonc-parser's Node shape), built on first use; undefined for an empty text. Valid JSON
   * gets the fast strict builder; malformed text gets jsonc-parser, which recovers and reports the errors.
   */
  get tree(): Node | undefined {
    if (this.treeCache === null) {
      if (this.wellFormed) {
        this.treeCache = parseWellFormedTree(this.text);
        this.syntaxErrorsCache = [];
      } else {
        const errors: ParseError[] = [];
        this.treeCache = parseTree(this.text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
        this.syntaxErrorsCache = errors;
      }
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
    if (this.treeCache === null && this.kept && path.length === 1 && typeof path[0] === 'string' && this.isKept(path[0])) {
      return this.kept.get(path[0]);
    }
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
    const children = objectNode.children ?? [];
    if (children.length > KEY_INDEX_MIN) return this.keyIndexOf(objectNode, children).get(propertyName);
    let found: Node | undefined;
    for (const property of children) {
      const key = property.children?.[0];
      if (key && key.value === propertyName) found = key;
    }
    return found;
  }

  /**
   * Keys by name in a large object, built on the first lookup: findings placed in an object with thousands of
   * properties (one schema error per field) would otherwise scan it once each, quadratic in the file's size.
   */
  private keyIndexOf(objectNode: Node, children: Node[]): Map<string, Node> {
    let index = this.keyIndexes.get(objectNode);
    if (!index) {
      index = new Map();
      for (const property of children) {
        const key = property.children?.[0];
        if (key && typeof key.value === 'string') index.set(key.value, key); // the last of equal keys wins
      }
      this.keyIndexes.set(objectNode, index);
    }
    return index;
  }

  /** The key of the property at `path`, or its whole value when it has no key; undefined when the path is absent. */
  keyRangeAt(path: JsonPath): Range | undefined {
    const node = this.nodeAt(path);
    return node ? this.rangeOfNode(this.keyOf(node) ?? node) : undefined;
  }

  rangeOfNode(node: Node): Range {
    const kept = (node as Partial<KeptNode>).keptRange;
    if (kept && (node.type === 'property' || node.parent?.type === 'property')) return kept;
    return this.rangeOf({ offset: node.offset, length: node.length });
  }

  /**
   * Drops the position tree and the line index (a closed file's findings are placed and published; keeping them
   * for 10,000 files costs ~140 MB). The places of `name`, `description` and `headers` are kept, read from the tree
   * before it goes, so other files' findings can still point at them; anything else rebuilds the tree on demand.
   * A malformed text keeps its tree: its value and syntax errors come from it.
   */
  releaseTree(): void {
    if (!this.wellFormed || !this.treeCache) return;
    const kept = new Map<string, KeptNode>();
    for (const key of KEPT_KEYS) {
      const value = this.nodeAt([key]);
      const keyNode = value && this.keyOf(value);
      if (!value || !keyNode) continue;
      // jsonc-parser's Node is read-only: the property is built first, its children linked to it afterwards.
      const children: Node[] = [];
      const property: Node = { type: 'property', offset: keyNode.offset, length: value.offset + value.length - keyNode.offset, children };
      const scalar = value.type !== 'object' && value.type !== 'array';
      children.push(
        { type: 'string', value: key, offset: keyNode.offset, length: keyNode.length, parent: property, keptRange: this.rangeOfNode(keyNode) } as KeptNode,
        { type: value.type, ...(scalar ? { value: value.value } : {}), offset: value.offset, length: value.length, parent: property, keptRange: this.rangeOfNode(value) } as KeptNode,
      );
      kept.set(key, children[1] as KeptNode);
    }
    this.kept = kept;
    this.treeCache = null;
    this.linesCache = undefined;
  }

  /** Whether the tree is held (built and not released). */
  get hasTree(): boolean {
    return this.treeCache !== null;
  }

  private isKept(key: string): boolean {
    return (KEPT_KEYS as readonly string[]).includes(key);
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

/**
 * Counts the keys of every object in a parsed value and its deepest nesting, without recursion. Two parallel
 * stacks (values, levels) instead of a pair per value: a 50 MB file has millions of values.
 */
function measure(root: unknown): { keys: number; depth: number } {
  let keys = 0;
  let depth = 0;
  const values: unknown[] = [root];
  const levels: number[] = [1];
  while (values.length) {
    const value = values.pop();
    const level = levels.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (level > depth) depth = level;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item !== null && typeof item === 'object') {
          values.push(item);
          levels.push(level + 1);
        }
      }
    } else {
      for (const key in value) {
        keys++;
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') {
          values.push(item);
          levels.push(level + 1);
        }
      }
    }
  }
  return { keys, depth };
}

/**
 * Whether a well-formed text repeats a key in some object. JSON.parse keeps only the last of two equal keys, so
 * the parsed value has fewer keys than the text has key-closing quotes (`"` then `:`) exactly when one repeats.
 * In valid JSON a `"` that is not escaped ends a string, and one followed by `:` ends a key; a colon inside a
 * string has no unescaped quote before it.
 */
export function mayHaveDuplicateKeys(doc: JsonDocument): boolean {
  if (!doc.wellFormed) return false;
  const text = doc.text;
  let keyTokens = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let i = colon - 1;
    while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 9)) i--;
    if (text.charCodeAt(i) !== 34) continue;
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) keyTokens++;
  }
  return keyTokens !== doc.keyCount;
}
