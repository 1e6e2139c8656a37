// Quick fixes of schema findings: http → https, a body on GET/DELETE, a misspelt property, a value with a
// suggestion. The exact fixed text, and each fix leaves a valid file without its finding.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FIX_PROVIDERS } from '../../../server/src/engine/fixes/providers';
import { SCHEMA_FIX_CODES, applyFix, exercisedCodes, fixesOf } from './fixHelpers';
import { ACTION_ID, CLEAN_ACTION, cleanAction, pretty } from './workspaceHelpers';

describe('insecure-endpoint fix', () => {
  test('switches http:// to https://', () => {
    const text = cleanAction({ endpoint: 'http://api.acme.com/orders/{order_id}' });
    const { fix } = applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: 'insecure-endpoint' }, cleanAction());
    assert.equal(fix.title, 'Use https://');
  });

  test('whatever the case of the scheme', () => {
    const text = cleanAction({ endpoint: 'HTTP://api.acme.com/orders/{order_id}' });
    applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: 'insecure-endpoint' }, cleanAction());
  });
});

describe('body-not-allowed fix', () => {
  test('removes the body of a DELETE, between two other properties, in a CRLF file with 4 spaces', () => {
    const text = '{\r\n    "name": "Cancel order",\r\n    "description": "Cancel an order by its numeric order ID before it ships.",\r\n    "method": "DELETE",\r\n    "body": { "reason": "string" },\r\n    "endpoint": "https://api.acme.com/orders",\r\n    "restrictedToSegments": []\r\n}\r\n';
    const expected = '{\r\n    "name": "Cancel order",\r\n    "description": "Cancel an order by its numeric order ID before it ships.",\r\n    "method": "DELETE",\r\n    "endpoint": "https://api.acme.com/orders",\r\n    "restrictedToSegments": []\r\n}\r\n';
    const { fix } = applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: 'body-not-allowed' }, expected);
    assert.equal(fix.title, 'Remove the body');
  });

  test('removes the last property of a GET', () => {
    applyFix({ files: { [ACTION_ID]: cleanAction({ body: { type: 'object' } }) }, id: ACTION_ID, code: 'body-not-allowed' }, cleanAction());
  });
});

describe('unknown-property fix', () => {
  test('renames the key to the suggestion, keeping its value', () => {
    const { method, ...rest } = CLEAN_ACTION;
    const text = pretty({ ...rest, methd: method });
    const expected = pretty({ ...rest, method });
    const { fix, after } = applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: 'unknown-property' }, expected);
    assert.equal(fix.title, 'Rename to "method"');
    assert.deepEqual(after, []);
  });

  test('inside a parameter', () => {
    const text = cleanAction({ parameters: [{ name: 'order_id', in: 'path', requird: true }] });
    applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: 'unknown-property' }, cleanAction({ parameters: [{ name: 'order_id', in: 'path', required: true }] }));
  });

  test('no rename onto a key the object already has (it would be a duplicate key)', () => {
    const files = { [ACTION_ID]: cleanAction({ methd: 'POST' }) };
    assert.deepEqual(fixesOf({ files, id: ACTION_ID, code: 'unknown-property' }).fixes, []);
  });

  test('no suggestion, no fix', () => {
    assert.deepEqual(fixesOf({ files: { [ACTION_ID]: cleanAction({ zzzzzzzz: 1 }) }, id: ACTION_ID, code: 'unknown-property' }).fixes, []);
  });
});

describe('invalid-value fix', () => {
  test('"get" → "GET"', () => {
    const { fix } = applyFix({ files: { [ACTION_ID]: cleanAction({ method: 'get' }) }, id: ACTION_ID, code: 'invalid-value' }, cleanAction());
    assert.equal(fix.title, 'Change the value to "GET"');
  });

  test('a channel', () => {
    applyFix({ files: { [ACTION_ID]: cleanAction({ channels: ['widget', 'Emial'] }) }, id: ACTION_ID, code: 'invalid-value' }, cleanAction({ channels: ['widget', 'email'] }));
  });

  test('a channel already listed is removed rather than duplicated', () => {
    const { fix } = applyFix({ files: { [ACTION_ID]: cleanAction({ channels: ['widget', 'Widget'] }) }, id: ACTION_ID, code: 'invalid-value' }, cleanAction({ channels: ['widget'] }));
    assert.equal(fix.title, 'Remove "Widget" ("widget" is already listed)');
  });

  test('no suggestion, no fix', () => {
    assert.deepEqual(fixesOf({ files: { [ACTION_ID]: cleanAction({ method: 'FETCH' }) }, id: ACTION_ID, code: 'invalid-value' }).fixes, []);
  });
});

test('every schema code with a fix provider is exercised above', () => {
  assert.deepEqual([...exercisedCodes].sort(), Object.keys(FIX_PROVIDERS).filter((code) => SCHEMA_FIX_CODES.includes(code)).sort());
});
