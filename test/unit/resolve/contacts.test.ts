// Contacts: segment visibility (anonymous vs identified), x-opencx-external-user-id, defaults and errors.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ANONYMOUS_CONTACT, segmentVisibility } from '../../../server/src/engine/resolve';
import { action, hasHeader, header, ORG_ID, plan, planError } from './support';

const CONFIG = {
  contextHeaders: { enabled: true, orgId: ORG_ID },
  segments: ['vip', 'customers', 'staff'],
  contacts: {
    visitor: { segments: [] },
    'vip-visitor': { segments: ['vip'] },
    jane: { segments: ['customers', 'vip'], externalId: 'cus_1' },
    bob: { segments: ['customers'], externalId: 'cus_2' },
    nobody: { externalId: 'cus_3' },
  },
  defaultContact: 'jane',
};

const visible = (restricted: string[] | undefined, contact: string) =>
  plan(action(restricted === undefined ? {} : { restrictedToSegments: restricted }), { config: CONFIG, contact }).visibleToContact;

describe('segment visibility', () => {
  const cases: [string[] | undefined, string, boolean][] = [
    [undefined, 'visitor', true], [[], 'visitor', true], [['vip'], 'visitor', false],
    [['vip'], 'vip-visitor', false], // segments do not help an anonymous contact
    [undefined, 'jane', true], [['vip'], 'jane', true], [['staff', 'vip'], 'jane', true], [['staff'], 'jane', false],
    [['vip'], 'bob', false], [['customers'], 'bob', true], [['vip'], 'nobody', false], [[], 'nobody', true],
    [['VIP'], 'jane', false], // names compare exactly
  ];
  for (const [restricted, contact, expected] of cases) {
    test(`${JSON.stringify(restricted)} × ${contact} → ${expected ? 'visible' : 'hidden'}`, () => {
      assert.equal(visible(restricted, contact), expected);
    });
  }

  test('reasons', () => {
    assert.deepEqual(segmentVisibility(undefined, ANONYMOUS_CONTACT), { visible: true, reason: 'The action has no restrictedToSegments, so every contact sees it.', sharedSegments: [] });
    assert.equal(segmentVisibility([], ANONYMOUS_CONTACT).reason, 'restrictedToSegments is empty, so every contact sees it.');
    assert.equal(segmentVisibility(['vip'], ANONYMOUS_CONTACT).reason, 'Anonymous visitors only get unrestricted actions; this one is restricted to vip.');
    assert.equal(segmentVisibility(['vip'], ANONYMOUS_CONTACT, 'v').reason, 'Contact "v" is anonymous (no externalId), and anonymous contacts only get unrestricted actions; this one is restricted to vip.');
    const jane = { ...ANONYMOUS_CONTACT, externalId: 'c', segments: ['customers', 'vip'] };
    assert.deepEqual(segmentVisibility(['staff', 'vip'], jane, 'jane'), { visible: true, reason: 'Contact "jane" is in vip.', sharedSegments: ['vip'] });
    assert.equal(segmentVisibility(['staff'], jane, 'jane').reason, 'The action is restricted to staff; contact "jane" is only in customers, vip.');
    assert.equal(segmentVisibility(['staff'], { ...jane, segments: [] }, 'jane').reason, 'The action is restricted to staff; contact "jane" is in no segment.');
  });

  test('a hidden action gets a note saying why, first after the config notes', () => {
    const planned = plan(action({ restrictedToSegments: ['vip'] }), { config: CONFIG, contact: 'bob' });
    assert.equal(planned.notes[0], 'Not offered to contact "bob". The action is restricted to vip; contact "bob" is only in customers. OpenCX filters actions before the AI sees any tool, so the AI could not call this action in this conversation.');
    assert.equal(planned.visibilityReason, 'The action is restricted to vip; contact "bob" is only in customers.');
  });

  test('a visible action gets no visibility note', () => {
    assert.ok(!plan(action({ restrictedToSegments: ['vip'] }), { config: CONFIG }).notes.some((n) => n.startsWith('Not offered')));
  });
});

describe('x-opencx-external-user-id', () => {
  test('sent for an identified contact, with its location', () => {
    const planned = plan(action(), { config: CONFIG, contact: 'bob' });
    assert.deepEqual(header(planned, 'x-opencx-external-user-id'), {
      name: 'x-opencx-external-user-id', value: 'cus_2', source: 'context', shadowed: [],
      location: { file: '/w/opencx.config.json', path: ['contacts', 'bob', 'externalId'] },
    });
  });

  test('not sent for an anonymous contact, and the note says so', () => {
    const planned = plan(action(), { config: CONFIG, contact: 'visitor' });
    assert.ok(!hasHeader(planned, 'x-opencx-external-user-id'));
    assert.ok(planned.notes.some((n) => n.endsWith('no x-opencx-external-user-id, because the contact is anonymous.')));
  });
});

describe('choosing the contact', () => {
  test('defaultContact applies when none is chosen', () => {
    assert.equal(plan(action(), { config: CONFIG }).contact, 'jane');
  });

  test('no contact at all: an implicit anonymous visitor, with a note', () => {
    const planned = plan(action({ restrictedToSegments: ['vip'] }), { config: { contacts: { jane: {} } } });
    assert.equal(planned.contact, undefined);
    assert.equal(planned.visibleToContact, false);
    assert.equal(planned.notes[0], 'No contact chosen: planned for an anonymous visitor with no widget-passed values.');
  });

  test('an unknown contact is an error listing the contacts of the environment', () => {
    assert.deepEqual(planError(action(), { config: CONFIG, contact: 'janet' }), {
      code: 'unknown-contact',
      message: 'unknown contact "janet": opencx.config.json has no such contact; available: "visitor", "vip-visitor", "jane", "bob", "nobody"',
      available: ['visitor', 'vip-visitor', 'jane', 'bob', 'nobody'],
    });
  });

  test('the message names the environment when one is active, and a bad defaultContact says it is the default', () => {
    const config = { ...CONFIG, defaultContact: 'ghost', environments: { staging: { contacts: { tess: { externalId: 't' } } } } };
    const error = planError(action(), { config, environment: 'staging' });
    assert.equal(error.message, 'unknown defaultContact "ghost": opencx.config.json (environment "staging") has no such contact; available: "visitor", "vip-visitor", "jane", "bob", "nobody", "tess"');
  });

  test('a contact only an environment defines can be chosen in that environment only', () => {
    const config = { ...CONFIG, environments: { staging: { contacts: { tess: { externalId: 't' } } } } };
    assert.equal(plan(action(), { config, environment: 'staging', contact: 'tess' }).contact, 'tess');
    assert.equal(planError(action(), { config, contact: 'tess' }).code, 'unknown-contact');
  });
});
