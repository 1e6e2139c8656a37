// unknown-segment in actions: a restrictedToSegments entry that opencx.config.json does not list. Silent without a
// config file or without a segments list there; suggests the closest name (a swap of two letters included).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rangeOfText, warning } from '../helpers';
import { ACTION_ID, CONFIG_ID, cleanAction, lintAction, pretty, rawFindings, workspaceWith } from './workspaceHelpers';

const CODE = 'unknown-segment';
const CONFIG = pretty({ segments: ['vip', 'staff', 'enterprise'] });

describe('unknown-segment (actions)', () => {
  test('a transposed name gets a "did you mean" ("vpi" → "vip"), on the item', () => {
    const text = cleanAction({ restrictedToSegments: ['staff', 'vpi'] });
    assert.deepEqual(lintAction(text, CODE, CONFIG), [
      warning(CODE, rangeOfText(text, '"vpi"'), 'segment "vpi" is not listed in opencx.config.json, so no contact can match it; did you mean "vip"?'),
    ]);
  });

  test('a name that differs only in case is suggested with the config\'s spelling', () => {
    const text = cleanAction({ restrictedToSegments: ['VIP'] });
    assert.deepEqual(lintAction(text, CODE, CONFIG), [
      warning(CODE, rangeOfText(text, '"VIP"'), 'segment "VIP" is not listed in opencx.config.json, so no contact can match it; did you mean "vip"?'),
    ]);
  });

  test('with nothing close, the message lists the known segments', () => {
    const text = cleanAction({ restrictedToSegments: ['wholesale'] });
    assert.deepEqual(lintAction(text, CODE, CONFIG), [
      warning(CODE, rangeOfText(text, '"wholesale"'), 'segment "wholesale" is not listed in opencx.config.json, so no contact can match it; known segments: vip, staff, enterprise'),
    ]);
  });

  test('an empty segments list in the config knows no segment', () => {
    const text = cleanAction({ restrictedToSegments: ['vip'] });
    assert.deepEqual(lintAction(text, CODE, pretty({ segments: [] })), [
      warning(CODE, rangeOfText(text, '"vip"'), 'segment "vip" is not listed in opencx.config.json, so no contact can match it; known segments: (none)'),
    ]);
  });

  test('the finding carries the suggestion, the index and the target for the fix and lint.allow', () => {
    const workspace = workspaceWith({ [CONFIG_ID]: CONFIG, [ACTION_ID]: cleanAction({ restrictedToSegments: ['staff', 'vpi'] }) });
    const [finding] = rawFindings(workspace, ACTION_ID, CODE);
    assert.deepEqual(finding.data, { segment: 'vpi', index: 1, suggestion: 'vip', known: ['vip', 'staff', 'enterprise'], target: 'vpi' });
  });

  test('listed segments pass', () => {
    assert.deepEqual(lintAction(cleanAction({ restrictedToSegments: ['vip', 'enterprise'] }), CODE, CONFIG), []);
  });

  test('silent without a config file', () => {
    assert.deepEqual(lintAction(cleanAction({ restrictedToSegments: ['vpi'] }), CODE), []);
  });

  test('silent when the config lists no segments', () => {
    assert.deepEqual(lintAction(cleanAction({ restrictedToSegments: ['vpi'] }), CODE, pretty({ globalVariables: {} })), []);
  });
});
