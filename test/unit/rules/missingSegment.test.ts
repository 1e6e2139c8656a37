// missing-segment-rule: no restrictedToSegments key means every contact is offered the action, anonymous visitors
// included; the finding is an error when the action changes state (method or words), a warning otherwise.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { error, rangeOfText, warning } from '../helpers';
import { cleanAction, lintAction } from './workspaceHelpers';

const CODE = 'missing-segment-rule';

function stateChanging(title: string, change: string): string {
  return `${title} changes data (${change}) but has no restrictedToSegments, so every contact can trigger it, anonymous visitors included; list the segments allowed to use it, or add "restrictedToSegments": [] if everyone really may`;
}

function readOnly(title: string): string {
  return `${title} has no restrictedToSegments, so OpenCX offers it to every contact, anonymous visitors included; list the segments that may use it, or add "restrictedToSegments": [] to say everyone may`;
}

describe('missing-segment-rule', () => {
  test('a read-only action without the key is a warning on the "name" key', () => {
    const text = cleanAction({ restrictedToSegments: undefined });
    assert.deepEqual(lintAction(text, CODE), [warning(CODE, rangeOfText(text, '"name"'), readOnly('"Look up order"'))]);
  });

  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    test(`${method} escalates it to an error`, () => {
      const text = cleanAction({ restrictedToSegments: undefined, method });
      assert.deepEqual(lintAction(text, CODE), [error(CODE, rangeOfText(text, '"name"'), stateChanging('"Look up order"', method))]);
    });
  }

  test('a state-changing word in the name escalates a GET action', () => {
    const text = cleanAction({ restrictedToSegments: undefined, name: 'Cancel order' });
    assert.deepEqual(lintAction(text, CODE), [error(CODE, rangeOfText(text, '"name"'), stateChanging('"Cancel order"', '"cancel"'))]);
  });

  test('a description that starts with a state-changing verb escalates a GET action (reported in lower case)', () => {
    const text = cleanAction({ restrictedToSegments: undefined, description: 'Refund an order by its ID when the customer asks for their money back.' });
    assert.deepEqual(lintAction(text, CODE), [error(CODE, rangeOfText(text, '"name"'), stateChanging('"Look up order"', '"refund"'))]);
  });

  test('the same word later on, as a noun, does not escalate ("Look up the refund status")', () => {
    const text = cleanAction({ restrictedToSegments: undefined, description: 'Look up the refund status and payment charges of an order by its ID.' });
    assert.deepEqual(lintAction(text, CODE), [warning(CODE, rangeOfText(text, '"name"'), readOnly('"Look up order"'))]);
  });

  test('an action without a name is called "this action", and the finding goes on the root brace', () => {
    const text = cleanAction({ restrictedToSegments: undefined, name: undefined });
    assert.deepEqual(lintAction(text, CODE), [warning(CODE, rangeOfText(text, '{'), readOnly('this action'))]);
  });

  test('an explicit [] is a deliberate choice and passes, even for a state-changing action', () => {
    assert.deepEqual(lintAction(cleanAction({ restrictedToSegments: [], method: 'DELETE' }), CODE), []);
  });

  test('a segment list passes', () => {
    assert.deepEqual(lintAction(cleanAction({ restrictedToSegments: ['vip'], method: 'POST' }), CODE), []);
  });

  test('a restrictedToSegments of the wrong type counts as absent (the schema reports the type too)', () => {
    const text = cleanAction({ restrictedToSegments: 'vip' });
    assert.deepEqual(lintAction(text, CODE), [warning(CODE, rangeOfText(text, '"name"'), readOnly('"Look up order"'))]);
  });
});

describe('missing-segment-rule on a pulled action (remote.segmentsUnknown)', () => {
  test('segments unknown, not missing: information only, even when it changes data', () => {
    const text = cleanAction({ restrictedToSegments: undefined, method: 'POST', remote: { id: 'act_1', segmentsUnknown: true } });
    const findings = lintAction(text, CODE);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    assert.match(findings[0].message, /^"Look up order" was pulled from OpenCX, whose API does not carry segment restrictions/);
  });
});
