// The values a run asks for (what the AI would extract), and how typed text becomes a checked value.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionModelOf } from '../../../server/src/engine/model/action';
import { inputsComplete, parseInput, runInputs, type RunInput } from '../../../server/src/engine/run/inputs';

const action = (value: Record<string, unknown>) => actionModelOf({ name: 'Refund order', description: 'Refund an order', method: 'POST', endpoint: 'https://a.b/orders/{order_id}', ...value })!;

describe('runInputs', () => {
  test('path parameters, query parameters without a value, then body fields from the schema; static and magic ones are not asked', () => {
    const inputs = runInputs(action({
      parameters: [
        { name: 'order_id', in: 'path', description: 'Order ID', schema: { type: 'integer' } },
        { name: 'expand', in: 'query', value: 'items' },
        { name: 'email', in: 'query', value: { magic: 'contact.email' } },
        { name: 'status', in: 'query', required: false },
      ],
      body: { type: 'object', properties: { reason: { type: 'string', enum: ['late', 'damaged'], description: 'Why' }, amount_cents: { type: 'integer' } }, required: ['reason'] },
    }));
    assert.deepEqual(inputs, [
      { name: 'order_id', in: 'path', required: true, description: 'Order ID', schema: { type: 'integer' } },
      { name: 'status', in: 'query', required: false },
      { name: 'reason', in: 'body', required: true, description: 'Why', schema: { type: 'string', enum: ['late', 'damaged'], description: 'Why' } },
      { name: 'amount_cents', in: 'body', required: false, schema: { type: 'integer' } },
    ]);
  });

  test('a sample body: its keys are optional fields typed from the sample', () => {
    assert.deepEqual(runInputs(action({ body: { note: 'hi', count: 2 } })), [
      { name: 'note', in: 'body', required: false, description: 'sample: "hi"' },
      { name: 'count', in: 'body', required: false, description: 'sample: 2', schema: { type: 'integer' } },
    ]);
  });

  test('no body fields for a GET, even with a body', () => {
    assert.deepEqual(runInputs(action({ method: 'GET', body: { type: 'object', properties: { a: {} } } })), []);
  });
});

describe('parseInput', () => {
  const integer: RunInput = { name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } };
  const reason: RunInput = { name: 'reason', in: 'body', required: false, schema: { type: 'string', enum: ['late', 'damaged'] } };

  test('typed text becomes the schema type', () => {
    assert.deepEqual(parseInput(integer, '10452'), { ok: true, value: 10452, omitted: false });
  });

  test('a value that does not fit its schema is refused with the reason', () => {
    assert.deepEqual(parseInput(integer, '10x'), { ok: false, message: 'order_id must be integer' });
    assert.deepEqual(parseInput(reason, 'broken'), { ok: false, message: 'reason must be equal to one of the allowed values: one of late, damaged' });
  });

  test('empty: required is refused, optional is left out', () => {
    assert.deepEqual(parseInput(integer, ''), { ok: false, message: 'order_id is required' });
    assert.deepEqual(parseInput(reason, ''), { ok: true, value: undefined, omitted: true });
  });

  test('a schema ajv cannot compile does not block the run (the lint rules report it)', () => {
    assert.deepEqual(parseInput({ name: 'x', in: 'query', required: true, schema: { type: 'int' } }, 'abc'), { ok: true, value: 'abc', omitted: false });
  });
});

describe('inputsComplete: a sample set that can run as it is', () => {
  const inputs: RunInput[] = [
    { name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } },
    { name: 'note', in: 'body', required: false, schema: { type: 'string' } },
  ];
  test('every required value given and valid: complete', () => {
    assert.equal(inputsComplete(inputs, { order_id: 10452 }), true);
    assert.equal(inputsComplete(inputs, { order_id: 10452, note: 'late' }), true);
  });
  test('a required value missing, or one that fails its schema: the values are asked for', () => {
    assert.equal(inputsComplete(inputs, { note: 'late' }), false);
    assert.equal(inputsComplete(inputs, { order_id: 'abc' }), false);
  });
});
