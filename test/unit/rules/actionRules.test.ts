// The single-file action rules: no-channel, invalid-tool-schema, vague-description, long-description,
// credential-in-file and authorization-without-scheme.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExpectedFinding } from '../helpers';
import { error, rangeAfter, rangeOfText, warning } from '../helpers';
import { cleanAction, lintAction } from './workspaceHelpers';
import type { Range } from '../../../server/src/engine/document/text';

function info(code: string, range: Range, message: string): ExpectedFinding {
  return { code, severity: 'info', message, range };
}

describe('no-channel', () => {
  const CODE = 'no-channel';
  const MESSAGE = 'channels is empty, so the AI can never call this action; add "widget" (OpenCX\'s default) or the channels it should work on';

  test('"channels": [] is a warning on the empty list', () => {
    const text = cleanAction({ channels: [] });
    assert.deepEqual(lintAction(text, CODE), [warning(CODE, rangeAfter(text, '"channels": ', '[]'), MESSAGE)]);
  });

  test('a channel list passes', () => {
    assert.deepEqual(lintAction(cleanAction({ channels: ['widget', 'email'] }), CODE), []);
  });

  test('no channels key passes: OpenCX puts a new action on the widget', () => {
    assert.deepEqual(lintAction(cleanAction(), CODE), []);
  });
});

describe('invalid-tool-schema', () => {
  const CODE = 'invalid-tool-schema';
  const notAType = (t: string) => `"${t}" is not a JSON Schema type (use one of string, number, integer, boolean, object, array, null); OpenCX's tool validator rejects it (invalid_tool_schema)`;
  const NESTED = 'nested oneOf: OpenCX\'s tool validator only accepts oneOf at the top of the body schema (invalid_tool_schema); flatten it or use separate actions';

  test('a nested oneOf: on its key', () => {
    const text = cleanAction({ method: 'POST', body: { oneOf: [{ type: 'object' }, { type: 'object', properties: { x: { oneOf: [{ type: 'string' }] } } }] } });
    assert.deepEqual(lintAction(text, CODE), [error(CODE, rangeOfText(text, '"oneOf"', 1), NESTED)]);
  });

  test('a type that is not JSON Schema, in the body: on the value', () => {
    const text = cleanAction({ method: 'POST', body: { type: 'object', properties: { amount: { type: 'int' } } } });
    assert.deepEqual(lintAction(text, CODE), [error(CODE, rangeOfText(text, '"int"'), notAType('int'))]);
  });

  test('a type that is not JSON Schema, in a parameter schema', () => {
    const text = cleanAction({ parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'str' } }] });
    assert.deepEqual(lintAction(text, CODE), [error(CODE, rangeOfText(text, '"str"'), notAType('str'))]);
  });

  test('a circular $ref: on the reference that closes the loop', () => {
    const body = { type: 'object', properties: { a: { $ref: '#/$defs/node' } }, $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } } };
    const text = cleanAction({ method: 'POST', body });
    assert.deepEqual(lintAction(text, CODE), [
      error(CODE, rangeOfText(text, '"#/$defs/node"', 1), 'circular $ref: #/$defs/node refers back to itself; OpenCX\'s tool validator rejects it (invalid_tool_schema)'),
    ]);
  });

  test('a top-level oneOf, a non-circular $ref and JSON Schema types pass', () => {
    const body = { oneOf: [{ $ref: '#/$defs/refund' }, { type: 'object', properties: { note: { type: ['string', 'null'] } } }], $defs: { refund: { type: 'object', properties: { amount: { type: 'number' } } } } };
    assert.deepEqual(lintAction(cleanAction({ method: 'POST', body }), CODE), []);
  });

  test('a sample body (no JSON Schema keyword) is not checked as a schema', () => {
    assert.deepEqual(lintAction(cleanAction({ method: 'POST', body: { reason: 'int', amount: 5 } }), CODE), []);
  });
});

describe('vague-description', () => {
  const CODE = 'vague-description';
  const vague = (problems: string) => `the description is vague for the AI: ${problems}; say what it does, on what, and what it returns, e.g. "Look up an order by its numeric order ID and return its status and tracking number"`;

  test('"Order stuff…": no verb, generic wording, too few words (information, on the description)', () => {
    const text = cleanAction({ description: 'Order stuff for the customers' });
    assert.deepEqual(lintAction(text, CODE), [
      info(CODE, rangeOfText(text, '"Order stuff for the customers"'), vague('no verb saying what the action does (look up, cancel, refund, change…); generic wording ("stuff"); too few words to tell the AI what it acts on')),
    ]);
  });

  test('generic wording alone is enough', () => {
    const text = cleanAction({ description: 'Look up orders and other things for a customer account' });
    assert.deepEqual(lintAction(text, CODE), [info(CODE, rangeOfText(text, '"Look up orders and other things for a customer account"'), vague('generic wording ("things")'))]);
  });

  test('a description with a verb, an object and enough words passes', () => {
    assert.deepEqual(lintAction(cleanAction(), CODE), []);
  });
});

describe('long-description', () => {
  const CODE = 'long-description';

  test('more than 1000 characters: information on the description', () => {
    const description = `Look up an order by its numeric order ID. ${'x'.repeat(1001 - 42)}`;
    assert.equal(description.length, 1001);
    const text = cleanAction({ description });
    assert.deepEqual(lintAction(text, CODE), [
      info(CODE, rangeOfText(text, JSON.stringify(description)), 'the description has 1001 characters; the AI reads every visible description on every turn, so keep it to what tells this action apart (OpenCX sets no limit; we suggest ≤ 1000)'),
    ]);
  });

  test('exactly 1000 characters passes', () => {
    const description = `Look up an order by its numeric order ID. ${'x'.repeat(1000 - 42)}`;
    assert.equal(description.length, 1000);
    assert.deepEqual(lintAction(cleanAction({ description }), CODE), []);
  });
});

describe('credential-in-file (actions)', () => {
  const CODE = 'credential-in-file';
  const literal = (label: string, name: string, masked: string, reference: string, secret: string) =>
    `${label} "${name}" holds what looks like a literal credential (${masked}); files end up in git history, so use "${reference}" and set the value with "OpenCX: Set Secret" (OPENCX_SECRET_${secret} in a terminal)`;

  test('a known token shape in a header: on the value, with the derived secret name', () => {
    const text = cleanAction({ headers: { Accept: 'application/json', 'X-Api-Key': 'sk_live_abcdefghijklmn' } });
    assert.deepEqual(lintAction(text, CODE), [
      warning(CODE, rangeOfText(text, '"sk_live_abcdefghijklmn"'), literal('header', 'X-Api-Key', 'sk_l••••', '${secret:X_API_KEY}', 'X_API_KEY')),
    ]);
  });

  test('a scheme is kept in the suggested reference', () => {
    const text = cleanAction({ headers: { Authorization: 'Bearer abcdefghij1234567890XYZ' } });
    assert.deepEqual(lintAction(text, CODE), [
      warning(CODE, rangeOfText(text, '"Bearer abcdefghij1234567890XYZ"'), literal('header', 'Authorization', 'Bearer abcd••••', 'Bearer ${secret:AUTHORIZATION}', 'AUTHORIZATION')),
    ]);
  });

  test('a static query parameter with a sensitive name', () => {
    const text = cleanAction({ parameters: [{ name: 'order_id', in: 'path', required: true }, { name: 'api_key', in: 'query', value: 'abcd1234efgh' }] });
    assert.deepEqual(lintAction(text, CODE), [
      warning(CODE, rangeOfText(text, '"abcd1234efgh"'), literal('query parameter', 'api_key', 'abc••••', '${secret:API_KEY}', 'API_KEY')),
    ]);
  });

  test('secret references, magic fields and ordinary values pass', () => {
    const headers = { Authorization: 'Bearer ${secret:API_TOKEN}', 'X-Api-Key': '${secret:X_API_KEY}', Accept: 'application/json', 'X-Email': { magic: 'contact.email' } };
    const parameters = [{ name: 'order_id', in: 'path', required: true }, { name: 'expand', in: 'query', value: 'items' }];
    assert.deepEqual(lintAction(cleanAction({ headers, parameters }), CODE), []);
  });
});

describe('authorization-without-scheme (actions)', () => {
  const CODE = 'authorization-without-scheme';

  test('a value with no scheme is a warning on the value (header names compare case-insensitively)', () => {
    const text = cleanAction({ headers: { authorization: 'abc' } });
    assert.deepEqual(lintAction(text, CODE), [
      warning(CODE, rangeOfText(text, '"abc"'), 'header "Authorization" has no scheme: OpenCX sends the value verbatim and adds no "Bearer ", a documented cause of 401s; write "Bearer <token>" (or "Basic …")'),
    ]);
  });

  test('a bare secret reference is only information: the secret may hold the scheme', () => {
    const text = cleanAction({ headers: { Authorization: '${secret:TOKEN}' } });
    assert.deepEqual(lintAction(text, CODE), [
      info(CODE, rangeOfText(text, '"${secret:TOKEN}"'), 'header "Authorization" is only a secret reference: OpenCX sends it verbatim and adds no "Bearer ", so the secret itself must start with the scheme; writing "Bearer ${secret:TOKEN}" makes that explicit'),
    ]);
  });

  test('"Bearer …", "Basic …" and other headers pass', () => {
    assert.deepEqual(lintAction(cleanAction({ headers: { Authorization: 'Bearer ${secret:TOKEN}', 'X-Token': 'abc' } }), CODE), []);
    assert.deepEqual(lintAction(cleanAction({ headers: { Authorization: 'Basic ${secret:BASIC}' } }), CODE), []);
  });
});
