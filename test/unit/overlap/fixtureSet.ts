// Loads the labelled overlap fixtures and measures the detector on them.
import fs from 'node:fs';
import path from 'node:path';
import type { Channel, HttpMethod } from '../../../server/src/engine/model/action';
import { OverlapIndex, type OverlapIndexOptions } from '../../../server/src/engine/overlap/overlapIndex';
import type { OverlapContext, OverlapEntry } from '../../../server/src/engine/overlap/types';
import devAActions from '../../fixtures/overlap/dev-a-actions.json';
import devALabels from '../../fixtures/overlap/dev-a-labels.json';
import devBActions from '../../fixtures/overlap/dev-b-actions.json';
import devBLabels from '../../fixtures/overlap/dev-b-labels.json';
import heldout1Actions from '../../fixtures/overlap/heldout-1-actions.json';
import heldout1Labels from '../../fixtures/overlap/heldout-1-labels.json';
import heldout2Actions from '../../fixtures/overlap/heldout-2-actions.json';
import heldout2Labels from '../../fixtures/overlap/heldout-2-labels.json';

export interface FixtureAction {
  id: string;
  domain: string;
  name: string;
  description: string;
  method: string;
  restrictedToSegments?: string[];
  channels?: string[];
}

export interface LabelledPair {
  a: string;
  b: string;
  kind: string;
  why: string;
}

export interface FixtureSet {
  actions: FixtureAction[];
  context: OverlapContext;
  overlaps: LabelledPair[];
  hardNegatives: LabelledPair[];
}

/** Set A: written before the scorer, tuned on. */
export const DEV_A: FixtureSet = { actions: devAActions.actions, ...devALabels };
/** Set B: blind once (version 1: P 0.00, R 0.00), tuned on since. */
export const DEV_B: FixtureSet = { actions: devBActions.actions, ...devBLabels };
/** Held-out 1: blind once (version 2: P 0.33, R 0.11); vocabulary added after seeing its misses. */
export const HELDOUT_1: FixtureSet = { actions: heldout1Actions.actions, ...heldout1Labels };
/** Held-out 2: blind once on the frozen version 3 (P 0.33, R 0.125); never tuned on. */
export const HELDOUT_2: FixtureSet = { actions: heldout2Actions.actions, ...heldout2Labels };

/** The tuning sets (issue 9): the only sets any vocabulary, threshold or factor may be chosen on. */
const TUNING = new Set(['dev-a', 'dev-b', 'heldout-1', 'heldout-2']);
const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/overlap');

/**
 * Every other labelled set in test/fixtures/overlap/ (blind-N, catalog-*): written by someone who never read the
 * analyser, copied in only after it was frozen, measured once (docs/overlap-quality.md). Read at run time, so a
 * new set needs no code change: `<name>-actions.json` beside `<name>-labels.json`.
 */
export const FIRST_SEEN: Readonly<Record<string, FixtureSet>> = Object.fromEntries(
  (fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES) : [])
    .filter((f) => f.endsWith('-labels.json') && !TUNING.has(f.slice(0, -'-labels.json'.length)))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'-labels.json'.length);
      const read = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
      const labels = read(f);
      return [name, { actions: read(`${name}-actions.json`).actions, context: labels.context ?? {}, overlaps: labels.overlaps ?? [], hardNegatives: labels.hardNegatives ?? [] }];
    }),
);

export function entryOf(action: FixtureAction): OverlapEntry {
  return {
    name: action.name,
    description: action.description,
    method: action.method as HttpMethod,
    restrictedToSegments: action.restrictedToSegments,
    channels: (action.channels ?? ['widget']) as Channel[],
  };
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export interface Measurement {
  precision: number;
  recall: number;
  truePositives: string[];
  falsePositives: string[];
  falseNegatives: string[];
  /** Hard negatives that were reported (a subset of falsePositives). */
  hardNegativesReported: string[];
  scores: Map<string, number>;
}

/**
 * Measures several sets, each indexed as its own workspace (cross-set pairs are not labelled), and sums the
 * counts (micro-average).
 */
export function measureAll(sets: readonly FixtureSet[], options: OverlapIndexOptions = {}): Measurement {
  const parts = sets.map((set) => measure(set, options));
  const tp = parts.reduce((n, m) => n + m.truePositives.length, 0);
  const fp = parts.reduce((n, m) => n + m.falsePositives.length, 0);
  const fn = parts.reduce((n, m) => n + m.falseNegatives.length, 0);
  return {
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    truePositives: parts.flatMap((m) => m.truePositives),
    falsePositives: parts.flatMap((m) => m.falsePositives),
    falseNegatives: parts.flatMap((m) => m.falseNegatives),
    hardNegativesReported: parts.flatMap((m) => m.hardNegativesReported),
    scores: new Map(parts.flatMap((m) => [...m.scores])),
  };
}

/** Indexes the set cold and compares every reported pair with the labels. */
export function measure(set: FixtureSet, options: OverlapIndexOptions = {}): Measurement {
  const index = new OverlapIndex(options);
  index.setContext(set.context);
  index.upsertAll(set.actions.map((a) => [a.id, entryOf(a)]));
  const reported = new Map(index.allPairs().map((p) => [pairKey(p.id, p.otherId), p.score]));
  const positives = new Set(set.overlaps.map((p) => pairKey(p.a, p.b)));
  const truePositives = [...reported.keys()].filter((k) => positives.has(k));
  const falsePositives = [...reported.keys()].filter((k) => !positives.has(k));
  const falseNegatives = [...positives].filter((k) => !reported.has(k));
  const hard = new Set(set.hardNegatives.map((p) => pairKey(p.a, p.b)));
  return {
    precision: reported.size ? truePositives.length / reported.size : 1,
    recall: positives.size ? truePositives.length / positives.size : 1,
    truePositives,
    falsePositives: falsePositives.sort(),
    falseNegatives: falseNegatives.sort(),
    hardNegativesReported: falsePositives.filter((k) => hard.has(k)).sort(),
    scores: reported,
  };
}
