// Neighbours (issue 9, item 4): each action's nearest actions offered to the same contacts, scored as
// description-overlap scores a pair but kept below the threshold too; what a pair shares and what tells it apart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Channel } from '../../../server/src/engine/model/action';
import { analyse } from '../../../server/src/engine/overlap/analyse';
import { distinguishingOf, TopScores } from '../../../server/src/engine/overlap/neighbours';
import { OverlapIndex } from '../../../server/src/engine/overlap/overlapIndex';
import { DEFAULT_THRESHOLD, pairScore } from '../../../server/src/engine/overlap/score';
import type { OverlapEntry } from '../../../server/src/engine/overlap/types';
import { coVisibility } from '../../../server/src/engine/overlap/visibility';
import { Workspace } from '../../../server/src/engine/workspace/workspace';
import { cleanAction, pretty } from '../rules/workspaceHelpers';
import { DEV_A, DEV_B, HELDOUT_1, HELDOUT_2, entryOf } from './fixtureSet';

const entry = (name: string, description: string, extra: Partial<OverlapEntry> = {}): OverlapEntry => ({
  name,
  description,
  method: 'GET',
  restrictedToSegments: undefined,
  channels: ['widget'] as Channel[],
  ...extra,
});

const TRACK = entry('Track my delivery', 'Track the delivery of an order: returns the carrier, tracking number, current location of the parcel and estimated delivery date.');
const SHIPPING = entry('Get shipping status', "Get the shipping status of an order's shipment from the carrier, with the tracking link and expected arrival date.");
const CANCEL = entry('Cancel order', 'Cancel an order that has not shipped yet and say which refund will be issued.', { method: 'POST' });
const INVOICE = entry('Get invoice', 'Get an invoice by its invoice number and return the amount, due date and a link to the PDF.');
const PASSWORD = entry('Reset password', 'Send a password reset link to the email address of the account.', { method: 'POST' });

function indexOf(entries: Record<string, OverlapEntry>): OverlapIndex {
  const index = new OverlapIndex();
  index.upsertAll(Object.entries(entries));
  return index;
}

describe('neighbours in the overlap index', () => {
  it('lists the nearest actions below the warning threshold too, most similar first, and none that shares nothing', () => {
    const index = indexOf({ track: TRACK, shipping: SHIPPING, cancel: CANCEL, invoice: INVOICE, password: PASSWORD });
    const neighbours = index.neighboursOf('track', 3);
    assert.equal(neighbours[0].otherId, 'shipping');
    assert.ok(neighbours[0].score >= DEFAULT_THRESHOLD, 'the warned pair is the nearest');
    assert.ok(neighbours.some((n) => n.score < DEFAULT_THRESHOLD), `a near-miss below the threshold is shown: ${JSON.stringify(neighbours)}`);
    assert.ok(!neighbours.some((n) => n.otherId === 'password'), 'an action sharing no word is nobody\'s neighbour');
    for (let i = 1; i < neighbours.length; i++) assert.ok(neighbours[i - 1].score >= neighbours[i].score, 'sorted by score');
    assert.deepEqual(neighbours.map((n) => [n.id, n.name]), neighbours.map(() => ['track', 'Track my delivery']));
    assert.equal(index.neighboursOf('track', 1).length, 1, 'the limit holds');
    assert.deepEqual(index.neighboursOf('nobody', 3), []);
  });

  it('scores a warned pair exactly as the warning does, and leaves the warnings unchanged', () => {
    const index = indexOf({ track: TRACK, shipping: SHIPPING, cancel: CANCEL, invoice: INVOICE });
    const warned = index.overlapsOf('track');
    const [nearest] = index.neighboursOf('track', 3);
    assert.equal(nearest.score, warned[0].score);
    assert.deepEqual(index.overlapsOf('track'), warned, 'neighbours are never stored as overlaps');
    assert.deepEqual(index.allPairs().map((p) => [p.id, p.otherId]), [['shipping', 'track']]);
  });

  it('equals a brute-force ranking of every co-visible pair on the development and held-out sets', () => {
    for (const set of [DEV_A, DEV_B, HELDOUT_1, HELDOUT_2]) {
      const entries = new Map(set.actions.map((a) => [a.id, entryOf(a)]));
      const index = new OverlapIndex();
      index.setContext(set.context);
      index.upsertAll(entries);
      const profiles = new Map([...entries].map(([id, e]) => [id, analyse(e.name, e.description, e.method, e.restrictedToSegments)]));
      for (const [id, e] of entries) {
        const brute = [...entries]
          .filter(([other, o]) => other !== id && coVisibility(e, o, set.context))
          .map(([other]) => ({ other, score: pairScore(profiles.get(id)!, profiles.get(other)!, index.idf) }))
          .filter((x) => Math.round(x.score * 100) > 0)
          .sort((x, y) => y.score - x.score || (x.other < y.other ? -1 : 1))
          .slice(0, 3);
        const found = index.neighboursOf(id, 3);
        assert.deepEqual(found.map((n) => n.otherId), brute.map((b) => b.other), id);
        found.forEach((n, i) => assert.ok(Math.abs(n.score - brute[i].score) < 1e-9, `${id} / ${n.otherId}`));
      }
    }
  });

  it('never pairs actions no contact is offered together: no common channel, or exclusive segments', () => {
    const index = indexOf({
      widget: TRACK,
      email: { ...SHIPPING, channels: ['email'] },
      business: { ...SHIPPING, name: 'Business shipping status', restrictedToSegments: ['Business'] },
    });
    assert.deepEqual(index.neighboursOf('widget', 3).map((n) => n.otherId), ['business']);
    const personal = indexOf({ personal: { ...TRACK, restrictedToSegments: ['Personal'] }, business: { ...SHIPPING, restrictedToSegments: ['Business'] } });
    assert.equal(personal.neighboursOf('personal', 3).length, 1, 'a contact may be in both segments');
    personal.setContext({ exclusiveSegmentGroups: [['Business', 'Personal']] });
    assert.deepEqual(personal.neighboursOf('personal', 3), []);
  });

  it('describes a pair on demand: the shared verb and words, and the words that tell them apart', () => {
    const index = indexOf({ track: TRACK, shipping: SHIPPING, invoice: INVOICE });
    const pair = index.describePair('track', 'shipping');
    assert.ok(pair);
    assert.ok(pair.shared.some((t) => t.concept.length > 0));
    assert.ok(pair.onlyThis.length > 0 && pair.onlyOther.length > 0, JSON.stringify(pair));
    assert.equal(index.describePair('track', 'track'), undefined);
    assert.equal(index.describePair('track', 'nobody'), undefined);
  });
});

describe('neighbours in the workspace', () => {
  const track = cleanAction({ name: 'Track delivery', description: 'Track the delivery of an order and return the carrier and the expected delivery date.', restrictedToSegments: [] });
  const where = cleanAction({ name: 'Where is my parcel', description: 'Say where the parcel of an order is now and when the carrier expects to deliver it.', restrictedToSegments: ['vip'] });
  const refund = cleanAction({ name: 'Refund order', description: 'Refund a delivered order in full and return the refund ID and the amount.', method: 'POST', restrictedToSegments: ['staff'] });
  const config = pretty({ segments: ['vip', 'staff'], contacts: { jane: { externalId: 'u1', segments: ['vip'] }, visitor: { segments: [] } } });

  function workspace(): Workspace {
    const ws = new Workspace();
    ws.setMany([
      { id: '/ws/acme/opencx.config.json', text: config },
      { id: '/ws/acme/track.action.json', text: track },
      { id: '/ws/acme/where.action.json', text: where },
      { id: '/ws/acme/refund.action.json', text: refund },
      { id: '/ws/globex/opencx.config.json', text: pretty({}) },
      { id: '/ws/globex/track.action.json', text: track },
    ]);
    return ws;
  }

  it('stays within the organisation, and gives the words of a pair with one distinguishing list', () => {
    const ws = workspace();
    const neighbours = ws.neighboursOf('/ws/acme/track.action.json');
    assert.ok(neighbours.length >= 1);
    assert.equal(neighbours[0].otherId, '/ws/acme/where.action.json');
    assert.ok(neighbours.every((n) => n.otherId.startsWith('/ws/acme/')), 'never the other organisation\'s twin');
    assert.deepEqual(ws.neighboursOf('/ws/globex/track.action.json'), []);
    const words = ws.neighbourWords('/ws/acme/track.action.json', '/ws/acme/where.action.json');
    assert.ok(words && words.shared.length > 0, JSON.stringify(words));
    assert.deepEqual(distinguishingOf(words), [...new Set([...words.onlyThis, ...words.onlyOther])]);
    assert.equal(ws.neighbourWords('/ws/acme/track.action.json', '/ws/globex/track.action.json'), undefined, 'not across organisations');
  });

  it('with a contact: only when it is offered the action, and only neighbours it is offered too', () => {
    const ws = workspace();
    const forAnyone = ws.neighboursOf('/ws/acme/track.action.json').map((n) => n.otherId);
    assert.ok(forAnyone.includes('/ws/acme/refund.action.json'), `without a contact the refund is a neighbour: ${JSON.stringify(forAnyone)}`);
    const forJane = ws.neighboursOf('/ws/acme/track.action.json', { contact: 'jane' }).map((n) => n.otherId);
    assert.ok(forJane.includes('/ws/acme/where.action.json'), JSON.stringify(forJane));
    assert.ok(!forJane.includes('/ws/acme/refund.action.json'), 'jane is not staff');
    assert.deepEqual(ws.neighboursOf('/ws/acme/track.action.json', { contact: 'visitor' }), [], 'an anonymous visitor sees no restricted action');
    assert.deepEqual(ws.neighboursOf('/ws/acme/where.action.json', { contact: 'visitor' }), [], 'nor is it offered this one');
    assert.deepEqual(ws.neighboursOf('/ws/acme/track.action.json', { contact: 'nobody' }), [], 'a contact the config does not define');
  });
});

describe('TopScores', () => {
  it('keeps the best few, ties by id', () => {
    const top = new TopScores<{ id: string; score: number }>(3);
    for (const [id, score] of [['e', 0.1], ['b', 0.5], ['a', 0.5], ['d', 0.9], ['c', 0.05], ['f', 0.5]] as const) top.offer({ id, score });
    assert.deepEqual(top.items.map((x) => x.id), ['d', 'a', 'b']);
    assert.equal(top.floor, 0.5);
    const none = new TopScores<{ id: string; score: number }>(0);
    none.offer({ id: 'a', score: 1 });
    assert.deepEqual(none.items, []);
    assert.equal(none.floor, Infinity);
  });
});
