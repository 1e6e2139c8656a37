// Duplicate keys: a warning on the later key that names the line of the first; and the cheap pre-check.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JsonDocument, mayHaveDuplicateKeys } from '../../server/src/engine/document/jsonDocument';
import { duplicateKeyFindings } from '../../server/src/engine/lint/syntax';
import { actionText, assertFindings, comparable, error, rangeOfText, warning } from './helpers';

function duplicateMessage(key: string, line: number): string {
  return `"${key}" is already defined on line ${line}; JSON keeps only the last value, so the earlier one is ignored`;
}

describe('duplicate keys', () => {
  test('a top-level key twice: a warning on the second key, naming the (1-based) line of the first', () => {
    const text = actionText().replace('"method": "GET"', '"method": "POST",\n  "method": "GET"');
    assertFindings('action', text, [warning('duplicate-key', rangeOfText(text, '"method"', 1), duplicateMessage('method', 4))]);
  });

  test('inside a nested object: only that object counts', () => {
    const text = actionText({ headers: { Accept: 'application/json', Other: 'x' } }).replace('"Other"', '"Accept"');
    assertFindings('action', text, [warning('duplicate-key', rangeOfText(text, '"Accept"', 1), duplicateMessage('Accept', 7))]);
  });

  test('inside an array item', () => {
    const text = actionText({ parameters: [{ name: 'order_id', in: 'path', value: 1 }] }).replace('"value"', '"name"');
    const findings = comparable(duplicateKeyFindings(new JsonDocument(text)));
    assert.deepEqual(findings, [warning('duplicate-key', rangeOfText(text, '"name"', 2), duplicateMessage('name', 8))]);
  });

  test('three times: each repeat points back at the first', () => {
    const text = '{\n"a": 1,\n"a": 2,\n"a": 3\n}';
    assert.deepEqual(comparable(duplicateKeyFindings(new JsonDocument(text))), [
      warning('duplicate-key', rangeOfText(text, '"a"', 1), duplicateMessage('a', 2)),
      warning('duplicate-key', rangeOfText(text, '"a"', 2), duplicateMessage('a', 2)),
    ]);
  });

  test('the same key in two different objects is not a duplicate', () => {
    const text = actionText({ headers: { name: 'x' }, parameters: [{ name: 'a', in: 'query' }, { name: 'b', in: 'query' }] });
    assertFindings('action', text, []);
  });

  test('a duplicate comes with the schema findings of the value JSON keeps', () => {
    const text = actionText().replace('"method": "GET"', '"method": "GET",\n  "method": "FETCH"');
    assertFindings('action', text, [
      warning('duplicate-key', rangeOfText(text, '"method"', 1), duplicateMessage('method', 4)),
      error('invalid-value', rangeOfText(text, '"FETCH"'), 'method must be one of GET, POST, PUT, PATCH, DELETE; got "FETCH"'),
    ]);
  });

  test('duplicateKeyFindings also works on a malformed document (the tree still has both keys)', () => {
    const text = '{\n  "name": "a",\n  "name": "b",\n}';
    assert.deepEqual(comparable(duplicateKeyFindings(new JsonDocument(text))), [
      warning('duplicate-key', rangeOfText(text, '"name"', 1), duplicateMessage('name', 2)),
    ]);
  });
});

describe('mayHaveDuplicateKeys', () => {
  test('true when a key repeats, at any depth', () => {
    assert.equal(mayHaveDuplicateKeys(new JsonDocument('{"a": 1, "a": 2}')), true);
    assert.equal(mayHaveDuplicateKeys(new JsonDocument('[{"x": {"b": 1, "b": 1}}]')), true);
  });

  test('false without repeats, and false for a malformed document (the tree check handles it)', () => {
    assert.equal(mayHaveDuplicateKeys(new JsonDocument('{"a": {"a": 1}, "b": [{"a": 2}]}')), false);
    assert.equal(mayHaveDuplicateKeys(new JsonDocument('{"a": 1, "a": 2')), false);
  });

  test('a string value containing `":` is not mistaken for a key', () => {
    const text = '{\n  "name": "say \\":hi",\n  "description": "x\\": y\\\\",\n  "tags": ["a\\":", "b"]\n}';
    const doc = new JsonDocument(text);
    assert.equal(doc.wellFormed, true);
    assert.equal(mayHaveDuplicateKeys(doc), false);
    assert.deepEqual(duplicateKeyFindings(doc), []);
  });

  test('escaped quotes and backslashes before a colon inside values', () => {
    const doc = new JsonDocument('{"a": "\\\\", "b": "\\\\\\":"}');
    assert.deepEqual(doc.value, { a: '\\', b: '\\":' });
    assert.equal(mayHaveDuplicateKeys(doc), false);
  });
});
