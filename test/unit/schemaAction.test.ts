// action.schema.json, top-level rules: each with an invalid case (exact code, severity, message, range) and a valid one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SCHEMAS } from '../../server/src/engine/schema/compile';
import { actionText, assertFindings, error, rangeAfter, rangeOfText, toRange } from './helpers';

const ROOT_BRACE = toRange('{', 0, 1);
const NAME_HINT = 'The AI reads the name together with the description to choose a tool.';
const DESCRIPTION_HINT = 'It is prompt text the AI reads to choose a tool, not an internal note.';
const METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ENDPOINT_FORMAT = 'endpoint must be a full absolute https:// URL such as "https://api.acme.com/orders/{order_id}"';

describe('required properties', () => {
  test('the valid base action has no findings', () => {
    assertFindings('action', actionText(), []);
  });

  test('each missing property is reported on the root "{"', () => {
    const cases: [string, string][] = [
      ['name', `the action is missing the required property "name". ${NAME_HINT}`],
      ['description', `the action is missing the required property "description". ${DESCRIPTION_HINT}`],
      ['method', 'the action is missing the required property "method".'],
      ['endpoint', 'the action is missing the required property "endpoint".'],
    ];
    for (const [property, message] of cases) {
      assertFindings('action', actionText({ [property]: undefined }), [error('missing-property', ROOT_BRACE, message)]);
    }
  });

  test('an empty object misses all four, sorted by message', () => {
    assertFindings('action', '{}', [
      error('missing-property', ROOT_BRACE, `the action is missing the required property "description". ${DESCRIPTION_HINT}`),
      error('missing-property', ROOT_BRACE, 'the action is missing the required property "endpoint".'),
      error('missing-property', ROOT_BRACE, 'the action is missing the required property "method".'),
      error('missing-property', ROOT_BRACE, `the action is missing the required property "name". ${NAME_HINT}`),
    ]);
  });
});

describe('unknown properties', () => {
  test('a typo gets "did you mean", on the key', () => {
    const text = actionText({ methd: 'GET' });
    assertFindings('action', text, [error('unknown-property', rangeOfText(text, '"methd"'), '"methd" is not a property of the action; did you mean "method"?')]);
  });

  test('a word like no property lists the allowed ones (those the schema declares, in its order)', () => {
    const text = actionText({ timeout: 30 });
    const allowed = Object.keys(SCHEMAS.action.properties).join(', ');
    assert.match(allowed, /^\$schema, name, description, method, endpoint, headers, parameters, body, bodyFormat, restrictedToSegments, channels, /);
    assertFindings('action', text, [error('unknown-property', rangeOfText(text, '"timeout"'), `"timeout" is not a property of the action; allowed: ${allowed}`)]);
  });

  test('every documented optional property is known', () => {
    const text = actionText({
      $schema: '../schemas/action.schema.json',
      method: 'POST',
      headers: { Accept: 'application/json' },
      parameters: [],
      body: { type: 'object' },
      bodyFormat: 'multipart',
      restrictedToSegments: ['vip'],
      channels: ['widget', 'email', 'sms', 'whatsapp', 'phone', 'slack'],
      requireFormSubmission: true,
      pinned: false,
      tags: ['orders'],
      operationId: 'getOrder',
    });
    assertFindings('action', text, []);
  });
});

describe('wrong types', () => {
  test('the top level must be an object', () => {
    assertFindings('action', '[]', [error('wrong-type', toRange('[]', 0, 2), 'the action must be an object; got an array')]);
    assertFindings('action', '"x"', [error('wrong-type', toRange('"x"', 0, 3), 'the action must be an object; got a string ("x")')]);
    assertFindings('action', '42', [error('wrong-type', toRange('42', 0, 2), 'the action must be an object; got a number (42)')]);
  });

  test('name as a number', () => {
    const text = actionText({ name: 12345 });
    assertFindings('action', text, [error('wrong-type', rangeAfter(text, '"name": ', '12345'), 'name must be a string; got a number (12345)')]);
  });

  test('channels as a string', () => {
    const text = actionText({ channels: 'widget' });
    assertFindings('action', text, [error('wrong-type', rangeOfText(text, '"widget"'), 'channels must be an array; got a string ("widget")')]);
  });

  test('flags as strings', () => {
    const text = actionText({ requireFormSubmission: 'true', pinned: 0 });
    assertFindings('action', text, [
      error('wrong-type', rangeOfText(text, '"true"'), 'requireFormSubmission must be true or false; got a string ("true")'),
      error('wrong-type', rangeAfter(text, '"pinned": ', '0'), 'pinned must be true or false; got a number (0)'),
    ]);
  });

  test('a body of a type that is not a JSON Schema object', () => {
    const text = actionText({ method: 'POST', body: 'order' });
    assertFindings('action', text, [error('wrong-type', rangeOfText(text, '"order"'), 'body must be an object or null; got a string ("order")')]);
  });
});

describe('enums', () => {
  test('method FETCH', () => {
    const text = actionText({ method: 'FETCH' });
    assertFindings('action', text, [error('invalid-value', rangeOfText(text, '"FETCH"'), `method must be one of ${METHODS}; got "FETCH"`)]);
  });

  test('lowercase "get" gets a did-you-mean', () => {
    const text = actionText({ method: 'get' });
    assertFindings('action', text, [error('invalid-value', rangeOfText(text, '"get"'), `method must be one of ${METHODS}; got "get"; did you mean "GET"?`)]);
  });

  test('a method that is not a string gets one finding, not a type error beside the enum error', () => {
    const text = actionText({ method: 7 });
    assertFindings('action', text, [error('invalid-value', rangeAfter(text, '"method": ', '7'), `method must be one of ${METHODS}; got 7`)]);
  });

  test('bodyFormat', () => {
    const text = actionText({ method: 'POST', bodyFormat: 'xml' });
    assertFindings('action', text, [error('invalid-value', rangeOfText(text, '"xml"'), 'bodyFormat must be one of json, multipart; got "xml"')]);
  });

  test('every method is accepted', () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) assertFindings('action', actionText({ method }), []);
  });
});

describe('minLength', () => {
  test('a name under 5 characters', () => {
    const text = actionText({ name: 'Look' });
    assertFindings('action', text, [error('too-short', rangeOfText(text, '"Look"'), `name must be at least 5 characters; got 4. ${NAME_HINT}`)]);
  });

  test('an empty name says "must not be empty"', () => {
    const text = actionText({ name: '' });
    assertFindings('action', text, [error('too-short', rangeOfText(text, '""'), `name must not be empty (at least 5 characters). ${NAME_HINT}`)]);
  });

  test('a description under 20 characters', () => {
    const text = actionText({ description: 'Order stuff.' });
    assertFindings('action', text, [error('too-short', rangeOfText(text, '"Order stuff."'), `description must be at least 20 characters; got 12. ${DESCRIPTION_HINT}`)]);
  });

  test('exactly 5 and exactly 20 characters are enough', () => {
    assertFindings('action', actionText({ name: 'Order', description: 'Look up one order ok' }), []);
  });
});

describe('endpoint', () => {
  test('a relative URL', () => {
    const text = actionText({ endpoint: '/orders/{order_id}' });
    assertFindings('action', text, [error('invalid-endpoint', rangeOfText(text, '"/orders/{order_id}"'), `${ENDPOINT_FORMAT}; got "/orders/{order_id}"`)]);
  });

  test('a host with a space', () => {
    const text = actionText({ endpoint: 'https://api acme.com/x' });
    assertFindings('action', text, [error('invalid-endpoint', rangeOfText(text, '"https://api acme.com/x"'), `${ENDPOINT_FORMAT}; got "https://api acme.com/x"`)]);
  });

  test('http:// is insecure, with the https:// URL to use instead', () => {
    const text = actionText({ endpoint: 'http://api.acme.com/orders/{order_id}' });
    assertFindings('action', text, [
      error('insecure-endpoint', rangeOfText(text, '"http://api.acme.com/orders/{order_id}"'), 'endpoint uses http://, which OpenCX never calls: use "https://api.acme.com/orders/{order_id}"'),
    ]);
  });

  test('HTTP:// in capitals is insecure too', () => {
    const text = actionText({ endpoint: 'HTTP://api.acme.com/x' });
    assertFindings('action', text, [error('insecure-endpoint', rangeOfText(text, '"HTTP://api.acme.com/x"'), 'endpoint uses http://, which OpenCX never calls: use "https://api.acme.com/x"')]);
  });

  test('https with a path, query and fragment is fine', () => {
    assertFindings('action', actionText({ endpoint: 'https://api.acme.com:8443/v1/orders/{order_id}?expand=items#x' }), []);
    assertFindings('action', actionText({ endpoint: 'https://api.acme.com' }), []);
  });
});

describe('body and method', () => {
  const BODY_ON = (method: string): string => `body is only sent with POST, PUT or PATCH; OpenCX sends no body with ${method}: remove body or set it to null`;

  test('a body with GET: the key is underlined when the value spans lines', () => {
    const text = actionText({ body: { type: 'object' } });
    assertFindings('action', text, [error('body-not-allowed', rangeOfText(text, '"body"'), BODY_ON('GET'))]);
  });

  test('a body with DELETE, on one line: the value is underlined', () => {
    const text = actionText({ method: 'DELETE' }).replace(/\n}$/, ',\n  "body": {}\n}');
    assertFindings('action', text, [error('body-not-allowed', rangeOfText(text, '{}'), BODY_ON('DELETE'))]);
  });

  test('body null with GET and DELETE is fine, and so is no body', () => {
    assertFindings('action', actionText({ body: null }), []);
    assertFindings('action', actionText({ method: 'DELETE', body: null }), []);
  });

  test('a body with POST, PUT and PATCH is fine', () => {
    for (const method of ['POST', 'PUT', 'PATCH']) assertFindings('action', actionText({ method, body: { type: 'object', properties: {} } }), []);
  });
});
