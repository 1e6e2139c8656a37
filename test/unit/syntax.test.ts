// JSON syntax findings: worded for people, placed on the offending token, and the only findings of a malformed file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JsonDocument } from '../../server/src/engine/document/jsonDocument';
import { syntaxFindings } from '../../server/src/engine/lint/syntax';
import { assertFindings, error, marked, rangeOfText, toRange } from './helpers';

const EMPTY = 'the file is empty: it must hold one JSON object (ask for completion here, Ctrl+Space, to insert a template)';
const VALUE_EXPECTED = 'a value is expected here (a string, number, object, array, true, false or null)';
const CLOSE_BRACE = 'a closing brace "}" is expected';
const UNTERMINATED = 'unterminated string: a closing double quote is missing';
const TRAILING_COMMA = 'trailing comma: JSON allows no "," before a closing bracket';
const COMMENT = 'comments are not allowed: action files are plain JSON';

describe('empty files', () => {
  test('an empty file: one error at the start, nothing to underline', () => {
    assertFindings('action', '', [error('json-syntax', toRange('', 0, 0), EMPTY)]);
  });

  test('a whitespace-only file: the error sits on the first character', () => {
    assertFindings('action', '  \n\t\n', [error('json-syntax', toRange('  \n\t\n', 0, 1), EMPTY)]);
  });

  test('the config gets the same message', () => {
    assertFindings('config', '\r\n', [error('json-syntax', toRange('\r\n', 0, 1), EMPTY)]);
  });
});

describe('commas', () => {
  test('a trailing comma in an object: the comma is underlined', () => {
    const { text, ranges } = marked('{\n  "name": "Look up order"⟦,⟧\n}');
    assertFindings('action', text, [error('json-syntax', ranges[0], TRAILING_COMMA)]);
  });

  test('a trailing comma in an array, and one followed by blank lines (CRLF)', () => {
    const array = marked('{"channels": ["widget"⟦,⟧]}');
    assertFindings('action', array.text, [error('json-syntax', array.ranges[0], TRAILING_COMMA)]);
    const spaced = marked('{\r\n  "a": 1 ⟦,⟧  \r\n\r\n}');
    assertFindings('action', spaced.text, [error('json-syntax', spaced.ranges[0], TRAILING_COMMA)]);
  });

  test('a missing comma: the next key is underlined', () => {
    const { text, ranges } = marked('{\n  "name": "Look up order"\n  ⟦"method"⟧: "GET"\n}');
    assertFindings('action', text, [error('json-syntax', ranges[0], 'a comma "," is expected between two entries')]);
  });
});

describe('strings, comments and other tokens', () => {
  test('an unterminated string runs to the end of its line', () => {
    const { text, ranges } = marked('{\n  "name": ⟦"Look up order⟧\n}');
    assertFindings('action', text, [error('json-syntax', ranges[0], UNTERMINATED)]);
  });

  test('a line comment and a block comment', () => {
    const line = marked('{\n  ⟦// the order lookup⟧\n  "name": "Look up order"\n}');
    assertFindings('action', line.text, [error('json-syntax', line.ranges[0], COMMENT)]);
    const block = marked('{ ⟦/* c */⟧ "name": "x" }');
    assertFindings('action', block.text, [error('json-syntax', block.ranges[0], COMMENT)]);
  });

  test('bad escapes, control characters and \\u sequences', () => {
    const escape = marked('{"name": ⟦"a\\qb"⟧}');
    assertFindings('action', escape.text, [error('json-syntax', escape.ranges[0], 'invalid escape: use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX')]);
    const tab = marked('{"name": ⟦"a\tb"⟧}');
    assertFindings('action', tab.text, [error('json-syntax', tab.ranges[0], 'control characters must be escaped inside a string')]);
    const unicode = marked('{"name": ⟦"\\u12"⟧}');
    assertFindings('action', unicode.text, [error('json-syntax', unicode.ranges[0], 'invalid \\u escape: four hexadecimal digits are expected')]);
  });

  test('two values in one file', () => {
    const { text, ranges } = marked('{} ⟦{⟧}');
    assertFindings('action', text, [error('json-syntax', ranges[0], 'the file should end here: one JSON value per file')]);
  });

  test('a file that is not JSON at all (YAML)', () => {
    const text = 'name: Look up order\nmethod: GET\n';
    assertFindings('action', text, [
      error('json-syntax', rangeOfText(text, 'name'), 'unexpected character: this is not valid JSON here'),
      error('json-syntax', rangeOfText(text, ':'), VALUE_EXPECTED),
    ]);
  });
});

describe('text truncated mid-edit', () => {
  test('inside a string value: the string, then the missing brace on its last character', () => {
    const text = '{\n  "name": "Look up order",\n  "method": "G';
    assertFindings('action', text, [
      error('json-syntax', rangeOfText(text, '"G'), UNTERMINATED),
      error('json-syntax', rangeOfText(text, 'G', 0), CLOSE_BRACE),
    ]);
  });

  test('after a colon: both errors move back from the end of the file onto the colon', () => {
    const text = '{\n  "name": "Look up order",\n  "method": \n';
    const colon = toRange(text, text.lastIndexOf(':'), 1);
    assertFindings('action', text, [error('json-syntax', colon, CLOSE_BRACE), error('json-syntax', colon, VALUE_EXPECTED)]);
  });

  test('a lone opening brace', () => {
    assertFindings('action', '{', [error('json-syntax', toRange('{', 0, 1), CLOSE_BRACE)]);
  });
});

describe('a malformed file gets only syntax findings', () => {
  test('no schema errors although name is too short, method invalid and endpoint insecure', () => {
    const text = '{\n  "name": "abc",\n  "method": "FETCH",\n  "endpoint": "http://x",\n}';
    assertFindings('action', text, [error('json-syntax', rangeOfText(text, ',', 2), TRAILING_COMMA)]);
  });

  test('no duplicate-key warnings either', () => {
    const text = '{\n  "name": "a",\n  "name": "b",\n}';
    assertFindings('action', text, [error('json-syntax', rangeOfText(text, ',', 1), TRAILING_COMMA)]);
  });

  test('a config file too', () => {
    const text = '{ "segments": ["vip" "staff"], "bogus": 1 }';
    assertFindings('config', text, [error('json-syntax', rangeOfText(text, '"staff"'), 'a comma "," is expected between two entries')]);
  });
});

describe('syntaxFindings on its own', () => {
  test('nothing for a well-formed document', () => {
    assert.deepEqual(syntaxFindings(new JsonDocument('{"name": 1}')), []);
  });

  test('the document keeps a best-effort value for other services', () => {
    const doc = new JsonDocument('{"name": "Look up order", "method": ');
    assert.equal(doc.wellFormed, false);
    assert.deepEqual({ ...(doc.value as object) }, { name: 'Look up order' });
  });
});
