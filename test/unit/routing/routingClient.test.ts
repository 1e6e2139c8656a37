// The VS Code routing test's pure parts: the generated utterances' edit (into an existing `utterances` array or a
// new one, marked "generated": true, the result still valid JSON) and the info diagnostic's sentence.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { misroutedMessage } from '../../../client/src/routing/misrouted';
import { utteranceEdits } from '../../../client/src/routing/utteranceEdit';

const formatting = { tabSize: 2, insertSpaces: true, eol: '\n' };

describe('utteranceEdits', () => {
  test('appends to an existing array, each as { text, generated: true }, keeping what is there', () => {
    const text = '{\n  "name": "Look up order",\n  "utterances": [\n    "where is my order?"\n  ]\n}\n';
    const edits = utteranceEdits(text, ['track 10452', 'has it "shipped"'], formatting);
    assert.equal(edits.length, 1, 'one edit, one undo step');
    const after = applyEdits(text, edits);
    assert.deepEqual(JSON.parse(after).utterances, ['where is my order?', { text: 'track 10452', generated: true }, { text: 'has it "shipped"', generated: true }]);
    assert.ok(after.startsWith('{\n  "name": "Look up order",\n  "utterances": [\n    "where is my order?",'), after);
  });
  test('creates the array when the action has none', () => {
    const text = '{\n  "name": "Refund",\n  "description": "Refund one order."\n}';
    const after = applyEdits(text, utteranceEdits(text, ['I want my money back'], formatting));
    assert.deepEqual(JSON.parse(after), { name: 'Refund', description: 'Refund one order.', utterances: [{ text: 'I want my money back', generated: true }] });
  });
  test('nothing chosen: no edit', () => {
    assert.deepEqual(utteranceEdits('{}', [], formatting), []);
  });
});

describe('misroutedMessage', () => {
  const report = { model: 'm', contact: 'jane-vip', channel: 'widget' as const };
  const c = (utterance: string, picks: (string | null)[], correct: boolean) => ({ file: 'f', action: 'Look up order', utterance, picks, correct, arguments: { valid: correct, matches: null } });
  test('null when every utterance went to the action', () => {
    assert.equal(misroutedMessage(report, [c('a', ['Look up order'], true)]), null);
  });
  test('one destination: "sent 2 of 3 utterances of this action to X"', () => {
    const message = misroutedMessage(report, [c('a', ['Search help center'], false), c('b', ['Search help center'], false), c('c', ['Look up order'], true)]);
    assert.equal(message, 'The model sent 2 of 3 utterances of this action to "Search help center": "a", "b". (Routing test: model m, contact jane-vip, channel widget.)');
  });
  test('several destinations, no tool among them, most frequent first', () => {
    const message = misroutedMessage({ ...report, contact: null }, [c('a', [null, 'X'], false), c('b', [null, 'Look up order'], false)]);
    assert.match(message!, /^The model sent 2 of 2 utterances of this action elsewhere: no tool \(2\), "X" \(1\): "a", "b"\. \(Routing test: model m, contact \(anonymous visitor\), channel widget\.\)$/);
  });
});
