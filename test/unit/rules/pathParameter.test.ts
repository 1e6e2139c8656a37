// path-parameter-mismatch: {placeholders} without a path parameter, path parameters the endpoint does not use, and
// path parameters that are not required.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { error, rangeAfter, rangeOfText, toRange } from '../helpers';
import { cleanAction, lintAction } from './workspaceHelpers';

const CODE = 'path-parameter-mismatch';
const ORDER_ID = { name: 'order_id', in: 'path', description: 'Numeric order ID', required: true, schema: { type: 'integer' } };

describe('path-parameter-mismatch', () => {
  test('a {placeholder} without a path parameter: on the placeholder inside the endpoint', () => {
    const text = cleanAction({ endpoint: 'https://api.acme.com/orders/{order_id}/items/{item_id}' });
    assert.deepEqual(lintAction(text, CODE), [
      error(CODE, rangeOfText(text, '{item_id}'), 'the endpoint uses {item_id} but no parameter has "name": "item_id" and "in": "path", so OpenCX cannot fill it'),
    ]);
  });

  test('without any parameters, every placeholder is reported', () => {
    const text = cleanAction({ parameters: undefined, endpoint: 'https://api.acme.com/orders/{order_id}/items/{item_id}' });
    assert.deepEqual(lintAction(text, CODE), [
      error(CODE, rangeOfText(text, '{order_id}'), 'the endpoint uses {order_id} but no parameter has "name": "order_id" and "in": "path", so OpenCX cannot fill it'),
      error(CODE, rangeOfText(text, '{item_id}'), 'the endpoint uses {item_id} but no parameter has "name": "item_id" and "in": "path", so OpenCX cannot fill it'),
    ]);
  });

  test('a query parameter of the same name does not fill a placeholder', () => {
    const text = cleanAction({ parameters: [{ ...ORDER_ID, in: 'query' }] });
    assert.deepEqual(lintAction(text, CODE), [
      error(CODE, rangeOfText(text, '{order_id}'), 'the endpoint uses {order_id} but no parameter has "name": "order_id" and "in": "path", so OpenCX cannot fill it'),
    ]);
  });

  test('an escape before the placeholder puts the finding on the whole endpoint', () => {
    const text = '{ "name": "Look up order", "endpoint": "https://api.acme.com/a\\u002fb/{order_id}" }';
    assert.deepEqual(lintAction(text, CODE).map((f) => f.range), [rangeOfText(text, '"https://api.acme.com/a\\u002fb/{order_id}"')]);
  });

  test('a path parameter the endpoint does not use: on its name', () => {
    const text = cleanAction({ parameters: [ORDER_ID, { name: 'item_id', in: 'path', required: true }] });
    assert.deepEqual(lintAction(text, CODE), [
      error(CODE, rangeOfText(text, '"item_id"'), 'path parameter "item_id" is not used in the endpoint; add {item_id} to the endpoint or remove the parameter'),
    ]);
  });

  test('"required": false: on the false', () => {
    const text = cleanAction({ parameters: [{ ...ORDER_ID, required: false }] });
    assert.deepEqual(lintAction(text, CODE), [
      error(CODE, rangeAfter(text, '"required": ', 'false'), 'path parameter "order_id" must be required: OpenCX cannot build the URL without it; set "required": true'),
    ]);
  });

  test('no "required" at all: on the parameter\'s opening brace', () => {
    const text = cleanAction({ parameters: [{ name: 'order_id', in: 'path' }] });
    const brace = text.indexOf('{', text.indexOf('"parameters"'));
    assert.deepEqual(lintAction(text, CODE), [
      error(CODE, toRange(text, brace, 1), 'path parameter "order_id" must be required: OpenCX cannot build the URL without it; set "required": true'),
    ]);
  });

  test('a matching, required path parameter passes', () => {
    assert.deepEqual(lintAction(cleanAction(), CODE), []);
  });

  test('an endpoint without placeholders and only query parameters passes', () => {
    const text = cleanAction({ endpoint: 'https://api.acme.com/orders', parameters: [{ name: 'status', in: 'query' }] });
    assert.deepEqual(lintAction(text, CODE), []);
  });
});
