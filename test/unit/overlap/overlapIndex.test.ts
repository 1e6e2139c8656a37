// The overlap index: incremental updates (what changed, for whom), clean removal, and pruning that finds exactly
// the pairs a brute-force comparison finds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Channel } from '../../../server/src/engine/model/action';
import { OverlapIndex } from '../../../server/src/engine/overlap/overlapIndex';
import type { OverlapEntry } from '../../../server/src/engine/overlap/types';
import { coVisibility } from '../../../server/src/engine/overlap/visibility';
import { DEV_A, DEV_B, HELDOUT_1, HELDOUT_2, entryOf, pairKey } from './fixtureSet';

const entry = (name: string, description: string, extra: Partial<OverlapEntry> = {}): OverlapEntry => ({
  name,
  description,
  method: 'GET',
  restrictedToSegments: undefined,
  channels: ['widget'] as Channel[],
  ...extra,
});

const TRACK = entry('Track my parcel', 'Track the parcel of an order: returns the carrier, tracking number, current location and estimated delivery date.');
const SHIPPING = entry('Track my package', 'Track where the package of an order is now, with the carrier and the expected delivery date.');
const CANCEL = entry('Cancel order', 'Cancel an order that has not shipped yet and say which refund will be issued.', { method: 'POST' });
const INVOICE = entry('Get invoice', 'Get an invoice by its invoice number and return the amount, due date and a link to the PDF.');

const partners = (index: OverlapIndex, id: string): string[] => index.overlapsOf(id).map((o) => o.otherId);

describe('OverlapIndex: incremental updates', () => {
  it('returns the other files whose results changed, and nothing for an unchanged entry', () => {
    const index = new OverlapIndex();
    assert.deepEqual(index.upsert('a', TRACK), []);
    assert.deepEqual(index.upsert('c', CANCEL), []);
    assert.deepEqual(index.upsert('b', SHIPPING), ['a']);
    assert.deepEqual(partners(index, 'a'), ['b']);
    assert.deepEqual(partners(index, 'b'), ['a']);
    assert.deepEqual(partners(index, 'c'), []);
    assert.deepEqual(index.upsert('b', { ...SHIPPING }), [], 'same text, same method, segments and channels');
  });

  it('after A changes so that they no longer overlap, B has no overlaps (and B is reported as changed)', () => {
    const index = new OverlapIndex();
    index.upsert('a', TRACK);
    index.upsert('b', SHIPPING);
    assert.deepEqual(index.upsert('a', INVOICE), ['b']);
    assert.deepEqual(index.overlapsOf('b'), []);
    assert.deepEqual(index.overlapsOf('a'), []);
  });

  it('reports a partner whose message changes even when the pair stays (the other side was renamed)', () => {
    const index = new OverlapIndex();
    index.upsert('a', TRACK);
    index.upsert('b', SHIPPING);
    assert.deepEqual(index.upsert('a', { ...TRACK, name: 'Trace my parcel' }), ['b']);
    assert.equal(index.overlapsOf('b')[0].otherName, 'Trace my parcel');
  });

  it('remove() returns the former partners and leaves no posting behind', () => {
    const index = new OverlapIndex();
    index.upsert('a', TRACK);
    index.upsert('b', SHIPPING);
    assert.deepEqual(index.remove('a'), ['b']);
    assert.deepEqual(index.overlapsOf('b'), []);
    assert.deepEqual(index.remove('a'), []);
    assert.equal(index.size, 1);
    // Document frequencies are b's alone again: "package" in 1 of 1 action, "location" (only a said it) in none.
    assert.equal(index.idf('package'), Math.log((1 + 10) / (1 + 1)));
    assert.equal(index.idf('location'), Math.log((1 + 10) / (0 + 1)));
    index.remove('b');
    assert.equal(index.listCount, 0);
  });

  it('finds the same pairs one upsert at a time (then refreshed) as in one cold build', () => {
    for (const set of [DEV_A, DEV_B]) {
      const cold = new OverlapIndex();
      cold.setContext(set.context);
      cold.upsertAll(set.actions.map((a) => [a.id, entryOf(a)]));
      const warm = new OverlapIndex();
      warm.setContext(set.context);
      for (const a of set.actions) warm.upsert(a.id, entryOf(a));
      warm.refresh();
      const keys = (index: OverlapIndex) => index.allPairs().map((p) => pairKey(p.id, p.otherId)).sort();
      assert.deepEqual(keys(warm), keys(cold));
    }
  });

  it('is symmetric: B is among A\'s overlaps with the same score exactly when A is among B\'s', () => {
    const index = new OverlapIndex();
    index.upsertAll(DEV_A.actions.map((a) => [a.id, entryOf(a)]));
    for (const a of DEV_A.actions) {
      for (const o of index.overlapsOf(a.id)) {
        const back = index.overlapsOf(o.otherId).find((x) => x.otherId === a.id);
        assert.equal(back?.score, o.score, `${a.id} / ${o.otherId}`);
      }
    }
  });
});

describe('OverlapIndex: candidate pruning', () => {
  it('finds exactly the warnings a brute-force comparison of every pair finds', () => {
    for (const set of [DEV_A, DEV_B, HELDOUT_1, HELDOUT_2]) {
      const entries = new Map(set.actions.map((a) => [a.id, entryOf(a)]));
      const index = new OverlapIndex();
      index.setContext(set.context);
      index.upsertAll(entries);
      const brute: string[] = [];
      const ids = [...entries.keys()];
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const [a, b] = [ids[i], ids[j]];
          if (!coVisibility(entries.get(a)!, entries.get(b)!, set.context)) continue;
          if (index.scorePair(a, b)!.claim) brute.push(pairKey(a, b));
        }
      }
      assert.deepEqual(index.allPairs().map((p) => pairKey(p.id, p.otherId)).sort(), brute.sort());
    }
  });

  it('setContext(): exclusive segments remove pairs no contact can see together, and say who changed', () => {
    const index = new OverlapIndex();
    index.upsert('retail', { ...TRACK, restrictedToSegments: ['retail'] });
    index.upsert('wholesale', { ...TRACK, name: 'Track wholesale parcel', restrictedToSegments: ['wholesale'] });
    assert.equal(index.allPairs().length, 1);
    assert.deepEqual(index.setContext({ exclusiveSegmentGroups: [['retail', 'wholesale']] }), ['retail', 'wholesale']);
    assert.equal(index.allPairs().length, 0);
  });
});
