// Large files: the position tree is lazy, and lookups in objects with many keys use an index. Both must find the
// same nodes as a plain scan (the last of duplicated keys, as JSON.parse keeps it).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { JsonDocument } from '../../server/src/engine/document/jsonDocument';

function wideObject(count: number, duplicate: string): string {
  const fields = Array.from({ length: count }, (_, i) => `"f${i}": { "type": ${i % 2 ? '"string"' : 5} }`);
  return `{\r\n  "properties": {\r\n    ${fields.join(',\r\n    ')},\r\n    "${duplicate}": [1, {"x": "y\\"z"}]\r\n  }\r\n}`;
}

describe('large documents', () => {
  test('in an object with many keys, nodeAt finds each key, the last of two equal ones', () => {
    const text = wideObject(500, 'f7');
    const document = new JsonDocument(text);
    const last = document.nodeAt(['properties', 'f7'])!;
    assert.equal(last.type, 'array');
    assert.equal(text.slice(last.offset, last.offset + last.length), '[1, {"x": "y\\"z"}]');
    const tree = parseTree(text)!;
    for (const i of [0, 1, 250, 499]) {
      const ours = document.nodeAt(['properties', `f${i}`, 'type'])!;
      const theirs = findNodeAtLocation(tree, ['properties', `f${i}`, 'type'])!;
      assert.deepEqual([ours.type, ours.offset, ours.length, ours.value], [theirs.type, theirs.offset, theirs.length, theirs.value]);
    }
    assert.equal(document.nodeAt(['properties', 'missing']), undefined);
  });

  test('the lazy tree, read in full, is the tree jsonc-parser builds (types, offsets, lengths, values, colons)', () => {
    const text = wideObject(40, 'f3');
    const strip = (node: ReturnType<typeof parseTree>): unknown => node && {
      type: node.type, offset: node.offset, length: node.length, value: node.type === 'object' || node.type === 'array' || node.type === 'property' ? undefined : node.value,
      colonOffset: node.colonOffset, children: node.children?.map(strip),
    };
    assert.deepEqual(strip(new JsonDocument(text).tree), strip(parseTree(text)));
  });
});
