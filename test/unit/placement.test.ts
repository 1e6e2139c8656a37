// Where schema errors go (style.md, practice 4): the value for type/enum/pattern, the key for an unknown property,
// the parent's key (or the root's first "{") for a missing property, the key of a value that spans several lines.
// Each case marks the expected ranges with ⟦…⟧ and lists the code and message found there.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JsonDocument } from '../../server/src/engine/document/jsonDocument';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { error, lint, marked, toRange, warning } from './helpers';

const HEAD = '"name": "Look up order", "description": "Look up an order by its numeric order ID.", "endpoint": "https://a.example/x"';
const METHODS = 'method must be one of GET, POST, PUT, PATCH, DELETE';

/** Asserts the findings of a ⟦marked⟧ action text: the i-th marker holds the i-th [code, message] (all errors). */
function assertPlaced(source: string, expected: [code: string, message: string][]): void {
  const { text, ranges } = marked(source);
  assert.equal(ranges.length, expected.length, 'test bug: one marker per expected finding');
  assert.deepEqual(lint('action', text), expected.map(([code, message], i) => error(code, ranges[i], message)));
}

describe('the value, for type, enum and pattern errors', () => {
  test('type', () => {
    assertPlaced(`{ ${HEAD}, "method": "GET", "pinned": ⟦"no"⟧ }`, [['wrong-type', 'pinned must be true or false; got a string ("no")']]);
  });

  test('enum, also when the value is not a string', () => {
    assertPlaced(`{ ${HEAD}, "method": ⟦"FETCH"⟧ }`, [['invalid-value', `${METHODS}; got "FETCH"`]]);
    assertPlaced(`{ ${HEAD}, "method": ⟦null⟧ }`, [['invalid-value', `${METHODS}; got null`]]);
  });

  test('pattern', () => {
    assertPlaced(`{ "name": "Look up order", "description": "Look up an order by its numeric order ID.", "method": "GET", "endpoint": ⟦"ftp://x"⟧ }`, [
      ['invalid-endpoint', 'endpoint must be a full absolute https:// URL such as "https://api.acme.com/orders/{order_id}"; got "ftp://x"'],
    ]);
  });

  test('an object value on one line: the whole value', () => {
    assertPlaced(`{ ${HEAD}, "method": "GET", "channels": ⟦{ "widget": true }⟧ }`, [['wrong-type', 'channels must be an array; got an object']]);
  });
});

describe('a value that spans several lines: its key', () => {
  test('an object value', () => {
    assertPlaced(`{ ${HEAD}, "method": "GET",\n  ⟦"body"⟧: {\n    "type": "object"\n  }\n}`, [
      ['body-not-allowed', 'body is only sent with POST, PUT or PATCH; OpenCX sends no body with GET: remove body or set it to null'],
    ]);
  });

  test('an array value', () => {
    assertPlaced(`{ ${HEAD}, "method": "GET",\n  ⟦"headers"⟧: [\n    "Accept"\n  ]\n}`, [['wrong-type', 'headers must be an object; got an array']]);
  });

  test('an array item has no key: its first character', () => {
    assertPlaced(`{ ${HEAD}, "method": "GET", "channels": [\n    ⟦{⟧\n      "name": "widget"\n    }\n  ]\n}`, [
      ['invalid-value', 'channels[0] must be one of widget, email, sms, whatsapp, phone, slack; got {"name":"widget"}'],
    ]);
  });

  test('the root: its first character', () => {
    assertPlaced('⟦[⟧\n  1\n]', [['wrong-type', 'the action must be an object; got an array']]);
  });
});

describe('keys', () => {
  test('an unknown property: its key, at any depth', () => {
    assertPlaced(`{ ${HEAD}, "method": "GET", ⟦"methd"⟧: "GET" }`, [['unknown-property', '"methd" is not a property of the action; did you mean "method"?']]);
    assertPlaced(`{ ${HEAD}, "method": "GET", "parameters": [{ "name": "id", "in": "path", ⟦"type"⟧: "x" }] }`, [
      ['unknown-property', '"type" is not a property of parameters[0]; allowed: name, in, description, required, schema, value'],
    ]);
  });

  test('a property name that breaks a pattern: the key', () => {
    assertPlaced(`{ ${HEAD}, "method": "GET", "headers": { ⟦"X Key"⟧: "1" } }`, [
      ['invalid-format', 'a header name may only contain letters, digits and !#$%&\'*+.^_`|~- (no spaces or colons); got "X Key"'],
    ]);
  });

  test('a missing property: the key of the object that misses it', () => {
    // A misspelt "magic": the header's key for the missing property, then the unknown key itself.
    assertPlaced(`{ ${HEAD}, "method": "GET", "headers": { ⟦"X-Email"⟧: { ⟦"magik"⟧: "contact.email" } } }`, [
      ['missing-property', 'headers.X-Email is missing the required property "magic".'],
      ['unknown-property', '"magik" is not a property of headers.X-Email; did you mean "magic"?'],
    ]);
  });

  test('a missing property at the root: the first "{", after leading blank lines', () => {
    const { text, ranges } = marked(`\n\n  ⟦{⟧ "name": "Look up order", "description": "Look up an order by its numeric order ID." }`);
    assert.deepEqual(lint('action', text), [
      error('missing-property', ranges[0], 'the action is missing the required property "endpoint".'),
      error('missing-property', ranges[0], 'the action is missing the required property "method".'),
    ]);
  });

  test('a missing property in an array item: the item\'s "{"', () => {
    assertPlaced(`{ ${HEAD}, "method": "GET", "parameters": [ ⟦{⟧ "name": "id" } ] }`, [['missing-property', 'parameters[0] is missing the required property "in".']]);
  });
});

describe('repeated keys and repeated items', () => {
  test('a schema error on a repeated key goes to the value JSON keeps (the last)', () => {
    const { text, ranges } = marked(`{ ${HEAD}, "method": "GET", ⟦"method"⟧: ⟦"FETCH"⟧ }`);
    assert.deepEqual(lint('action', text), [
      warning('duplicate-key', ranges[0], '"method" is already defined on line 1; JSON keeps only the last value, so the earlier one is ignored'),
      error('invalid-value', ranges[1], `${METHODS}; got "FETCH"`),
    ]);
  });

  test('an item listed twice: the later one', () => {
    assertPlaced(`{ ${HEAD}, "method": "GET", "tags": ["a", "b", ⟦"a"⟧] }`, [['duplicate-item', 'tags lists "a" twice (items 0 and 2)']]);
  });
});

describe('positions', () => {
  test('CRLF line endings', () => {
    assertPlaced(`{\r\n  ${HEAD},\r\n  "method": ⟦"FETCH"⟧\r\n}`, [['invalid-value', `${METHODS}; got "FETCH"`]]);
  });

  test('characters after a surrogate pair count in UTF-16 code units', () => {
    const source = `{ "name": "📦📦 Track parcel", "description": "Track a parcel 📦 by its number.", "endpoint": "https://a.example/x", "method": ⟦"get"⟧ }`;
    assert.equal(marked(source).ranges[0].start.character, marked(source).text.indexOf('"get"'));
    assertPlaced(source, [['invalid-value', `${METHODS}; got "get"; did you mean "GET"?`]]);
  });

  test('each schema finding carries the JSON path for quick fixes', () => {
    const text = `{ ${HEAD}, "method": "GET", "parameters": [{ "name": "id", "in": "header" }] }`;
    assert.deepEqual(lintDocument({ kind: 'action', text }).findings.map((f) => f.data), [{ path: ['parameters', 0, 'in'] }]);
  });
});

describe('JsonDocument.rangeOf moves an empty span back onto text', () => {
  test('at the end of the file, after blank space', () => {
    const text = '{ "a": \n\n';
    assert.deepEqual(new JsonDocument(text).rangeOf({ offset: text.length, length: 0 }), toRange(text, 5, 1));
  });

  test('in the middle of a token it becomes one character wide', () => {
    assert.deepEqual(new JsonDocument('{"a": 1}').rangeOf({ offset: 6, length: 0 }), toRange('{"a": 1}', 6, 1));
  });

  test('a non-empty span is kept as it is', () => {
    assert.deepEqual(new JsonDocument('{"a": 1}').rangeOf({ offset: 1, length: 3 }), toRange('{"a": 1}', 1, 3));
  });
});
