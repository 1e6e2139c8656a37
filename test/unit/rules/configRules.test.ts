// The rules on opencx.config.json: credential-in-file, authorization-without-scheme, unknown-segment for contacts,
// unknown-default.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { error, rangeAfter, rangeOfText, warning } from '../helpers';
import { lintConfig, pretty } from './workspaceHelpers';

describe('credential-in-file (config)', () => {
  const CODE = 'credential-in-file';

  test('a JWT in a global variable and a Slack token in a contact header', () => {
    const jwt = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop';
    const text = pretty({ globalVariables: { Authorization: jwt }, contacts: { anna: { headers: { 'X-Api-Key': 'xoxb-1234567890-abcdef' } } } });
    assert.deepEqual(lintConfig(text, CODE), [
      warning(CODE, rangeOfText(text, JSON.stringify(jwt)), 'global variable "Authorization" holds what looks like a literal credential (Bearer eyJh••••); files end up in git history, so use "Bearer ${secret:AUTHORIZATION}" and set the value with "OpenCX: Set Secret" (OPENCX_SECRET_AUTHORIZATION in a terminal)'),
      warning(CODE, rangeOfText(text, '"xoxb-1234567890-abcdef"'), 'contact "anna" header "X-Api-Key" holds what looks like a literal credential (xoxb••••); files end up in git history, so use "${secret:X_API_KEY}" and set the value with "OpenCX: Set Secret" (OPENCX_SECRET_X_API_KEY in a terminal)'),
    ]);
  });

  test('a token in an environment\'s global variables', () => {
    const text = pretty({ environments: { staging: { globalVariables: { 'X-Api-Key': 'sk_test_abcdefghijklmn' } } } });
    assert.deepEqual(lintConfig(text, CODE), [
      warning(CODE, rangeOfText(text, '"sk_test_abcdefghijklmn"'), 'global variable (staging) "X-Api-Key" holds what looks like a literal credential (sk_t••••); files end up in git history, so use "${secret:X_API_KEY}" and set the value with "OpenCX: Set Secret" (OPENCX_SECRET_X_API_KEY in a terminal)'),
    ]);
  });

  test('secret references and ordinary values pass', () => {
    const text = pretty({ globalVariables: { Authorization: 'Bearer ${secret:API_TOKEN}', 'X-Tenant': 'acme' }, contacts: { anna: { headers: { 'X-Api-Key': '${secret:ANNA_KEY}' } } } });
    assert.deepEqual(lintConfig(text, CODE), []);
  });
});

describe('authorization-without-scheme (config)', () => {
  const CODE = 'authorization-without-scheme';

  test('an environment\'s Authorization global variable without a scheme', () => {
    const text = pretty({ environments: { staging: { globalVariables: { Authorization: 'plain' } } } });
    assert.deepEqual(lintConfig(text, CODE), [
      warning(CODE, rangeOfText(text, '"plain"'), 'global variable (staging) "Authorization" has no scheme: OpenCX sends the value verbatim and adds no "Bearer ", a documented cause of 401s; write "Bearer <token>" (or "Basic …")'),
    ]);
  });

  test('a contact header without a scheme', () => {
    const text = pretty({ contacts: { anna: { headers: { Authorization: 'abc' } } } });
    assert.deepEqual(lintConfig(text, CODE), [
      warning(CODE, rangeOfText(text, '"abc"'), 'contact "anna" header "Authorization" has no scheme: OpenCX sends the value verbatim and adds no "Bearer ", a documented cause of 401s; write "Bearer <token>" (or "Basic …")'),
    ]);
  });

  test('values with a scheme pass', () => {
    assert.deepEqual(lintConfig(pretty({ globalVariables: { Authorization: 'Basic ${secret:BASIC}' } }), CODE), []);
  });
});

describe('unknown-segment (config contacts)', () => {
  const CODE = 'unknown-segment';

  test('contacts, at the top level and in an environment, in segments the list does not have', () => {
    const text = pretty({ segments: ['vip'], contacts: { anna: { segments: ['vpi', 'zzz'] } }, environments: { staging: { contacts: { bob: { segments: ['staff'] } } } } });
    assert.deepEqual(lintConfig(text, CODE), [
      warning(CODE, rangeOfText(text, '"vpi"'), 'contact "anna" is in segment "vpi", which "segments" does not list; did you mean "vip"?'),
      warning(CODE, rangeOfText(text, '"zzz"'), 'contact "anna" is in segment "zzz", which "segments" does not list; add it to "segments" or fix the name'),
      warning(CODE, rangeOfText(text, '"staff"'), 'contact "bob" is in segment "staff", which "segments" does not list; add it to "segments" or fix the name'),
    ]);
  });

  test('listed segments pass', () => {
    assert.deepEqual(lintConfig(pretty({ segments: ['vip', 'staff'], contacts: { anna: { segments: ['vip', 'staff'] } } }), CODE), []);
  });

  test('silent when the config lists no segments', () => {
    assert.deepEqual(lintConfig(pretty({ contacts: { anna: { segments: ['vpi'] } } }), CODE), []);
  });
});

describe('unknown-default', () => {
  const CODE = 'unknown-default';

  test('a typo gets a "did you mean", on the value', () => {
    const text = pretty({ defaultContact: 'ana', defaultEnvironment: 'stagign', contacts: { anna: {} }, environments: { staging: {} } });
    assert.deepEqual(lintConfig(text, CODE), [
      error(CODE, rangeAfter(text, '"defaultContact": ', '"ana"'), 'defaultContact is "ana", but there is no contact of that name; did you mean "anna"?'),
      error(CODE, rangeAfter(text, '"defaultEnvironment": ', '"stagign"'), 'defaultEnvironment is "stagign", but there is no environment of that name; did you mean "staging"?'),
    ]);
  });

  test('with nothing close, the known names are listed (contacts of environments count)', () => {
    const text = pretty({ defaultContact: 'bob', defaultEnvironment: 'prod', contacts: { anna: {} }, environments: { staging: { contacts: { carl: {} } }, production: {} } });
    assert.deepEqual(lintConfig(text, CODE), [
      error(CODE, rangeAfter(text, '"defaultContact": ', '"bob"'), 'defaultContact is "bob", but there is no contact of that name; known: anna, carl'),
      error(CODE, rangeAfter(text, '"defaultEnvironment": ', '"prod"'), 'defaultEnvironment is "prod", but there is no environment of that name; known: staging, production'),
    ]);
  });

  test('nothing defined at all: "(none)"', () => {
    const text = pretty({ defaultContact: 'anna' });
    assert.deepEqual(lintConfig(text, CODE), [error(CODE, rangeAfter(text, '"defaultContact": ', '"anna"'), 'defaultContact is "anna", but there is no contact of that name; known: (none)')]);
  });

  test('defaults naming a top-level contact, an environment\'s contact and an environment pass', () => {
    assert.deepEqual(lintConfig(pretty({ defaultContact: 'carl', defaultEnvironment: 'staging', contacts: { anna: {} }, environments: { staging: { contacts: { carl: {} } } } }), CODE), []);
    assert.deepEqual(lintConfig(pretty({ defaultContact: 'anna', contacts: { anna: {} } }), CODE), []);
  });
});
