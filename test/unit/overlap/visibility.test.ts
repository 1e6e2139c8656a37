// Who is offered two actions in one conversation: channels, segments (a contact may be in several), exclusive
// segment groups and the config's test contacts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Channel } from '../../../server/src/engine/model/action';
import type { OverlapEntry } from '../../../server/src/engine/overlap/types';
import { canShareContact, coVisibility } from '../../../server/src/engine/overlap/visibility';

const action = (restrictedToSegments: string[] | undefined, channels: Channel[] = ['widget']): OverlapEntry => ({
  name: 'Some action',
  description: 'Some description of the action.',
  method: 'GET',
  restrictedToSegments,
  channels,
});

describe('coVisibility: channels', () => {
  it('rules a pair out when the actions share no channel, or one is on none', () => {
    assert.equal(coVisibility(action(undefined, ['sms']), action(undefined, ['widget'])), undefined);
    assert.equal(coVisibility(action(undefined, []), action(undefined, ['widget'])), undefined);
  });

  it('keeps the channels in common, and says whether they are all of both', () => {
    assert.deepEqual(coVisibility(action(undefined, ['widget', 'email']), action(undefined, ['email', 'widget'])), { kind: 'everyone', channels: ['widget', 'email'], allChannels: true });
    assert.deepEqual(coVisibility(action(undefined, ['widget', 'whatsapp']), action(undefined, ['widget', 'email'])), { kind: 'everyone', channels: ['widget'], allChannels: false });
  });
});

describe('coVisibility: segments', () => {
  it('an absent list and [] both mean every contact', () => {
    assert.equal(coVisibility(action(undefined), action([]))?.kind, 'everyone');
  });

  it('one restricted action: every contact of its segments also sees the unrestricted one', () => {
    assert.deepEqual(coVisibility(action(['vip', 'staff']), action(undefined)), { kind: 'segments', segments: ['vip', 'staff'], channels: ['widget'], allChannels: true });
  });

  it('both restricted with a segment in common: contacts of the common segments', () => {
    assert.deepEqual(coVisibility(action(['vip', 'staff']), action(['staff', 'trial'])), { kind: 'segments', segments: ['staff'], channels: ['widget'], allChannels: true });
  });

  it('disjoint lists are still offered together to a contact in both (a contact may be in several segments)', () => {
    assert.deepEqual(coVisibility(action(['retail']), action(['wholesale'])), {
      kind: 'multi-segment', segments: ['retail'], otherSegments: ['wholesale'], testContacts: undefined, channels: ['widget'], allChannels: true,
    });
  });

  it('segments the config declares exclusive never share a contact', () => {
    const context = { exclusiveSegmentGroups: [['free', 'pro', 'enterprise']] };
    assert.equal(canShareContact('free', 'pro', context), false);
    assert.equal(canShareContact('free', 'staff', context), true);
    assert.equal(coVisibility(action(['free']), action(['pro', 'enterprise']), context), undefined);
    const partly = coVisibility(action(['free', 'staff']), action(['pro']), context);
    assert.equal(partly?.kind, 'multi-segment');
    assert.deepEqual(partly?.kind === 'multi-segment' && [partly.segments, partly.otherSegments], [['staff'], ['pro']]);
  });

  it('names the config\'s test contacts who see both, or none', () => {
    const contacts = { ann: { externalId: 'ann-1', segments: ['retail', 'wholesale'] }, bob: { externalId: 'bob-1', segments: ['retail'] } };
    const both = coVisibility(action(['retail']), action(['wholesale']), { contacts });
    assert.deepEqual(both?.kind === 'multi-segment' && both.testContacts, ['ann']);
    const none = coVisibility(action(['retail']), action(['staff']), { contacts });
    assert.deepEqual(none?.kind === 'multi-segment' && none.testContacts, []);
  });
});
