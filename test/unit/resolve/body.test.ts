// The body: JSON or multipart, fields from the given values (converted to their schema types) and the contact's
// bodyParams, the Content-Type default, and methods that send no body.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coerceValue } from '../../../server/src/engine/resolve';
import { action, hasHeader, header, headerLines, plan, planError } from './support';

const REFUND_BODY = {
  type: 'object',
  properties: { amount_cents: { type: 'integer' }, reason: { type: 'string' }, urgent: { type: 'boolean' }, tags: { type: 'array' } },
  required: ['reason'],
};
const REFUND = action({ method: 'POST', body: REFUND_BODY });

describe('JSON body', () => {
  test('fields from the given values, converted to their schema types', () => {
    const planned = plan(REFUND, { values: { amount_cents: '500', reason: 'late', urgent: 'true', tags: '["a"]' } });
    assert.deepEqual(planned.body, { format: 'json', value: { amount_cents: 500, reason: 'late', urgent: true, tags: ['a'] } });
  });

  test('Content-Type application/json is added with source default, and a note says it is an assumption', () => {
    const planned = plan(REFUND, { values: { reason: 'late' } });
    assert.deepEqual(header(planned, 'Content-Type'), { name: 'Content-Type', value: 'application/json', source: 'default', shadowed: [] });
    assert.deepEqual(headerLines(planned).slice(0, 2), ['User-Agent: OpenCX [default]', 'Content-Type: application/json [default]']);
    assert.ok(planned.notes.includes('Content-Type application/json is added by default, since a JSON body is sent and no header sets it (an assumption: OpenCX does not document it).'));
  });

  test('no default Content-Type when any layer sets one', () => {
    const fromAction = plan(action({ method: 'POST', body: REFUND_BODY, headers: { 'content-type': 'application/vnd.acme+json' } }), { values: { reason: 'x' } });
    assert.deepEqual(header(fromAction, 'content-type'), { name: 'content-type', value: 'application/vnd.acme+json', source: 'action', shadowed: [], location: { file: '/w/actions/a.action.json', path: ['headers', 'content-type'] } });
    const fromGlobal = plan(REFUND, { values: { reason: 'x' }, config: { globalVariables: { 'Content-Type': 'text/plain' } } });
    assert.equal(header(fromGlobal, 'content-type').source, 'globalVariable');
    assert.deepEqual(header(fromGlobal, 'content-type').shadowed, []);
  });

  test('an optional field without a value is not sent; a missing required one is a placeholder or an error', () => {
    const dry = plan(REFUND, { mode: 'dryRun' });
    assert.deepEqual(dry.body?.value, { reason: '{reason}' });
    assert.deepEqual(dry.placeholders, ['reason']);
    assert.ok(dry.notes.includes('Optional body fields without a value are not sent: amount_cents, urgent, tags.'));
    assert.deepEqual(planError(REFUND).missing, ['reason']);
  });

  test('contact bodyParams win over AI values, may add fields, and fill a required field', () => {
    const config = { contacts: { jane: { bodyParams: { reason: 'damaged', channel: 'widget' } } } };
    const planned = plan(REFUND, { values: { amount_cents: 100, reason: 'late' }, config, contact: 'jane' });
    assert.deepEqual(planned.body?.value, { amount_cents: 100, reason: 'damaged', channel: 'widget' });
    assert.ok(planned.notes.includes('Body fields from contact "jane" (bodyParams), which win over AI-extracted values: reason, channel.'));
    assert.ok(plan(REFUND, { config, contact: 'jane' }).body, 'sending works: the contact fills the required field');
  });

  test('a sample body: given values typed like the sample; a dry run shows the sample values as placeholders', () => {
    const sample = action({ method: 'PUT', body: { note: 'Call me', count: 2 } });
    assert.deepEqual(plan(sample, { values: { count: '3' } }).body?.value, { count: 3 });
    const dry = plan(sample, { mode: 'dryRun', values: { count: '3' } });
    assert.deepEqual(dry.body?.value, { note: 'Call me', count: 3 });
    assert.deepEqual(dry.placeholders, ['note']);
  });
});

describe('multipart body', () => {
  test('format multipart, Content-Type multipart/form-data by default, boundary added at send time', () => {
    const planned = plan(action({ method: 'POST', bodyFormat: 'multipart', body: REFUND_BODY }), { values: { reason: 'late' } });
    assert.deepEqual(planned.body, { format: 'multipart', value: { reason: 'late' } });
    assert.equal(header(planned, 'Content-Type').value, 'multipart/form-data');
    assert.ok(planned.notes.includes('Content-Type multipart/form-data is the default for a multipart body; the boundary is added when the request is sent.'));
  });
});

describe('no body', () => {
  test('GET sends no body and no Content-Type, and says so when the action has one', () => {
    const planned = plan(action({ body: REFUND_BODY }));
    assert.equal(planned.body, undefined);
    assert.ok(!hasHeader(planned, 'Content-Type'));
    assert.ok(planned.notes.includes('The body is not sent: OpenCX sends a body only with POST, PUT or PATCH, not GET.'));
  });

  test('POST with "body": null sends none; a contact bodyParams does not create one', () => {
    const planned = plan(action({ method: 'POST', body: null }), { config: { contacts: { jane: { bodyParams: { a: 1 } } } }, contact: 'jane' });
    assert.equal(planned.body, undefined);
    assert.ok(!hasHeader(planned, 'Content-Type'));
    assert.ok(planned.notes.includes('Contact "jane" passes bodyParams, but this action sends no body: they are not used.'));
  });
});

describe('coerceValue', () => {
  test('only text is converted, and only when it fits the type', () => {
    assert.equal(coerceValue('12', { type: 'integer' }), 12);
    assert.equal(coerceValue('1.5', { type: 'integer' }), '1.5');
    assert.equal(coerceValue('1.5', { type: 'number' }), 1.5);
    assert.equal(coerceValue('abc', { type: 'number' }), 'abc');
    assert.equal(coerceValue('', { type: 'number' }), '');
    assert.equal(coerceValue('false', { type: 'boolean' }), false);
    assert.equal(coerceValue('yes', { type: 'boolean' }), 'yes');
    assert.deepEqual(coerceValue('{"a":1}', { type: 'object' }), { a: 1 });
    assert.equal(coerceValue('[1]', { type: 'object' }), '[1]');
    assert.equal(coerceValue('null', { type: ['string', 'null'] }), null);
    assert.equal(coerceValue(7, { type: 'string' }), 7);
    assert.equal(coerceValue('7', undefined), '7');
  });
});
