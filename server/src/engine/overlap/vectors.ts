/**
 * Compact context vectors for the index: lemmas interned to small integers, sorted, with their weights and norm
 * computed once per IDF snapshot, so that scoring one pair is a merge of two short arrays.
 */
import type { IntentFrame } from './frame';
import type { IdfFn } from './score';

/** Interns concept strings to dense integer ids (never forgets: ids stay valid for the index's life). */
export class ConceptIds {
  private readonly ids = new Map<string, number>();

  idOf(concept: string): number {
    let id = this.ids.get(concept);
    if (id === undefined) this.ids.set(concept, (id = this.ids.size));
    return id;
  }
}

export interface Vector {
  /** Concept ids, ascending. */
  ids: Int32Array;
  /** The concept of each id (for the postings, which are keyed by concept). */
  concepts: readonly string[];
  weights: Float64Array;
  norm: number;
}

/** The weighted context vector of a frame under the given IDF. */
export function vectorOf(frame: IntentFrame, concepts: ConceptIds, idf: IdfFn): Vector {
  const entries = [...frame.context]
    .map(([lemma, { weight }]) => ({ id: concepts.idOf(lemma), concept: lemma, weight: weight * idf(lemma) }))
    .sort((a, b) => a.id - b.id);
  const ids = Int32Array.from(entries, (e) => e.id);
  const weights = Float64Array.from(entries, (e) => e.weight);
  let sum = 0;
  for (const w of weights) sum += w * w;
  return { ids, concepts: entries.map((e) => e.concept), weights, norm: Math.sqrt(sum) };
}

/** Cosine of two vectors (0 when either is empty). */
export function vectorCosine(a: Vector, b: Vector): number {
  if (!a.norm || !b.norm) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) dot += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/**
 * One vector spread over an array indexed by concept id, to take its cosine with many others: a loop over the other
 * vector alone, without the merge's unpredictable branches (what scoring one action against its candidates does).
 * The products are added in the same order as vectorCosine's, so the result is the same number.
 */
export class DenseVector {
  private values = new Float64Array(1024);
  private loaded: Vector | undefined;

  /** Spreads `vector` (clearing the previous one). */
  load(vector: Vector): void {
    this.clear();
    const { ids, weights } = vector;
    const last = ids.length ? ids[ids.length - 1] : 0;
    if (last >= this.values.length) this.values = new Float64Array(Math.max(last + 1, this.values.length * 2));
    for (let i = 0; i < ids.length; i++) this.values[ids[i]] = weights[i];
    this.loaded = vector;
  }

  /** Cosine of the loaded vector and `other` (0 when either is empty). */
  cosine(other: Vector): number {
    const loaded = this.loaded;
    if (!loaded || !loaded.norm || !other.norm) return 0;
    const { ids, weights } = other;
    const values = this.values;
    let dot = 0;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j];
      if (id < values.length) dot += values[id] * weights[j];
    }
    return dot / (loaded.norm * other.norm);
  }

  clear(): void {
    if (!this.loaded) return;
    for (const id of this.loaded.ids) this.values[id] = 0;
    this.loaded = undefined;
  }
}
