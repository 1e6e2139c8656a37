// One segment filter for the whole engine: the plan (resolve), the hovers (segmentAudience) and description
// overlap (coVisibility) must agree on who is offered an action. They used to disagree on an anonymous contact
// (no externalId) given segments: the overlap check named it as seeing two restricted actions that the plan
// said were not offered to it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContactConfig, OrgSettings } from '../../../server/src/engine/model/config';
import { isUnrestricted, offersTo, type SegmentMember } from '../../../server/src/engine/model/visibility';
import type { OverlapEntry } from '../../../server/src/engine/overlap/types';
import { coVisibility } from '../../../server/src/engine/overlap/visibility';
import { segmentAudience } from '../../../server/src/engine/resolve/explainAudience';
import { segmentVisibility } from '../../../server/src/engine/resolve/visibility';

const contact = (segments: string[], externalId?: string): ContactConfig => ({
  segments, headers: {}, queryParams: {}, pathParams: {}, bodyParams: {}, ...(externalId !== undefined ? { externalId } : {}),
});

const entry = (restrictedToSegments: string[] | undefined): OverlapEntry => ({
  name: 'Some action', description: 'Some description of the action.', method: 'GET', restrictedToSegments, channels: ['widget'],
});

const CONTACTS: Record<string, ContactConfig> = {
  identifiedInBoth: contact(['retail', 'wholesale'], 'ext-1'),
  anonymousInBoth: contact(['retail', 'wholesale']),
  identifiedInRetail: contact(['retail'], 'ext-2'),
  identifiedInNone: contact([], 'ext-3'),
  anonymousInNone: contact([]),
};

const RESTRICTIONS: (string[] | undefined)[] = [undefined, [], ['retail'], ['wholesale'], ['staff'], ['retail', 'staff']];

describe('offersTo: the one segment filter', () => {
  it('an absent or empty list is open to everyone, anonymous contacts included', () => {
    assert.equal(isUnrestricted(undefined), true);
    assert.equal(isUnrestricted([]), true);
    assert.equal(isUnrestricted(['retail']), false);
    for (const c of Object.values(CONTACTS)) {
      assert.equal(offersTo(undefined, c), true);
      assert.equal(offersTo([], c), true);
    }
  });

  it('a restricted action needs an externalId and one listed segment', () => {
    assert.equal(offersTo(['retail'], CONTACTS.identifiedInBoth), true);
    assert.equal(offersTo(['retail'], CONTACTS.anonymousInBoth), false, 'anonymous: only unrestricted actions');
    assert.equal(offersTo(['wholesale'], CONTACTS.identifiedInRetail), false);
    assert.equal(offersTo(['Retail'], CONTACTS.identifiedInBoth), false, 'segment names are case-sensitive');
  });

  it('an empty externalId is still an identified contact (only an absent one is anonymous)', () => {
    const member: SegmentMember = { externalId: '', segments: ['retail'] };
    assert.equal(offersTo(['retail'], member), true);
  });
});

describe('the plan, the hover and description overlap agree', () => {
  it('segmentVisibility and segmentAudience give offersTo\'s answer for every contact and restriction', () => {
    const settings: OrgSettings = { globalVariables: {}, contextHeaders: { enabled: false }, segments: undefined, contacts: CONTACTS, connectTo: {} };
    for (const restricted of RESTRICTIONS) {
      const audience = new Map(segmentAudience(restricted, settings).map((a) => [a.contact, a.visible]));
      for (const [name, c] of Object.entries(CONTACTS)) {
        const expected = offersTo(restricted, c);
        assert.equal(segmentVisibility(restricted, c, name).visible, expected, `plan: ${name} / ${JSON.stringify(restricted)}`);
        assert.equal(audience.get(name), expected, `hover: ${name} / ${JSON.stringify(restricted)}`);
      }
    }
  });

  it('coVisibility names as seeing both exactly the contacts offered both', () => {
    for (const a of RESTRICTIONS) {
      for (const b of RESTRICTIONS) {
        const both = coVisibility(entry(a), entry(b), { contacts: CONTACTS });
        if (both?.kind !== 'multi-segment') continue;
        const expected = Object.entries(CONTACTS).filter(([, c]) => offersTo(a, c) && offersTo(b, c)).map(([n]) => n).sort();
        assert.deepEqual(both.testContacts, expected, `${JSON.stringify(a)} × ${JSON.stringify(b)}`);
      }
    }
  });

  it('the former disagreement: an anonymous contact in retail and wholesale sees neither restricted action', () => {
    const anonymous = CONTACTS.anonymousInBoth;
    assert.equal(segmentVisibility(['retail'], anonymous, 'anonymousInBoth').visible, false);
    const both = coVisibility(entry(['retail']), entry(['wholesale']), { contacts: { anonymousInBoth: anonymous } });
    assert.equal(both?.kind, 'multi-segment');
    // Before: ['anonymousInBoth'] (the overlap check ignored externalId); the plan said it was offered neither.
    assert.deepEqual(both?.kind === 'multi-segment' && both.testContacts, []);
  });
});
