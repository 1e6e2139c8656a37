// JSON pointers from ajv to paths in the document, and paths to the labels messages use.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatJsonPath } from '../../server/src/engine/document/jsonPath';
import { describeValue, pathLabel } from '../../server/src/engine/schema/messages';
import { pointerToPath, valueAtPath } from '../../server/src/engine/schema/placement';
import { locationLabel } from '../../server/src/engine/resolve/display';
import { actionText, error, lint, rangeOfText } from './helpers';

describe('pointerToPath', () => {
  test('the root', () => {
    assert.deepEqual(pointerToPath('', { a: 1 }), []);
  });

  test('array indexes become numbers, object keys stay strings', () => {
    const root = { parameters: [{ in: 'header' }], headers: { '0': 'zero' } };
    assert.deepEqual(pointerToPath('/parameters/0/in', root), ['parameters', 0, 'in']);
    assert.deepEqual(pointerToPath('/headers/0', root), ['headers', '0']);
  });

  test('~1 decodes to "/" and ~0 to "~" (RFC 6901), in that order', () => {
    const root = { headers: { 'a/b~c': 1, '~1': 2 } };
    assert.deepEqual(pointerToPath('/headers/a~1b~0c', root), ['headers', 'a/b~c']);
    assert.deepEqual(pointerToPath('/headers/~01', root), ['headers', '~1']);
  });

  test('a pointer past the value keeps its segments as keys', () => {
    assert.deepEqual(pointerToPath('/missing/0/x', {}), ['missing', '0', 'x']);
  });
});

describe('valueAtPath', () => {
  const root = { parameters: [{ name: 'id' }], body: null };

  test('follows keys and indexes', () => {
    assert.equal(valueAtPath(root, ['parameters', 0, 'name']), 'id');
    assert.equal(valueAtPath(root, []), root);
  });

  test('undefined below a scalar or null', () => {
    assert.equal(valueAtPath(root, ['body', 'type']), undefined);
    assert.equal(valueAtPath(root, ['parameters', 0, 'name', 'x']), undefined);
  });
});

describe('pathLabel', () => {
  test('the subject for the root', () => {
    assert.equal(pathLabel([], 'action'), 'the action');
    assert.equal(pathLabel([], 'config'), 'opencx.config.json');
  });

  test('plain keys (header names too) after dots, other keys quoted in brackets, indexes in brackets', () => {
    assert.equal(pathLabel(['parameters', 0, 'in'], 'action'), 'parameters[0].in');
    assert.equal(pathLabel(['headers', 'X-Api-Key'], 'action'), 'headers.X-Api-Key');
    assert.equal(pathLabel(['headers', 'a/b~c', 'magic'], 'action'), 'headers["a/b~c"].magic');
    assert.equal(pathLabel(['$schema'], 'action'), '$schema');
    assert.equal(pathLabel(['headers', 'X.Odd Name'], 'action'), 'headers["X.Odd Name"]');
    assert.equal(pathLabel(['parameters', '0day'], 'action'), 'parameters["0day"]');
  });

  // Diagnostics (pathLabel) and hovers and plans (locationLabel) used to spell a header `headers["X-Email"]` in
  // one place and `headers.X-Email` in the other.
  test('diagnostics, hovers and plans spell the same place the same way', () => {
    const paths: (string | number)[][] = [
      ['headers', 'X-Email'], ['environments', 'staging', 'globalVariables', 'X-Shop-Region'], ['parameters', 2, 'value'],
      ['contacts', 'jane-vip', 'headers', 'X-Tier'], ['headers', 'a/b~c', 'magic'],
    ];
    for (const path of paths) {
      assert.equal(pathLabel(path, 'action'), formatJsonPath(path));
      assert.equal(locationLabel({ file: '/w/a.action.json', path }), `a.action.json › ${pathLabel(path, 'config')}`);
    }
  });
});

describe('describeValue', () => {
  test('each JSON type', () => {
    assert.equal(describeValue(null), 'null');
    assert.equal(describeValue([1]), 'an array');
    assert.equal(describeValue({}), 'an object');
    assert.equal(describeValue(3.5), 'a number (3.5)');
    assert.equal(describeValue(false), 'false');
    assert.equal(describeValue('GET'), 'a string ("GET")');
    assert.equal(describeValue(undefined), 'nothing');
  });

  test('long strings are cut to 60 characters', () => {
    assert.equal(describeValue('x'.repeat(61)), `a string ("${'x'.repeat(57)}...")`);
    assert.equal(describeValue('x'.repeat(60)), `a string ("${'x'.repeat(60)}")`);
  });
});

test('a header name with "/" and "~" is found again in the text from its escaped pointer', () => {
  const text = actionText({ headers: { 'a/b~c': 5 } });
  assert.deepEqual(lint('action', text), [
    error('invalid-format', rangeOfText(text, '"a/b~c"'), 'a header name may only contain letters, digits and !#$%&\'*+.^_`|~- (no spaces or colons); got "a/b~c"'),
    error('wrong-type', rangeOfText(text, '5'), 'headers["a/b~c"] must be a string or a magic field { "magic": "contact.email" }; got a number (5)'),
  ]);
});
