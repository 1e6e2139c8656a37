// jsonTree.ts imitates jsonc-parser's parseTree for text JSON.parse has accepted (it is several times faster): on
// generated JSON of every shape, the two trees must be the same node for node (type, offset, length, value, colon
// offset, children), since positions of diagnostics, hovers and fixes all come from that tree.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseWellFormedTree } from '../../server/src/engine/document/jsonTree';

/** A small seeded generator (mulberry32): the same texts on every run, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WHITESPACE = ['', ' ', '  ', '\n', '\r\n', '\t', '\n    ', ' \r\n\t '];
const NUMBERS = ['0', '-0', '7', '-12', '3.25', '-0.5', '1e3', '2E-7', '-4.5e+10', '123456789012345678901234567890', '1.7976931348623157e308'];
const STRINGS = [
  '', 'plain', 'X-Api-Key', 'with space', 'quote " inside', 'back\\slash', 'slash / solidus', 'tab\tand\nnewline',
  'unicode é ü 日本', 'emoji 😀', '${secret:TOKEN}', '\u0000 control', '\u2028 line separator',
];

/** One JSON text of `value`, written with random whitespace between tokens and random escapes in strings. */
function write(value: unknown, next: () => number): string {
  const ws = () => WHITESPACE[Math.floor(next() * WHITESPACE.length)];
  const str = (s: string) => {
    const json = JSON.stringify(s);
    // Some strings get every character escaped as \uXXXX: the tree must still hold the unescaped value.
    if (next() < 0.2) return `"${[...s].map((c) => [...c].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join('')}"`;
    return next() < 0.2 ? json.replace(/\//g, '\\/') : json;
  };
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${ws()}${value.map((v) => `${write(v, next)}${ws()}`).join(`,${ws()}`)}]`;
  const entries = (value as { entries: [string, unknown][] }).entries;
  return `{${ws()}${entries.map(([k, v]) => `${str(k)}${ws()}:${ws()}${write(v, next)}${ws()}`).join(`,${ws()}`)}}`;
}

/** A number as written (exponents, -0, long digit strings), not as JavaScript would print it. */
class RawNumber {
  constructor(readonly text: string) {}
}

/** A random value; objects are lists of entries so that keys can repeat, as they may in a file. */
function generate(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const kind = depth >= 6 ? Math.floor(next() * 4) : Math.floor(next() * 6);
  switch (kind) {
    case 0: return pick(STRINGS);
    case 1: return new RawNumber(pick(NUMBERS));
    case 2: return pick([true, false]);
    case 3: return null;
    case 4: return Array.from({ length: Math.floor(next() * 5) }, () => generate(next, depth + 1));
    default: {
      const keys = Array.from({ length: Math.floor(next() * 6) }, () => pick(STRINGS));
      if (keys.length > 1 && next() < 0.3) keys.push(keys[0]); // a duplicate key
      return { entries: keys.map((k) => [k, generate(next, depth + 1)] as [string, unknown]) };
    }
  }
}

/** A node without its parent pointer, for a deep comparison. */
function shape(node: Node | undefined): unknown {
  if (!node) return node;
  return {
    type: node.type,
    offset: node.offset,
    length: node.length,
    ...(node.value !== undefined ? { value: node.value } : {}),
    ...(node.colonOffset !== undefined ? { colonOffset: node.colonOffset } : {}),
    ...(node.children ? { children: node.children.map(shape) } : {}),
  };
}

/** Every node's parent is the node that lists it as a child. */
function assertParents(node: Node, parent: Node | undefined): void {
  assert.equal(node.parent, parent);
  for (const child of node.children ?? []) assertParents(child, node);
}

describe('jsonTree.ts agrees with jsonc-parser\'s parseTree', () => {
  test('on 2000 generated JSON texts of every shape, node for node', () => {
    const next = random(17);
    let nodes = 0;
    for (let i = 0; i < 2000; i++) {
      const text = `${WHITESPACE[i % WHITESPACE.length]}${write(generate(next, 0), next)}${WHITESPACE[(i * 7) % WHITESPACE.length]}`;
      JSON.parse(text); // the generator writes valid JSON only (jsonTree's precondition)
      const ours = parseWellFormedTree(text);
      const errors: ParseError[] = [];
      const theirs = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
      assert.deepEqual(errors, [], `jsonc-parser found errors in ${JSON.stringify(text)}`);
      assert.deepEqual(shape(ours), shape(theirs), `text ${i}: ${JSON.stringify(text)}`);
      assertParents(ours!, undefined);
      nodes += JSON.stringify(shape(ours)).split('"type"').length - 1;
    }
    assert.ok(nodes > 10_000, `only ${nodes} nodes compared: the generator is too shallow`);
  });

  test('an empty or blank text has no tree, as in jsonc-parser', () => {
    for (const text of ['', ' ', '\n\t ']) {
      assert.equal(parseWellFormedTree(text), undefined);
      assert.equal(parseTree(text, [], { allowEmptyContent: true }), undefined);
    }
  });
});
