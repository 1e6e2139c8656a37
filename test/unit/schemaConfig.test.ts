// opencx.config.schema.json: each rule with an invalid case (exact code, severity, message, range) and a valid one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SCHEMAS } from '../../server/src/engine/schema/compile';
import { assertFindings, configText, error, rangeAfter, rangeOfText, toRange } from './helpers';

const ORG_ID = 'orgId must be the organisation\'s UUID, like "3f2c1a9e-0b7d-4c55-9a1e-6f0d2b8c4e71"';
const NAME_CHARACTERS = "may only contain letters, digits, '_', '.' and '-'";

describe('the config as a whole', () => {
  test('an empty object is a valid config (every property is optional)', () => {
    assertFindings('config', '{}', []);
  });

  test('the top level must be an object', () => {
    assertFindings('config', '[]', [error('wrong-type', toRange('[]', 0, 2), 'opencx.config.json must be an object; got an array')]);
  });

  test('an unknown top-level property, with a did-you-mean', () => {
    const text = configText({ segmens: ['vip'] });
    assertFindings('config', text, [error('unknown-property', rangeOfText(text, '"segmens"'), '"segmens" is not a property of opencx.config.json; did you mean "segments"?')]);
  });

  test('empty default names', () => {
    const text = configText({ defaultEnvironment: '', defaultContact: 'jane' });
    assertFindings('config', text, [error('too-short', rangeOfText(text, '""'), 'defaultEnvironment must not be empty (at least 1 character).')]);
  });
});

describe('globalVariables', () => {
  test('a non-string value', () => {
    const text = configText({ globalVariables: { 'X-Shop-Region': 'eu', 'X-Retries': 3 } });
    assertFindings('config', text, [error('wrong-type', rangeAfter(text, '"X-Retries": ', '3'), 'globalVariables.X-Retries must be a string; got a number (3)')]);
  });

  test('a name that cannot be a header: the key is underlined', () => {
    const text = configText({ globalVariables: { 'Api Key': 'x' } });
    assertFindings('config', text, [
      error('invalid-format', rangeOfText(text, '"Api Key"'), 'a global variable is sent as a header: its name may only contain letters, digits and !#$%&\'*+.^_`|~-; got "Api Key"'),
    ]);
  });

  test('string values, secrets included, are fine', () => {
    assertFindings('config', configText({ globalVariables: { Authorization: 'Bearer ${secret:SHOP_API_TOKEN}', 'X-Shop-Region': 'eu' } }), []);
  });
});

describe('contextHeaders', () => {
  test('orgId that is not a UUID', () => {
    const text = configText({ contextHeaders: { enabled: true, orgId: 'acme-org' } });
    assertFindings('config', text, [error('invalid-format', rangeOfText(text, '"acme-org"'), `${ORG_ID}; got "acme-org"`)]);
  });

  test('enabled as a string, and a misspelt orgId', () => {
    const text = configText({ contextHeaders: { enabled: 'yes', orgid: 'x' } });
    assertFindings('config', text, [
      error('wrong-type', rangeOfText(text, '"yes"'), 'contextHeaders.enabled must be true or false; got a string ("yes")'),
      error('unknown-property', rangeOfText(text, '"orgid"'), '"orgid" is not a property of contextHeaders; did you mean "orgId"?'),
    ]);
  });

  test('a UUID in any case is fine', () => {
    assertFindings('config', configText({ contextHeaders: { enabled: false, orgId: '3F2C1A9E-0B7D-4C55-9A1E-6F0D2B8C4E71' } }), []);
  });
});

describe('segments and contacts', () => {
  test('a segment listed twice: the second one is underlined', () => {
    const text = configText({ segments: ['vip', 'staff', 'vip'] });
    assertFindings('config', text, [error('duplicate-item', rangeOfText(text, '"vip"', 1), 'segments lists "vip" twice (items 0 and 2)')]);
  });

  test('a contact with an unknown property lists the allowed ones (those the schema declares)', () => {
    const text = configText({ contacts: { jane: { segments: [], tier: 'gold' } } });
    const allowed = Object.keys(SCHEMAS.config.definitions.contact.properties).join(', ');
    assert.match(allowed, /^segments, externalId, .*headers, queryParams, pathParams, bodyParams$/);
    assertFindings('config', text, [error('unknown-property', rangeOfText(text, '"tier"'), `"tier" is not a property of contacts.jane; allowed: ${allowed}`)]);
  });

  test('a contact with a misspelt property gets a did-you-mean', () => {
    const text = configText({ contacts: { jane: { segment: ['vip'] } } });
    assertFindings('config', text, [error('unknown-property', rangeOfText(text, '"segment"'), '"segment" is not a property of contacts.jane; did you mean "segments"?')]);
  });

  test('a contact name with a space: the key is underlined', () => {
    const text = configText({ contacts: { 'jane doe': {} } });
    assertFindings('config', text, [error('invalid-format', rangeOfText(text, '"jane doe"'), `a contact name ${NAME_CHARACTERS}; got "jane doe"`)]);
  });

  test('contact overrides of the wrong type', () => {
    const text = configText({ contacts: { jane: { externalId: '', headers: { 'X-Tier': 1 }, queryParams: { page: {} }, bodyParams: [] } } });
    assertFindings('config', text, [
      error('too-short', rangeOfText(text, '""'), 'contacts.jane.externalId must not be empty (at least 1 character).'),
      error('wrong-type', rangeAfter(text, '"X-Tier": ', '1'), 'contacts.jane.headers.X-Tier must be a string; got a number (1)'),
      error('wrong-type', rangeAfter(text, '"page": ', '{}'), 'contacts.jane.queryParams.page must be a string, a number or a boolean; got an object'),
      error('wrong-type', rangeAfter(text, '"bodyParams": ', '[]'), 'contacts.jane.bodyParams must be an object; got an array'),
    ]);
  });

  test('anonymous and identified contacts with every override are fine', () => {
    const contacts = {
      anonymous: { segments: [] },
      'jane.vip_1': { segments: ['vip'], externalId: 'cus_1', headers: { 'X-Tier': 'gold' }, queryParams: { page: 2, all: true }, pathParams: { id: 'x' }, bodyParams: { note: 1 } },
    };
    assertFindings('config', configText({ segments: ['vip'], contacts }), []);
  });
});

describe('environments', () => {
  test('an overlay with a property an environment does not have', () => {
    const text = configText({ environments: { staging: { defaultContact: 'jane' } } });
    assertFindings('config', text, [
      error('unknown-property', rangeOfText(text, '"defaultContact"'), '"defaultContact" is not a property of environments.staging; allowed: globalVariables, contextHeaders, segments, contacts, connectTo, api'),
    ]);
  });

  test('an overlay that is not an object', () => {
    const text = configText({ environments: { staging: [] } });
    assertFindings('config', text, [error('wrong-type', rangeOfText(text, '[]'), 'environments.staging must be an object; got an array')]);
  });

  test('the overlay is checked like the top level', () => {
    const text = configText({ environments: { production: { globalVariables: { 'X-Region': 1 }, contextHeaders: { orgId: 'x' } } } });
    assertFindings('config', text, [
      error('wrong-type', rangeAfter(text, '"X-Region": ', '1'), 'environments.production.globalVariables.X-Region must be a string; got a number (1)'),
      error('invalid-format', rangeOfText(text, '"x"'), `${ORG_ID}; got "x"`),
    ]);
  });

  test('an environment name with a space', () => {
    const text = configText({ environments: { 'pre prod': {} } });
    assertFindings('config', text, [error('invalid-format', rangeOfText(text, '"pre prod"'), `an environment name ${NAME_CHARACTERS}; got "pre prod"`)]);
  });

  test('overlays of every kind are fine', () => {
    const environments = {
      staging: { globalVariables: { 'X-Region': 'eu-staging' }, contextHeaders: { enabled: false }, segments: ['beta'], contacts: { tester: { segments: ['beta'] } } },
      production: {},
    };
    assertFindings('config', configText({ environments, defaultEnvironment: 'staging' }), []);
  });
});
