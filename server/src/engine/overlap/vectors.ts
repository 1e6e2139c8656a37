/**
 * Compact concept vectors for the index: concepts interned to small integers, sorted, with their weights and norm
 * computed once per IDF snapshot, so that scoring one pair is a merge of two short arrays.
 */
import type { Profile } from './analyse';
import { termWeight, type IdfFn } from './score';

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
  weights: Float64Array;
  norm: number;
}

/** The weighted vector of a profile under the given IDF. */
export function vectorOf(profile: Profile, concepts: ConceptIds, idf: IdfFn): Vector {
  const entries = [...profile.terms.values()]
    .map((term) => ({ id: concepts.idOf(term.concept), weight: termWeight(term, idf) }))
    .sort((a, b) => a.id - b.id);
  const ids = Int32Array.from(entries, (e) => e.id);
  const weights = Float64Array.from(entries, (e) => e.weight);
  let sum = 0;
  for (const w of weights) sum += w * w;
  return { ids, weights, norm: Math.sqrt(sum) };
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
