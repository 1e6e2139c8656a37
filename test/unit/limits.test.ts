// Big and pathological inputs: the engine answers, with findings, instead of throwing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_NESTING_DEPTH, offsetBeyondDepth } from '../../server/src/engine/document/jsonDocument';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { actionText, error, lint, toRange } from './helpers';

const TOO_DEEP = `objects and arrays are nested more than ${MAX_NESTING_DEPTH} levels deep here; the file is not checked further`;

/** An action of about `megabytes` MB: many static query parameters. */
function bigAction(megabytes: number): string {
  const parameter = { name: 'p', in: 'query', description: 'A static query parameter of a big generated action.', value: 'x'.repeat(40) };
  const count = Math.ceil((megabytes * 1024 * 1024) / (JSON.stringify(parameter, null, 2).length + 8));
  return actionText({ parameters: Array.from({ length: count }, (_, i) => ({ ...parameter, name: `p${i}` })) });
}

describe('a 5 MB action file', () => {
  const text = bigAction(5);

  test('is linted without findings when valid', () => {
    assert.ok(text.length >= 5 * 1024 * 1024, `only ${text.length} characters`);
    assert.deepEqual(lint('action', text), []);
  });

  test('an error near its end is placed exactly', () => {
    const at = text.lastIndexOf('"query"');
    const broken = `${text.slice(0, at)}"body"${text.slice(at + '"query"'.length)}`;
    const offset = broken.lastIndexOf('"body"');
    const last = (JSON.parse(text) as { parameters: unknown[] }).parameters.length - 1;
    assert.deepEqual(lint('action', broken), [
      error('invalid-value', toRange(broken, offset, 6), `parameters[${last}].in must be one of path, query; got "body"`),
    ]);
  });

  test('a syntax error in it is reported on the comma', () => {
    const broken = text.replace(/\n  \]\n}$/, ',\n  ]\n}');
    const offset = broken.lastIndexOf(',');
    assert.deepEqual(lint('action', broken), [error('json-syntax', toRange(broken, offset, 1), 'trailing comma: JSON allows no "," before a closing bracket')]);
  });
});

describe('deep nesting', () => {
  test('a malformed file 10,000 levels deep: one finding on the first bracket past the limit', () => {
    const text = '{"a": '.repeat(10_000);
    const offset = MAX_NESTING_DEPTH * '{"a": '.length;
    assert.equal(text[offset], '{');
    assert.deepEqual(lint('action', text), [error('json-syntax', toRange(text, offset, 1), TOO_DEEP)]);
  });

  test('a well-formed body 10,000 levels deep is reported, not parsed', () => {
    const body = '['.repeat(10_000) + ']'.repeat(10_000);
    const text = actionText({ method: 'POST' }).replace(/\n}$/, `,\n  "body": ${body}\n}`);
    const offset = text.indexOf('[') + MAX_NESTING_DEPTH - 1; // the action object itself is the first level
    const result = lintDocument({ kind: 'action', text });
    assert.deepEqual(result.findings.map((f) => [f.code, f.range]), [['json-syntax', toRange(text, offset, 1)]]);
    assert.equal(result.document.tree, undefined);
    assert.equal(result.document.value, undefined);
  });

  test('nesting exactly at the limit is still checked; one level more is not', () => {
    const bodyAt = (levels: number): string => '{"a": '.repeat(levels) + '1' + '}'.repeat(levels);
    const atLimit = actionText().replace(/\n}$/, `,\n  "body": ${bodyAt(MAX_NESTING_DEPTH - 1)}\n}`);
    const body = atLimit.slice(atLimit.indexOf('{"a"'), atLimit.lastIndexOf('\n}'));
    assert.deepEqual(lint('action', atLimit), [
      error('body-not-allowed', toRange(atLimit, atLimit.indexOf(body), body.length), 'body is only sent with POST, PUT or PATCH; OpenCX sends no body with GET: remove body or set it to null'),
    ]);
    const beyond = actionText().replace(/\n}$/, `,\n  "body": ${bodyAt(MAX_NESTING_DEPTH)}\n}`);
    assert.deepEqual(lint('action', beyond).map((f) => f.message), [TOO_DEEP]);
  });

  test('brackets inside strings do not count', () => {
    const text = actionText({ description: `Look up an order; the id looks like ${'[{'.repeat(2_000)}` });
    assert.deepEqual(lint('action', text), []);
  });

  test('offsetBeyondDepth skips strings with escaped quotes, and ends an unterminated string at its line', () => {
    assert.equal(offsetBeyondDepth('[[[', 2), 2);
    assert.equal(offsetBeyondDepth('[[]][[]]', 2), undefined);
    assert.equal(offsetBeyondDepth('["\\"[[", [[', 2), 10);
    assert.equal(offsetBeyondDepth('["a\\\\", [[', 2), 9);
    assert.equal(offsetBeyondDepth('["unterminated\n[[', 2), 16);
    assert.equal(offsetBeyondDepth('}}]][[', 2), undefined);
  });
});
