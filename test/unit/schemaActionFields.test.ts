// action.schema.json, nested rules: headers, magic fields, parameters and the lists (channels, segments, tags).
import { describe, test } from 'node:test';
import { actionText, assertFindings, error, rangeAfter, rangeOfText } from './helpers';

const HEADER_NAME = 'a header name may only contain letters, digits and !#$%&\'*+.^_`|~- (no spaces or colons)';
const CHANNELS = 'widget, email, sms, whatsapp, phone, slack';

describe('headers', () => {
  test('a header name with a space: the key is underlined', () => {
    const text = actionText({ headers: { 'X Api Key': 'abc' } });
    assertFindings('action', text, [error('invalid-format', rangeOfText(text, '"X Api Key"'), `${HEADER_NAME}; got "X Api Key"`)]);
  });

  test('a header name with a colon', () => {
    const text = actionText({ headers: { 'Accept:': 'x' } });
    assertFindings('action', text, [error('invalid-format', rangeOfText(text, '"Accept:"'), `${HEADER_NAME}; got "Accept:"`)]);
  });

  test('a header value that is a number', () => {
    const text = actionText({ headers: { 'X-Retries': 3 } });
    assertFindings('action', text, [
      error('wrong-type', rangeAfter(text, '"X-Retries": ', '3'), 'headers.X-Retries must be a string or a magic field { "magic": "contact.email" }; got a number (3)'),
    ]);
  });

  test('headers as an array spanning lines: the key is underlined', () => {
    const text = actionText({ headers: ['Accept'] });
    assertFindings('action', text, [error('wrong-type', rangeOfText(text, '"headers"'), 'headers must be an object; got an array')]);
  });

  test('token characters, ${secret:…} values and magic fields are fine', () => {
    const headers = { "X-Odd_!#$%&'*+.^`|~1": 'x', Authorization: 'Bearer ${secret:API_TOKEN}', 'X-Email': { magic: 'contact.email' } };
    assertFindings('action', actionText({ headers }), []);
  });
});

describe('magic fields: the errors of the magic-field branch, not a generic "must be a string or …"', () => {
  test('an empty object misses "magic": the header key is underlined', () => {
    const text = actionText({ headers: { 'X-Email': {} } });
    assertFindings('action', text, [error('missing-property', rangeOfText(text, '"X-Email"'), 'headers.X-Email is missing the required property "magic".')]);
  });

  test('an unknown property inside the magic field', () => {
    const text = actionText({ headers: { 'X-Email': { magic: 'contact.email', fallback: 'x' } } });
    assertFindings('action', text, [error('unknown-property', rangeOfText(text, '"fallback"'), '"fallback" is not a property of headers.X-Email; allowed: magic')]);
  });

  test('a misspelt "magic": both the missing and the unknown property', () => {
    const text = actionText({ headers: { 'X-Email': { magik: 'contact.email' } } });
    assertFindings('action', text, [
      error('missing-property', rangeOfText(text, '"X-Email"'), 'headers.X-Email is missing the required property "magic".'),
      error('unknown-property', rangeOfText(text, '"magik"'), '"magik" is not a property of headers.X-Email; did you mean "magic"?'),
    ]);
  });

  test('magic of the wrong type, and empty', () => {
    const wrong = actionText({ headers: { 'X-Email': { magic: 5 } } });
    assertFindings('action', wrong, [error('wrong-type', rangeAfter(wrong, '"magic": ', '5'), 'headers.X-Email.magic must be a string; got a number (5)')]);
    const empty = actionText({ headers: { 'X-Email': { magic: '' } } });
    assertFindings('action', empty, [error('too-short', rangeAfter(empty, '"magic": ', '""'), 'headers.X-Email.magic must not be empty (at least 1 character).')]);
  });

  test('a parameter value that is a magic field with an error', () => {
    const text = actionText({ parameters: [{ name: 'email', in: 'query', value: { magic: 'contact.email', extra: true } }] });
    assertFindings('action', text, [error('unknown-property', rangeOfText(text, '"extra"'), '"extra" is not a property of parameters[0].value; allowed: magic')]);
  });
});

describe('parameters', () => {
  test('a parameter missing name and in: its "{" is underlined (an array item has no key)', () => {
    const text = actionText({ parameters: [{ description: 'The order' }] });
    const brace = rangeAfter(text, '"parameters": [\n    ', '{');
    assertFindings('action', text, [
      error('missing-property', brace, 'parameters[0] is missing the required property "in".'),
      error('missing-property', brace, 'parameters[0] is missing the required property "name".'),
    ]);
  });

  test('in: "header" is not a parameter location', () => {
    const text = actionText({ parameters: [{ name: 'X-Key', in: 'header' }] });
    assertFindings('action', text, [error('invalid-value', rangeOfText(text, '"header"'), 'parameters[0].in must be one of path, query; got "header"')]);
  });

  test('an unknown property in a parameter lists the allowed ones', () => {
    const text = actionText({ parameters: [{ name: 'id', in: 'path', type: 'integer' }] });
    assertFindings('action', text, [
      error('unknown-property', rangeOfText(text, '"type"'), '"type" is not a property of parameters[0]; allowed: name, in, description, required, schema, value'),
    ]);
  });

  test('parameter values: null, and an array spanning lines (its key is underlined)', () => {
    const message = (got: string): string => `parameters[0].value must be a string, number, boolean or a magic field { "magic": "contact.email" }; got ${got}`;
    const nullValue = actionText({ parameters: [{ name: 'q', in: 'query', value: null }] });
    assertFindings('action', nullValue, [error('wrong-type', rangeOfText(nullValue, 'null'), message('null'))]);
    const arrayValue = actionText({ parameters: [{ name: 'q', in: 'query', value: [1, 2] }] });
    assertFindings('action', arrayValue, [error('wrong-type', rangeOfText(arrayValue, '"value"'), message('an array'))]);
  });

  test('other wrong types in a parameter', () => {
    const text = actionText({ parameters: ['order_id', { name: 'id', in: 'path', required: 'yes', schema: 'integer' }] });
    assertFindings('action', text, [
      error('wrong-type', rangeOfText(text, '"order_id"'), 'parameters[0] must be an object; got a string ("order_id")'),
      error('wrong-type', rangeOfText(text, '"yes"'), 'parameters[1].required must be true or false; got a string ("yes")'),
      error('wrong-type', rangeOfText(text, '"integer"'), 'parameters[1].schema must be an object; got a string ("integer")'),
    ]);
  });

  test('string, number, boolean and magic values, and AI-filled parameters, are fine', () => {
    const parameters = [
      { name: 'order_id', in: 'path', description: 'Numeric order ID', required: true, schema: { type: 'integer' } },
      { name: 'expand', in: 'query', value: 'items' },
      { name: 'limit', in: 'query', value: 10 },
      { name: 'all', in: 'query', value: false },
      { name: 'email', in: 'query', value: { magic: 'contact.email' } },
    ];
    assertFindings('action', actionText({ parameters }), []);
  });
});

describe('lists', () => {
  test('a channel listed twice: the second one is underlined', () => {
    const text = actionText({ channels: ['widget', 'email', 'widget'] });
    assertFindings('action', text, [error('duplicate-item', rangeOfText(text, '"widget"', 1), 'channels lists "widget" twice (items 0 and 2)')]);
  });

  test('a segment and a tag listed twice', () => {
    const text = actionText({ restrictedToSegments: ['vip', 'vip'], tags: ['a', 'b', 'b'] });
    assertFindings('action', text, [
      error('duplicate-item', rangeOfText(text, '"vip"', 1), 'restrictedToSegments lists "vip" twice (items 0 and 1)'),
      error('duplicate-item', rangeOfText(text, '"b"', 1), 'tags lists "b" twice (items 1 and 2)'),
    ]);
  });

  test('unknown channel names, one with a did-you-mean', () => {
    const text = actionText({ channels: ['widget', 'telegram', 'Email'] });
    assertFindings('action', text, [
      error('invalid-value', rangeOfText(text, '"telegram"'), `channels[1] must be one of ${CHANNELS}; got "telegram"`),
      error('invalid-value', rangeOfText(text, '"Email"'), `channels[2] must be one of ${CHANNELS}; got "Email"; did you mean "email"?`),
    ]);
  });

  test('an empty segment name and an empty operationId', () => {
    const text = actionText({ restrictedToSegments: [''], operationId: '' });
    assertFindings('action', text, [
      error('too-short', rangeOfText(text, '""'), 'restrictedToSegments[0] must not be empty (at least 1 character).'),
      error('too-short', rangeOfText(text, '""', 1), 'operationId must not be empty (at least 1 character).'),
    ]);
  });

  test('empty lists are fine (no channel is a lint rule, not a schema error)', () => {
    assertFindings('action', actionText({ channels: [], restrictedToSegments: [], tags: [] }), []);
  });
});
