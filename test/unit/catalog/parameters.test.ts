// What the AI fills for one action: every parameter kind, bodies from a schema and from a sample, static values
// and magic fields left out, clashes, and widget overrides noted but not hidden.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionModelOf } from '../../../server/src/engine/model/action';
import { schemaOfSampleValue, toolParameters } from '../../../server/src/engine/catalog';
import { ANONYMOUS_CONTACT } from '../../../server/src/engine/resolve';

const action = (value: Record<string, unknown>) => actionModelOf({ name: 'Refund order', description: 'Refund an order by its ID.', method: 'POST', endpoint: 'https://a.example/orders/{order_id}', ...value })!;

describe('toolParameters', () => {
  test('path and query parameters without a value; static and magic ones never; headers and URL never', () => {
    const { parameters, notes } = toolParameters(action({
      method: 'GET',
      headers: { Authorization: 'Bearer ${secret:TOKEN}', 'X-Email': { magic: 'contact.email' } },
      parameters: [
        { name: 'order_id', in: 'path', description: 'Numeric order ID', required: true, schema: { type: 'integer' } },
        { name: 'status', in: 'query', description: 'Only this status', schema: { type: 'string', enum: ['open', 'closed'] } },
        { name: 'tags', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' } } },
        { name: 'plain', in: 'query' },
        { name: 'expand', in: 'query', value: 'items' },
        { name: 'limit', in: 'query', value: 10 },
        { name: 'email', in: 'query', value: { magic: 'contact.email' } },
      ],
    }));
    assert.deepEqual(parameters, {
      type: 'object',
      properties: {
        order_id: { type: 'integer', description: 'Numeric order ID' },
        status: { type: 'string', enum: ['open', 'closed'], description: 'Only this status' },
        tags: { type: 'array', items: { type: 'string' } },
        plain: { type: 'string' },
      },
      required: ['order_id', 'tags'],
    });
    assert.deepEqual(notes, []);
    const text = JSON.stringify(parameters);
    for (const never of ['Authorization', 'secret', 'X-Email', 'magic', 'expand', 'limit', 'email', 'https://']) assert.ok(!text.includes(never), never);
  });

  test('a path parameter is required even when the file says otherwise', () => {
    const { parameters } = toolParameters(action({ method: 'GET', parameters: [{ name: 'order_id', in: 'path', required: false }] }));
    assert.deepEqual(parameters.required, ['order_id']);
  });

  test('body fields from a schema sit beside the parameters, each keeping its schema and description', () => {
    const { parameters } = toolParameters(action({
      parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } }],
      body: {
        type: 'object',
        properties: {
          reason: { type: 'string', enum: ['late', 'damaged'], description: 'Why the customer wants a refund' },
          items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } }, description: 'Which items' },
          amount_cents: { type: 'integer', minimum: 1 },
        },
        required: ['reason'],
      },
    }));
    assert.deepEqual(parameters, {
      type: 'object',
      properties: {
        order_id: { type: 'integer' },
        reason: { type: 'string', enum: ['late', 'damaged'], description: 'Why the customer wants a refund' },
        items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } }, description: 'Which items' },
        amount_cents: { type: 'integer', minimum: 1 },
      },
      required: ['order_id', 'reason'],
    });
  });

  test('body fields from a sample: schemas inferred from the values, optional, no invented description, magic samples left out', () => {
    const { parameters } = toolParameters(action({ body: { note: 'hi', count: 2, ratio: 0.5, urgent: true, skus: ['a'], address: { city: 'Berlin' }, email: { magic: 'contact.email' } } }));
    assert.deepEqual(parameters, {
      type: 'object',
      properties: {
        note: { type: 'string' },
        count: { type: 'integer' },
        ratio: { type: 'number' },
        urgent: { type: 'boolean' },
        skus: { type: 'array', items: { type: 'string' } },
        address: { type: 'object', properties: { city: { type: 'string' } } },
      },
      required: [],
    });
  });

  test('a sample body with a "type" key that is not a JSON Schema type stays a sample', () => {
    assert.deepEqual(Object.keys(toolParameters(action({ body: { type: 'refund', reason: 'late' } })).parameters.properties), ['type', 'reason']);
  });

  test('no body fields for GET or DELETE, whatever the body says', () => {
    for (const method of ['GET', 'DELETE']) {
      assert.deepEqual(toolParameters(action({ method, body: { type: 'object', properties: { a: { type: 'string' } } } })).parameters.properties, {}, method);
    }
  });

  test('a clash: one property (the first definition), required when either is, and a note', () => {
    const { parameters, notes } = toolParameters(action({
      parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } }, { name: 'note', in: 'query', schema: { type: 'string' } }],
      body: { type: 'object', properties: { order_id: { type: 'string' }, note: { type: 'string', description: 'body note' } }, required: ['note'] },
    }));
    assert.deepEqual(parameters.properties, { order_id: { type: 'integer' }, note: { type: 'string' } });
    assert.deepEqual(parameters.required, ['order_id', 'note']);
    assert.deepEqual(notes, [
      '"order_id" is both a path parameter and a body field: the model sees one property (the path parameter\'s), and its value fills both.',
      '"note" is both a query parameter and a body field: the model sees one property (the query parameter\'s), and its value fills both.',
    ]);
  });

  test('a contact\'s widget overrides keep the field offered, with a note', () => {
    const contact = { ...ANONYMOUS_CONTACT, externalId: 'c1', pathParams: { order_id: 7 }, bodyParams: { reason: 'late' } };
    const { parameters, notes } = toolParameters(action({
      parameters: [{ name: 'order_id', in: 'path', required: true }],
      body: { type: 'object', properties: { reason: { type: 'string' } } },
    }), contact, 'jane');
    assert.deepEqual(Object.keys(parameters.properties), ['order_id', 'reason']);
    assert.deepEqual(notes, [
      '"order_id" is still offered to the model, but contact "jane" passes it (pathParams), which replaces the AI\'s value when OpenCX calls the action.',
      '"reason" is still offered to the model, but contact "jane" passes it (bodyParams), which replaces the AI\'s value when OpenCX calls the action.',
    ]);
  });

  test('schemaOfSampleValue: null and empty arrays say nothing more than they show', () => {
    assert.deepEqual(schemaOfSampleValue(null), {});
    assert.deepEqual(schemaOfSampleValue([]), { type: 'array' });
  });
});
