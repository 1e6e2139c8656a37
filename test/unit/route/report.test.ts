// The routing test's pure parts: utterances read from a file, the exact request, and the report (accuracy over
// every pick, a case right only when every pick is, the confusion table of wrong picks, the argument checks).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCatalog, type CatalogEntry } from '../../../server/src/engine/catalog';
import { actionModelOf } from '../../../server/src/engine/model/action';
import { ANONYMOUS_CONTACT } from '../../../server/src/engine/resolve';
import { chatRequest, DEFAULT_SYSTEM_PROMPT, retryWaitMs, routeCases, routeReport, utterancesOf } from '../../../server/src/engine/route';

const RAW: Record<string, unknown> = {
  'look.action.json': {
    name: 'Look up order', description: 'Look up one order by its ID.', method: 'GET', endpoint: 'https://a.example/orders/{order_id}', restrictedToSegments: [],
    parameters: [{ name: 'order_id', in: 'path', required: true, schema: { type: 'integer' } }],
    utterances: ['where is my order?', { text: 'status of order 10452', expect: { order_id: 10452 } }, '', 7, { text: '' }],
  },
  'refund.action.json': { name: 'Refund order', description: 'Refund one order.', method: 'POST', endpoint: 'https://a.example/refunds', restrictedToSegments: [], utterances: ['I want my money back'] },
  'vip.action.json': { name: 'VIP only', description: 'Only for VIPs.', method: 'GET', endpoint: 'https://a.example/vip', restrictedToSegments: ['vip'], utterances: ['vip thing'] },
};
const entries: CatalogEntry[] = Object.entries(RAW).map(([file, value]) => ({ file, action: actionModelOf(value), invalid: false }));
const catalog = buildCatalog(entries, { contact: ANONYMOUS_CONTACT }, 'widget');
const cases = routeCases(catalog, (file) => utterancesOf(RAW[file]));

describe('routing test', () => {
  test('utterances: strings and {text, expect}; empty and malformed items skipped', () => {
    assert.deepEqual(utterancesOf(RAW['look.action.json']), [{ text: 'where is my order?' }, { text: 'status of order 10452', expect: { order_id: 10452 } }]);
    assert.deepEqual(utterancesOf({ utterances: 'not a list' }), []);
  });

  test('cases: the utterances of offered actions only (the VIP action is hidden from this contact)', () => {
    assert.deepEqual(cases.map((c) => [c.action, c.function, c.utterance.text]), [
      ['Look up order', 'look_up_order', 'where is my order?'],
      ['Look up order', 'look_up_order', 'status of order 10452'],
      ['Refund order', 'refund_order', 'I want my money back'],
    ]);
  });

  test('the request: two messages, the catalog\'s tools, tool_choice auto', () => {
    const request = chatRequest('m', DEFAULT_SYSTEM_PROMPT, catalog, 'hello');
    assert.deepEqual(request.messages, [{ role: 'system', content: DEFAULT_SYSTEM_PROMPT }, { role: 'user', content: 'hello' }]);
    assert.equal(request.tool_choice, 'auto');
    assert.deepEqual(request.tools.map((t) => t.function.name), ['look_up_order', 'refund_order']);
    assert.ok(!JSON.stringify(request).includes('https://'), 'no URL leaves the machine');
  });

  test('the report: accuracy over picks, cases right only when every pick is, confusions of wrong picks, argument checks', () => {
    const report = routeReport('m', catalog, cases, [
      [{ function: 'look_up_order', arguments: '{}' }, { function: 'refund_order', arguments: '{}' }],
      [{ function: 'look_up_order', arguments: '{"order_id":"10452"}' }, { function: 'look_up_order', arguments: '{"order_id":10452}' }],
      [{ function: null }, { function: 'made_up_tool', arguments: '{}' }],
    ]);
    assert.equal(report.accuracy, 3 / 6);
    assert.deepEqual(report.cases.map((c) => [c.picks, c.correct, c.arguments]), [
      [['Look up order', 'Refund order'], false, { valid: false, matches: null }],
      [['Look up order', 'Look up order'], true, { valid: false, matches: true }],
      [[null, 'made_up_tool'], false, { valid: false, matches: null }],
    ]);
    assert.deepEqual(report.confusions, [
      { expected: 'Look up order', picked: 'Refund order', count: 1 },
      { expected: 'Refund order', picked: null, count: 1 },
      { expected: 'Refund order', picked: 'made_up_tool', count: 1 },
    ]);
    assert.equal(report.argumentAccuracy, 1 / 3, 'of three right picks, only {"order_id":10452} is valid and matches');
  });

  test('no pick at all: accuracy 1 and no argument accuracy', () => {
    const report = routeReport('m', catalog, [], []);
    assert.equal(report.accuracy, 1);
    assert.equal(report.argumentAccuracy, null);
  });

  test('Retry-After: milliseconds, seconds, an HTTP date, capped at a minute; one second without', () => {
    assert.equal(retryWaitMs(new Headers({ 'retry-after-ms': '250' })), 250);
    assert.equal(retryWaitMs(new Headers({ 'retry-after': '2' })), 2000);
    assert.equal(retryWaitMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 7_000), 3000);
    assert.equal(retryWaitMs(new Headers({ 'retry-after': '3600' })), 60_000);
    assert.equal(retryWaitMs(new Headers()), 1000);
  });
});
