// Quick fixes of the rules: the exact fixed text, and each fix leaves a valid file without its finding.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FIX_PROVIDERS } from '../../../server/src/engine/fixes/providers';
import { rangeOfText } from '../helpers';
import { SCHEMA_FIX_CODES, applyFix, exercisedCodes, fixesOf } from './fixHelpers';
import { ACTION_ID, CLEAN_ACTION, CONFIG_ID, OTHER_ID, cleanAction, findingsOf, pretty } from './workspaceHelpers';

const ORDER_ID = CLEAN_ACTION.parameters as unknown[];
const ITEM_ID = { name: 'item_id', in: 'path', required: true };
const PATH = 'path-parameter-mismatch';

describe('path-parameter-mismatch fixes', () => {
  test('adds the missing parameter when there is no "parameters" at all', () => {
    const text = cleanAction({ parameters: undefined });
    applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: PATH, title: 'Add path parameter "order_id"' }, `{
  "name": "Look up order",
  "description": "Look up an order by its numeric order ID and return its shipping status.",
  "method": "GET",
  "endpoint": "https://api.acme.com/orders/{order_id}",
  "restrictedToSegments": [],
  "parameters": [
    {
      "name": "order_id",
      "in": "path",
      "description": "The order id",
      "required": true,
      "schema": {
        "type": "string"
      }
    }
  ]
}`);
  });

  test('appends the missing parameter to existing ones, in the file\'s indentation (tabs)', () => {
    const text = JSON.stringify({ ...CLEAN_ACTION, endpoint: 'https://api.acme.com/orders/{order_id}/items/{item_id}' }, null, '\t');
    const expected = JSON.stringify({
      ...CLEAN_ACTION,
      endpoint: 'https://api.acme.com/orders/{order_id}/items/{item_id}',
      parameters: [...ORDER_ID, { name: 'item_id', in: 'path', description: 'The item id', required: true, schema: { type: 'string' } }],
    }, null, '\t');
    applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: PATH }, expected);
  });

  test('no parameter for an empty {} (it would have no name)', () => {
    const text = cleanAction({ endpoint: 'https://api.acme.com/orders/{order_id}/{}' });
    assert.deepEqual(fixesOf({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: PATH }).fixes, []);
  });

  test('removes an unused parameter (preferred)', () => {
    const text = cleanAction({ parameters: [...ORDER_ID, ITEM_ID] });
    const { fixes } = fixesOf({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: PATH });
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred === true]), [['Remove the unused parameter "item_id"', true], ['Use it: add /{item_id} to the endpoint', false]]);
    applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: PATH }, cleanAction());
  });

  test('or uses it: /{name} goes before the query string', () => {
    const text = cleanAction({ endpoint: 'https://api.acme.com/orders/{order_id}/?expand=items', parameters: [...ORDER_ID, ITEM_ID] });
    const expected = cleanAction({ endpoint: 'https://api.acme.com/orders/{order_id}/{item_id}?expand=items', parameters: [...ORDER_ID, ITEM_ID] });
    applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: PATH, title: 'Use it: add /{item_id} to the endpoint' }, expected);
  });

  test('makes a parameter required: replaces "required": false', () => {
    const text = cleanAction({ parameters: [{ name: 'order_id', in: 'path', required: false }] });
    applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: PATH }, cleanAction({ parameters: [{ name: 'order_id', in: 'path', required: true }] }));
  });

  test('makes a parameter required: adds "required": true', () => {
    const text = cleanAction({ parameters: [{ name: 'order_id', in: 'path' }] });
    applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: PATH, title: 'Make "order_id" required' }, cleanAction({ parameters: [{ name: 'order_id', in: 'path', required: true }] }));
  });
});

describe('missing-segment-rule fixes', () => {
  const NO_KEY = cleanAction({ restrictedToSegments: undefined, method: 'DELETE' });

  test('without a config: only "restrictedToSegments": []', () => {
    const { fixes } = fixesOf({ files: { [ACTION_ID]: NO_KEY }, id: ACTION_ID, code: 'missing-segment-rule' });
    assert.deepEqual(fixes.map((f) => f.title), ['Add "restrictedToSegments": [] (every contact, on purpose)']);
    applyFix({ files: { [ACTION_ID]: NO_KEY }, id: ACTION_ID, code: 'missing-segment-rule' }, cleanAction({ method: 'DELETE' }));
  });

  test('with a config: one fix per segment, none preferred (who may use an action is a decision, not a typo)', () => {
    const files = { [CONFIG_ID]: pretty({ segments: ['vip', 'staff'] }), [ACTION_ID]: NO_KEY };
    const { fixes } = fixesOf({ files, id: ACTION_ID, code: 'missing-segment-rule' });
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred === true]), [
      ['Add "restrictedToSegments": [] (every contact, on purpose)', false],
      ['Restrict to segment "vip"', false],
      ['Restrict to segment "staff"', false],
    ]);
    applyFix({ files, id: ACTION_ID, code: 'missing-segment-rule', title: 'Restrict to segment "staff"' }, cleanAction({ method: 'DELETE', restrictedToSegments: ['staff'] }));
  });
});

describe('unknown-segment fixes', () => {
  const CONFIG = pretty({ segments: ['vip', 'staff'] });

  test('an action\'s segment becomes the suggestion', () => {
    const files = { [CONFIG_ID]: CONFIG, [ACTION_ID]: cleanAction({ restrictedToSegments: ['staff', 'vpi'] }) };
    const { fix } = applyFix({ files, id: ACTION_ID, code: 'unknown-segment' }, cleanAction({ restrictedToSegments: ['staff', 'vip'] }));
    assert.equal(fix.title, 'Change the segment to "vip"');
  });

  test('a contact\'s segment in the config becomes the suggestion', () => {
    const text = pretty({ segments: ['vip'], contacts: { anna: { segments: ['vpi'] } } });
    applyFix({ files: { [CONFIG_ID]: text }, id: CONFIG_ID, code: 'unknown-segment' }, pretty({ segments: ['vip'], contacts: { anna: { segments: ['vip'] } } }));
  });

  test('a misspelling of a segment already listed is removed rather than duplicated', () => {
    const files = { [CONFIG_ID]: CONFIG, [ACTION_ID]: cleanAction({ restrictedToSegments: ['vip', 'VIP'] }) };
    const { fix } = applyFix({ files, id: ACTION_ID, code: 'unknown-segment' }, cleanAction({ restrictedToSegments: ['vip'] }));
    assert.equal(fix.title, 'Remove "VIP" ("vip" is already listed)');
  });

  test('no suggestion, no fix', () => {
    const files = { [CONFIG_ID]: CONFIG, [ACTION_ID]: cleanAction({ restrictedToSegments: ['wholesale'] }) };
    assert.deepEqual(fixesOf({ files, id: ACTION_ID, code: 'unknown-segment' }).fixes, []);
  });
});

describe('credential-in-file fixes', () => {
  test('the literal becomes ${secret:NAME}, keeping the "Bearer " scheme; the client stores the literal first', () => {
    const text = cleanAction({ headers: { Authorization: 'Bearer abcdefghij1234567890XYZ' } });
    const { fix } = applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: 'credential-in-file' }, cleanAction({ headers: { Authorization: 'Bearer ${secret:AUTHORIZATION}' } }));
    assert.equal(fix.title, 'Move the value into secret AUTHORIZATION and use "Bearer ${secret:AUTHORIZATION}"');
    assert.deepEqual(fix.storeSecret, { secretName: 'AUTHORIZATION', valueRange: rangeOfText(text, '"Bearer abcdefghij1234567890XYZ"') });
  });

  test('a static query parameter', () => {
    const parameters = [...ORDER_ID, { name: 'api_key', in: 'query', value: 'abcd1234efgh' }];
    const text = cleanAction({ parameters });
    const expected = cleanAction({ parameters: [...ORDER_ID, { name: 'api_key', in: 'query', value: '${secret:API_KEY}' }] });
    applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: 'credential-in-file' }, expected);
  });

  test('a global variable in the config', () => {
    const text = pretty({ globalVariables: { 'X-Api-Key': 'sk_live_abcdefghijklmn' } });
    const { fix } = applyFix({ files: { [CONFIG_ID]: text }, id: CONFIG_ID, code: 'credential-in-file' }, pretty({ globalVariables: { 'X-Api-Key': '${secret:X_API_KEY}' } }));
    assert.deepEqual(fix.storeSecret, { secretName: 'X_API_KEY', valueRange: rangeOfText(text, '"sk_live_abcdefghijklmn"') });
  });
});

describe('authorization-without-scheme fixes', () => {
  test('"Bearer " goes in front of a literal (the credential rule still asks for a secret: a warning)', () => {
    const text = cleanAction({ headers: { Authorization: 'abcdefghij1234567890XYZ' } });
    const { after } = applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: 'authorization-without-scheme' }, cleanAction({ headers: { Authorization: 'Bearer abcdefghij1234567890XYZ' } }));
    assert.deepEqual(after.map((f) => [f.code, f.severity]), [['credential-in-file', 'warning']]);
  });

  test('"Bearer " goes in front of a bare secret reference, and the file is clean', () => {
    const text = cleanAction({ headers: { Authorization: '${secret:TOKEN}' } });
    const { after } = applyFix({ files: { [ACTION_ID]: text }, id: ACTION_ID, code: 'authorization-without-scheme' }, cleanAction({ headers: { Authorization: 'Bearer ${secret:TOKEN}' } }));
    assert.deepEqual(after, []);
  });

  test('in a contact header of the config', () => {
    const text = pretty({ contacts: { anna: { headers: { Authorization: ' abc ' } } } });
    applyFix({ files: { [CONFIG_ID]: text }, id: CONFIG_ID, code: 'authorization-without-scheme' }, pretty({ contacts: { anna: { headers: { Authorization: 'Bearer abc' } } } }));
  });
});

describe('duplicate-action-name fix', () => {
  test('renames this action; the other one loses its finding too', () => {
    const files = { [ACTION_ID]: cleanAction(), [OTHER_ID]: cleanAction() };
    const { workspace, fix } = applyFix({ files, id: ACTION_ID, code: 'duplicate-action-name' }, cleanAction({ name: 'Look up order (2)' }));
    assert.equal(fix.title, 'Rename to "Look up order (2)"');
    assert.deepEqual(findingsOf(workspace, OTHER_ID, 'duplicate-action-name'), []);
  });
});

describe('no-channel fix', () => {
  test('puts the action on the widget', () => {
    applyFix({ files: { [ACTION_ID]: cleanAction({ channels: [] }) }, id: ACTION_ID, code: 'no-channel' }, cleanAction({ channels: ['widget'] }));
  });
});

describe('unknown-default fix', () => {
  test('defaultContact and defaultEnvironment become the suggestion', () => {
    const config = { defaultContact: 'ana', defaultEnvironment: 'stagign', contacts: { anna: {} }, environments: { staging: {} } };
    const first = applyFix({ files: { [CONFIG_ID]: pretty(config) }, id: CONFIG_ID, code: 'unknown-default', title: 'Change defaultContact to "anna"' }, pretty({ ...config, defaultContact: 'anna' }));
    assert.equal(first.after.filter((f) => f.code === 'unknown-default').length, 1);
    applyFix({ files: { [CONFIG_ID]: pretty(config) }, id: CONFIG_ID, code: 'unknown-default', which: (f) => f.message.startsWith('defaultEnvironment') }, pretty({ ...config, defaultEnvironment: 'staging' }));
  });

  test('no suggestion, no fix', () => {
    assert.deepEqual(fixesOf({ files: { [CONFIG_ID]: pretty({ defaultContact: 'bob', contacts: { anna: {} } }) }, id: CONFIG_ID, code: 'unknown-default' }).fixes, []);
  });
});

test('every rule with a fix provider is exercised above', () => {
  const ruleCodes = Object.keys(FIX_PROVIDERS).filter((code) => !SCHEMA_FIX_CODES.includes(code)).sort();
  assert.deepEqual([...exercisedCodes].sort(), ruleCodes);
});
