/**
 * Neighbours (issue 9, item 4): an action's nearest actions among those offered to the same contacts, scored as
 * description-overlap scores a pair, whatever the threshold. They are never findings: a warning is a claim that
 * the AI will hesitate, a neighbour is a near-miss shown for a person to judge (docs/overlap-quality.md, "What the
 * rule can and cannot catch"). Scores are computed on demand (a hover, a code lens being resolved, the CLI), and
 * the words of a pair only when someone asks for them.
 */
import { sharedLabels } from './message';
import type { Overlap } from './types';

/** How many neighbours the hover, the code lens and the CLI show. */
export const NEIGHBOUR_LIMIT = 3;

/** One near action of `id`, most similar first in a list. */
export interface Neighbour {
  id: string;
  otherId: string;
  name: string;
  otherName: string;
  /** 0..1, the description-overlap score of the pair (below the warning threshold too). */
  score: number;
}

/** What a pair shares and what tells it apart, in the words the two actions use. */
export interface NeighbourWords {
  /** The shared verb and terms as labels ("track/get", "delivery/shipping", "order"), most telling first. */
  shared: string[];
  /** Words only this action says, most telling first. */
  onlyThis: string[];
  /** Words only the neighbour says. */
  onlyOther: string[];
}

/** The words of a described pair (an Overlap built on demand, see OverlapIndex.describePair). */
export function neighbourWordsOf(overlap: Overlap): NeighbourWords {
  return { shared: sharedLabels(overlap), onlyThis: overlap.onlyThis, onlyOther: overlap.onlyOther };
}

/** Every word that tells the two apart, this action's first: the CLI's one `distinguishing` list. */
export function distinguishingOf(words: NeighbourWords): string[] {
  return [...new Set([...words.onlyThis, ...words.onlyOther])];
}

/** A score as the messages and the CLI show it: two decimals, as the finding's `data.score`. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/**
 * Keeps the `limit` best of a stream of scored items, best first (ties: the smaller id first), without sorting
 * the whole scope: a hover on a 10,000-action workspace keeps three.
 */
export class TopScores<T extends { id: string; score: number }> {
  readonly items: T[] = [];

  constructor(private readonly limit: number) {}

  /** The score an item must reach to be kept: the last kept one's once full, else 0 (nothing with no room). */
  get floor(): number {
    if (this.limit <= 0) return Infinity;
    return this.items.length >= this.limit ? this.items[this.items.length - 1].score : 0;
  }

  offer(item: T): void {
    const { items } = this;
    let at = items.length;
    while (at > 0 && isBetter(item, items[at - 1])) at--;
    if (at >= this.limit) return;
    items.splice(at, 0, item);
    if (items.length > this.limit) items.pop();
  }
}

const isBetter = (a: { id: string; score: number }, b: { id: string; score: number }): boolean => a.score > b.score || (a.score === b.score && a.id < b.id);
