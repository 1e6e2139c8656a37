// Measures the description-overlap detector on the labelled fixtures (test/fixtures/overlap/) and prints precision
// and recall. Each set is indexed as its own workspace (pairs across sets are not labelled) and the counts are
// summed. The ≥ 0.9 bar holds on the development sets, which the scorer was tuned on; the held-out sets measure how
// it does on vocabulary it has never seen, and are held to floors at their measured figures instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEV_A, DEV_B, HELDOUT_1, HELDOUT_2, measure, measureAll, pairKey, type FixtureSet, type Measurement } from './fixtureSet';

const BAR = 0.9;

function report(label: string, m: Measurement): void {
  const tp = m.truePositives.length;
  console.log(
    `overlap ${label}: precision ${m.precision.toFixed(3)} (${tp}/${tp + m.falsePositives.length}), recall ${m.recall.toFixed(3)} (${tp}/${tp + m.falseNegatives.length})`,
  );
  if (m.falsePositives.length) console.log(`  false positives: ${m.falsePositives.join(', ')}`);
  if (m.falseNegatives.length) console.log(`  missed: ${m.falseNegatives.join(', ')}`);
}

function countDomains(set: FixtureSet): string {
  const counts = new Map<string, number>();
  for (const a of set.actions) counts.set(a.domain, (counts.get(a.domain) ?? 0) + 1);
  return [...counts].map(([d, n]) => `${d} ${n}`).join(', ');
}

describe('description overlap: labelled fixtures', () => {
  it('every labelled pair names two actions of its set, and no pair is labelled twice', () => {
    for (const set of [DEV_A, DEV_B, HELDOUT_1, HELDOUT_2]) {
      const ids = new Set(set.actions.map((a) => a.id));
      assert.equal(ids.size, set.actions.length, 'duplicate action id');
      const seen = new Set<string>();
      for (const p of [...set.overlaps, ...set.hardNegatives]) {
        assert.ok(ids.has(p.a) && ids.has(p.b), `${p.a} / ${p.b}`);
        assert.ok(!seen.has(pairKey(p.a, p.b)), `labelled twice: ${p.a} / ${p.b}`);
        seen.add(pairKey(p.a, p.b));
      }
    }
    const dev = [DEV_A, DEV_B];
    assert.ok(dev.reduce((n, s) => n + s.actions.length, 0) >= 40);
    console.log(`overlap fixtures: dev A ${DEV_A.actions.length} actions (${countDomains(DEV_A)}), ${DEV_A.overlaps.length} overlaps, ${DEV_A.hardNegatives.length} hard negatives`);
    console.log(`overlap fixtures: dev B ${DEV_B.actions.length} actions (${countDomains(DEV_B)}), ${DEV_B.overlaps.length} overlaps, ${DEV_B.hardNegatives.length} hard negatives`);
  });

  it(`holds precision and recall at ≥ ${BAR} on the development sets`, () => {
    report('dev A', measure(DEV_A));
    report('dev B', measure(DEV_B));
    const dev = measureAll([DEV_A, DEV_B]);
    report('dev A+B', dev);
    assert.ok(dev.precision >= BAR, `precision ${dev.precision.toFixed(3)} < ${BAR}`);
    assert.ok(dev.recall >= BAR, `recall ${dev.recall.toFixed(3)} < ${BAR}`);
  });

  it('never reports a pair that cannot be offered together (channels, exclusive segments)', () => {
    for (const set of [DEV_A, DEV_B, HELDOUT_1, HELDOUT_2]) {
      const reported = new Set(measure(set).scores.keys());
      for (const p of set.hardNegatives.filter((n) => n.kind === 'channel' || n.kind === 'segment')) {
        assert.ok(!reported.has(pairKey(p.a, p.b)), `${p.a} / ${p.b} (${p.kind})`);
      }
    }
  });

  // The held-out sets are not held to the development bar, but to floors at the figures measured when the floors
  // were set (held-out 1: 5/7 and 5/9; held-out 2: 1/3 and 1/8): a change that loses ground on vocabulary the
  // scorer was not tuned on fails here. Raise a floor when the scorer improves; never lower one to pass.
  for (const { label, set, precision, recall } of [
    { label: 'held-out 1 (seen since)', set: HELDOUT_1, precision: 5 / 7, recall: 5 / 9 },
    { label: 'held-out 2 (blind)', set: HELDOUT_2, precision: 1 / 3, recall: 1 / 8 },
  ]) {
    it(`${label}: precision ≥ ${precision.toFixed(3)}, recall ≥ ${recall.toFixed(3)} (the measured floors)`, () => {
      const m = measure(set);
      report(label, m);
      // A tiny tolerance: the floors are fractions, the measurements ratios of the same counts.
      assert.ok(m.precision >= precision - 1e-9, `precision ${m.precision.toFixed(3)} < ${precision.toFixed(3)}`);
      assert.ok(m.recall >= recall - 1e-9, `recall ${m.recall.toFixed(3)} < ${recall.toFixed(3)}`);
    });
  }
});
