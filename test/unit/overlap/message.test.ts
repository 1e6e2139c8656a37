// The words of a description-overlap finding: what the two share, what tells them apart, who sees both.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distinguishingText, overlapMessage, quotedList, sharedLabels, visibilityText } from '../../../server/src/engine/overlap/message';
import { OverlapIndex } from '../../../server/src/engine/overlap/overlapIndex';
import type { Overlap } from '../../../server/src/engine/overlap/types';

const base: Overlap = {
  id: 'track.action.json',
  otherId: 'shipping.action.json',
  name: 'Track my delivery',
  otherName: 'Get shipping status',
  score: 0.6,
  sharedIntent: { intent: 'read', word: 'track', otherWord: 'get' },
  shared: [
    { concept: 'delivery', words: ['delivery', 'parcel'], otherWords: ['shipping', 'shipment'] },
    { concept: 'carrier', words: ['carrier'], otherWords: ['carrier'] },
  ],
  onlyThis: ['location', 'estimated'],
  onlyOther: ['link', 'arrival'],
  visibility: { kind: 'everyone', channels: ['widget'], allChannels: true },
};

describe('overlap message', () => {
  it('says what both share, what only each says, and who sees both', () => {
    assert.equal(
      overlapMessage(base),
      'The AI may hesitate between this action and "Get shipping status": both say "track/get", "delivery/shipping" and "carrier". ' +
        'Only this one says "location" and "estimated"; only "Get shipping status" says "link" and "arrival". Both are offered to every contact.',
    );
  });

  it('shows synonyms as both sides wrote them, and one word when they agree', () => {
    assert.deepEqual(sharedLabels(base), ['track/get', 'delivery/shipping', 'carrier']);
    assert.deepEqual(sharedLabels({ ...base, sharedIntent: { intent: 'cancel', word: 'cancel', otherWord: 'cancel' } })[0], 'cancel');
  });

  it('says so, and what to add, when nothing tells them apart', () => {
    assert.equal(
      distinguishingText({ ...base, onlyThis: [], onlyOther: [] }),
      'Nothing in either name or description tells them apart: say in this one what it does that "Get shipping status" does not (the input it needs, the cases it covers, what it returns).',
    );
    assert.equal(
      distinguishingText({ ...base, onlyThis: [] }),
      'Nothing here tells it apart from "Get shipping status", which also says "link" and "arrival": say what this one does that "Get shipping status" does not.',
    );
  });

  it('says who is offered both: everyone, a segment, or contacts in two segments at once', () => {
    assert.equal(visibilityText({ kind: 'segments', segments: ['vip'], channels: ['widget'], allChannels: true }), 'Both are offered to every contact in segment "vip".');
    assert.equal(
      visibilityText({ kind: 'everyone', channels: ['widget'], allChannels: false }),
      'Both are offered to every contact on widget (the channels they have in common).',
    );
    assert.equal(
      visibilityText({ kind: 'multi-segment', segments: ['retail'], otherSegments: ['wholesale', 'partner'], testContacts: [], channels: ['widget', 'email'], allChannels: true }),
      'Both are offered only to contacts who are in "retail" and also in "wholesale" or "partner" (none of the test contacts in opencx.config.json is) on widget, email; ' +
        'if those segments never share a contact, add each pair that cannot meet (such as ["retail", "wholesale"]) to "exclusiveSegmentGroups" in opencx.config.json.',
    );
    // The advice is something the config can say (issue 9): the exact group to add.
    assert.equal(
      visibilityText({ kind: 'multi-segment', segments: ['Business'], otherSegments: ['Personal'], testContacts: undefined, channels: ['widget'], allChannels: true }),
      'Both are offered only to contacts who are in "Business" and also in "Personal"; if no contact can be in both, add ["Business", "Personal"] to "exclusiveSegmentGroups" in opencx.config.json.',
    );
  });

  it('quotes lists the way people write them', () => {
    assert.equal(quotedList(['a']), '"a"');
    assert.equal(quotedList(['a', 'b', 'c'], 'or'), '"a", "b" or "c"');
  });

  it('gives the index\'s real overlap a message naming both actions\' words', () => {
    const index = new OverlapIndex();
    const common = { method: 'POST' as const, restrictedToSegments: undefined, channels: ['widget' as const] };
    index.upsert('a', { ...common, name: 'Freeze membership', description: 'Freeze the membership of a member who is away, so that no monthly fee is charged until it is resumed.' });
    index.upsert('b', { ...common, name: 'Suspend membership', description: 'Suspend a membership for up to three months; no payments are taken while it is suspended.', restrictedToSegments: ['vip'] });
    const [overlap] = index.overlapsOf('a');
    assert.ok(overlap, 'the two overlap');
    const message = overlapMessage(overlap);
    assert.match(message, /^The AI may hesitate between this action and "Suspend membership": both say "freeze\/suspend" and "membership"\. Only this one says "member"/);
    assert.match(message, /Both are offered to every contact in segment "vip"\.$/);
  });
});
