// The tool list for one contact on one channel, the hidden actions with their reasons, coverage across contacts,
// and the token cost with the run view's tokenizer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actionModelOf } from '../../../server/src/engine/model/action';
import { ANONYMOUS_CONTACT } from '../../../server/src/engine/resolve';
import { configModelOf } from '../../../server/src/engine/model/config';
import { countAiTokens } from '../../../server/src/engine/execute/tokens';
import {
  buildCatalog, buildCoverage, catalogContact, catalogTokens, coverageContacts, modelTools, type CatalogEntry,
} from '../../../server/src/engine/catalog';

const entry = (file: string, value: Record<string, unknown>, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({
  file,
  action: actionModelOf({ description: `Description of ${file}, long enough to read.`, method: 'GET', endpoint: 'https://a.example/x', ...value }),
  invalid: false,
  ...extra,
});

const ENTRIES: CatalogEntry[] = [
  entry('a/look-up.action.json', { name: 'Look up order', restrictedToSegments: ['customers'], channels: ['widget', 'email'] }),
  entry('a/refund.action.json', { name: 'Refund order', restrictedToSegments: ['vip'] }),
  entry('a/faq.action.json', { name: 'Search FAQ', restrictedToSegments: [] }),
  entry('a/email-only.action.json', { name: 'Resend invoice', channels: ['email'], restrictedToSegments: ['customers'] }),
  entry('a/broken.action.json', { name: 'Broken one' }, { invalid: true }),
  { file: 'a/not-json.action.json', action: undefined, invalid: true },
];

const CONFIG = configModelOf({
  segments: ['customers', 'vip', 'staff'],
  contacts: {
    jane: { segments: ['customers', 'vip'], externalId: 'c1' },
    bob: { segments: ['customers'], externalId: 'c2' },
    visitor: { segments: [] },
  },
  defaultContact: 'bob',
})!;
const ORG = { file: 'opencx.config.json', config: CONFIG, raw: {} };
const who = (name: string) => {
  const r = catalogContact(ORG, undefined, name);
  assert.ok(r.ok);
  return r.value;
};

describe('buildCatalog', () => {
  test('jane on the widget: what her segments reach on this channel; the rest hidden with the first filter that hides it', () => {
    const catalog = buildCatalog(ENTRIES, who('jane'), 'widget');
    assert.equal(catalog.contact, 'jane');
    assert.equal(catalog.channel, 'widget');
    assert.deepEqual(catalog.tools.map((t) => [t.file, t.function]), [['a/look-up.action.json', 'look_up_order'], ['a/refund.action.json', 'refund_order'], ['a/faq.action.json', 'search_faq']]);
    assert.deepEqual(catalog.hidden.map((h) => [h.file, h.name, h.reason]), [
      ['a/email-only.action.json', 'Resend invoice', 'channel'],
      ['a/broken.action.json', 'Broken one', 'invalid'],
      ['a/not-json.action.json', 'not-json.action.json', 'invalid'],
    ]);
    assert.equal(catalog.hidden[0].detail, 'The action is only on email, not widget.');
    assert.equal(catalog.tools[0].description, 'Description of a/look-up.action.json, long enough to read.');
  });

  test('bob on email: the email-only action, not the VIP one (segment) nor the widget ones (channel)', () => {
    const catalog = buildCatalog(ENTRIES, who('bob'), 'email');
    assert.deepEqual(catalog.tools.map((t) => t.name), ['Look up order', 'Resend invoice']);
    assert.deepEqual(catalog.hidden.map((h) => [h.name, h.reason]), [['Refund order', 'channel'], ['Search FAQ', 'channel'], ['Broken one', 'invalid'], ['not-json.action.json', 'invalid']]);
  });

  test('the anonymous visitor only gets unrestricted actions, with the resolver\'s sentence', () => {
    const catalog = buildCatalog(ENTRIES, { contact: ANONYMOUS_CONTACT }, 'widget');
    assert.equal(catalog.contact, null);
    assert.deepEqual(catalog.tools.map((t) => t.name), ['Search FAQ']);
    const refund = catalog.hidden.find((h) => h.name === 'Refund order');
    assert.deepEqual(refund && [refund.reason, refund.detail], ['segment', 'Anonymous visitors only get unrestricted actions; this one is restricted to vip.']);
  });

  test('an action whose segments are unknown (pulled from OpenCX) is offered, with a note', () => {
    const pulled = entry('p.action.json', { name: 'Pulled action', restrictedToSegments: ['vip'] }, { segmentsUnknown: true });
    const catalog = buildCatalog([pulled], { contact: ANONYMOUS_CONTACT }, 'widget');
    assert.equal(catalog.tools.length, 1);
    assert.match(catalog.tools[0].notes[0], /segment restriction is not known/);
  });

  test('two actions with the same function name: the later one gets _2 and a note', () => {
    const catalog = buildCatalog([entry('1.action.json', { name: 'Look up order' }), entry('2.action.json', { name: 'Look-up: order' }), entry('3.action.json', { name: 'look up order' })], { contact: ANONYMOUS_CONTACT }, 'widget');
    assert.deepEqual(catalog.tools.map((t) => t.function), ['look_up_order', 'look-up_order', 'look_up_order_2']);
    assert.deepEqual(catalog.tools[2].notes, ['Another offered action comes first with the function name "look_up_order", so this one is "look_up_order_2".']);
  });

  test('modelTools: exactly what a chat-completions request carries, nothing about files', () => {
    const [tool] = modelTools(buildCatalog([ENTRIES[2]], { contact: ANONYMOUS_CONTACT }, 'widget').tools);
    assert.deepEqual(tool, { type: 'function', function: { name: 'search_faq', description: 'Description of a/faq.action.json, long enough to read.', parameters: { type: 'object', properties: {}, required: [] } } });
  });
});

describe('catalogContact', () => {
  test('no name: the config\'s defaultContact, as plan chooses; no config: the anonymous visitor', () => {
    const chosen = catalogContact(ORG, undefined, undefined);
    assert.ok(chosen.ok && chosen.value.name === 'bob');
    const none = catalogContact(undefined, undefined, undefined);
    assert.ok(none.ok && none.value.name === undefined);
  });

  test('an unknown contact is the resolver\'s error, with the names that exist', () => {
    const r = catalogContact(ORG, undefined, 'nobody');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'unknown-contact');
    assert.deepEqual(r.error.available, ['jane', 'bob', 'visitor']);
  });
});

describe('buildCoverage', () => {
  test('every contact plus (anonymous); unreachable actions, contacts offered nothing, unused segments', () => {
    const r = coverageContacts(ORG, undefined);
    assert.ok(r.ok);
    const coverage = buildCoverage(ENTRIES, r.value.contacts, r.value.segments, 'widget');
    assert.deepEqual(coverage.contacts, ['jane', 'bob', 'visitor', '(anonymous)']);
    assert.deepEqual(coverage.actions.map((a) => [a.name, a.offeredTo]), [
      ['Look up order', ['jane', 'bob']],
      ['Refund order', ['jane']],
      ['Search FAQ', ['jane', 'bob', 'visitor', '(anonymous)']],
      ['Resend invoice', []],
      ['Broken one', []],
      ['not-json.action.json', []],
    ]);
    assert.deepEqual(coverage.unreachable, ['a/email-only.action.json', 'a/broken.action.json', 'a/not-json.action.json']);
    assert.deepEqual(coverage.contactsWithoutActions, []);
    assert.deepEqual(coverage.unusedSegments, ['staff']);
    assert.deepEqual(coverage.cells[3][0], { offered: false, reason: 'channel', detail: 'The action is only on email, not widget.' });
    assert.equal(coverage.cells[1][1].reason, 'segment');
    assert.equal(coverage.cells[4][0].reason, 'invalid');
  });

  test('on sms nobody is offered anything', () => {
    const r = coverageContacts(ORG, undefined);
    assert.ok(r.ok);
    const coverage = buildCoverage(ENTRIES, r.value.contacts, r.value.segments, 'sms');
    assert.deepEqual(coverage.contactsWithoutActions, ['jane', 'bob', 'visitor', '(anonymous)']);
    assert.equal(coverage.unreachable.length, ENTRIES.length);
  });

  test('an unknown environment is an error; an unknown defaultContact does not matter', () => {
    const r = coverageContacts({ ...ORG, config: { ...CONFIG, defaultContact: 'ghost' } }, 'nowhere');
    assert.ok(!r.ok && r.error.code === 'unknown-environment');
    const ok = coverageContacts({ ...ORG, config: { ...CONFIG, defaultContact: 'ghost' } }, undefined);
    assert.ok(ok.ok && ok.value.contacts.length === 4);
  });
});

describe('catalogTokens', () => {
  test('the total is the tokenizer\'s count of the compact tools JSON; contributors are per tool, biggest first', async () => {
    const tools = buildCatalog(ENTRIES.slice(0, 3), who('jane'), 'widget').tools;
    const cost = await catalogTokens(tools);
    assert.equal(cost.tokens, (await countAiTokens(JSON.stringify(modelTools(tools)))).tokens);
    assert.ok(cost.tokens > 0);
    assert.equal(cost.contributors.length, 3);
    for (let i = 1; i < cost.contributors.length; i++) assert.ok(cost.contributors[i - 1].tokens >= cost.contributors[i].tokens);
    const sum = cost.contributors.reduce((s, c) => s + c.tokens, 0);
    assert.ok(Math.abs(cost.tokens - sum) <= 4, `${cost.tokens} vs ${sum}`);
    assert.deepEqual(await catalogTokens([]), { tokens: 1, contributors: [] });
  });
});
