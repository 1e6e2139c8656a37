// Offsets and positions (LineIndex), and the test helpers that compute expected ranges independently of it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../server/src/engine/document/text';
import { marked, positionAt, rangeOfText, toRange } from './helpers';

describe('LineIndex.positionAt', () => {
  test('LF line endings', () => {
    const lines = new LineIndex('ab\ncd\n');
    assert.equal(lines.lineCount, 3);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(5), { line: 1, character: 2 });
    assert.deepEqual(lines.positionAt(6), { line: 2, character: 0 });
  });

  test('CRLF line endings count as one line break', () => {
    const lines = new LineIndex('ab\r\ncd\r\n');
    assert.equal(lines.lineCount, 3);
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(6), { line: 1, character: 2 });
    assert.deepEqual(lines.positionAt(8), { line: 2, character: 0 });
  });

  test('an offset between the \\r and the \\n of a CRLF is the end of its line, never past it', () => {
    const lines = new LineIndex('ab\r\ncd\r\n');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(7), { line: 1, character: 2 });
    assert.deepEqual(lines.rangeOf({ offset: 1, length: 2 }), { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
    assert.deepEqual(new LineIndex('\r\n').positionAt(1), { line: 0, character: 0 });
    assert.deepEqual(positionAt('ab\r\ncd', 3), { line: 0, character: 2 }, 'the test helper agrees');
  });

  test('CR-only line endings (classic Mac)', () => {
    const lines = new LineIndex('ab\rcd\r\re');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(7), { line: 3, character: 0 });
    assert.deepEqual(lines.positionAt(8), { line: 3, character: 1 });
  });

  test('mixed line endings', () => {
    const lines = new LineIndex('a\nb\r\nc\rd');
    assert.deepEqual([2, 5, 7].map((o) => lines.positionAt(o)), [
      { line: 1, character: 0 },
      { line: 2, character: 0 },
      { line: 3, character: 0 },
    ]);
  });

  test('positions at and beyond the end of the file are clamped to the end', () => {
    const lines = new LineIndex('{\n  "a": 1\n}');
    assert.deepEqual(lines.positionAt(12), { line: 2, character: 1 });
    assert.deepEqual(lines.positionAt(500), { line: 2, character: 1 });
    assert.deepEqual(lines.positionAt(-3), { line: 0, character: 0 });
  });

  test('an empty text has one empty line', () => {
    const lines = new LineIndex('');
    assert.equal(lines.lineCount, 1);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.equal(lines.offsetAt({ line: 3, character: 3 }), 0);
  });

  test('characters are UTF-16 code units: a surrogate pair counts twice', () => {
    const text = '{"name": "📦 box", "x": 1}';
    const lines = new LineIndex(text);
    const x = text.indexOf('"x"');
    assert.equal(x, 19);
    assert.deepEqual(lines.positionAt(x), { line: 0, character: 19 });
    assert.deepEqual(lines.rangeOf({ offset: 9, length: 8 }), { start: { line: 0, character: 9 }, end: { line: 0, character: 17 } });
  });
});

describe('LineIndex.offsetAt', () => {
  test('round-trips every offset of a text with all three line endings and a surrogate pair', () => {
    const text = 'a😀\r\nbc\rd\n\ne';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      // The middle of a CRLF pair is not a position a client can name.
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `offset ${offset}`);
    }
  });

  test('a character past the end of a line means the end of that line, before its line break', () => {
    assert.equal(new LineIndex('ab\ncd').offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(new LineIndex('ab\r\ncd').offsetAt({ line: 0, character: 3 }), 2);
    assert.equal(new LineIndex('ab\rcd').offsetAt({ line: 0, character: 3 }), 2);
    assert.equal(new LineIndex('ab\ncd').offsetAt({ line: 1, character: 99 }), 5);
  });

  test('lines before the start and after the end', () => {
    const lines = new LineIndex('ab\ncd');
    assert.equal(lines.offsetAt({ line: -1, character: 1 }), 0);
    assert.equal(lines.offsetAt({ line: 7, character: 0 }), 5);
    assert.equal(lines.offsetAt({ line: 1, character: -4 }), 3);
  });
});

describe('test helpers compute ranges independently', () => {
  test('toRange across CRLF, LF and CR', () => {
    const text = '{\r\n "a":\n\r 1}';
    assert.deepEqual(positionAt(text, 3), { line: 1, character: 0 });
    assert.deepEqual(toRange(text, 11, 1), { start: { line: 3, character: 1 }, end: { line: 3, character: 2 } });
    assert.deepEqual(toRange(text, 11, 1), new LineIndex(text).rangeOf({ offset: 11, length: 1 }));
  });

  test('rangeOfText picks the n-th occurrence', () => {
    const text = '{"a": "x",\n "b": "x"}';
    assert.deepEqual(rangeOfText(text, '"x"', 1), { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } });
    assert.throws(() => rangeOfText(text, '"x"', 2), /occurrence 2/);
  });

  test('marked strips the markers and returns their ranges', () => {
    const { text, ranges } = marked('{\n  ⟦"a"⟧: ⟦[]⟧\n}');
    assert.equal(text, '{\n  "a": []\n}');
    assert.deepEqual(ranges, [toRange(text, 4, 3), toRange(text, 9, 2)]);
  });
});
