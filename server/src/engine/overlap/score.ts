/**
 * Whether two intent frames could answer the same customer request (issue 9): the same operation, the same or a
 * related object, nothing in the names that sets them apart. The score ranks neighbours; a warning also needs each
 * part to be strong on its own (see isClaim), so weak signals stay neighbours.
 */
import { relatedness, RELATION } from '../language/wordnet';
import { domainSynonyms } from './domainTerms';
import type { FrameWord, IntentFrame } from './frame';

/** Term weights: the caller supplies IDF from its index (document frequency over the organisation). */
export type IdfFn = (lemma: string) => number;

/** Reported at or above this score, when isClaim also holds. Chosen on the tuning sets (docs/overlap-quality.md). */
export const DEFAULT_THRESHOLD = 0.6;
/** A warning needs the objects to be at least this related (a synonym or a derivation, a hypernym at most). */
const CLAIM_OBJECT = 0.7;
/** … and the operations at least this close (both reads, or verbs that are synonyms or derivations). */
const CLAIM_OPERATION = 0.85;
/** Object words at least this heavy were said in a name. */
const NAME_OBJECT = 0.8;
/** Share of the object match in the score; the rest is the context cosine. */
const OBJECT_SHARE = 0.6;
/** Two writes whose verbs WordNet does not relate: probably different changes ("Freeze card" / "Replace card"). */
const UNRELATED_WRITES = 0.25;
/** One of two writes has no verb WordNet knows: the method alone cannot tell. */
const UNKNOWN_WRITE = 0.6;
/** Each name has a qualifier the other action never mentions ("business" / "personal" loan): told apart. */
const SEPARATED = 0.5;

/** The methods that replace or delete: two writes whose methods say different changes are different operations. */
const METHOD_CHANGE: Readonly<Record<string, string>> = { PUT: 'update', PATCH: 'update', DELETE: 'delete' };
/** Two writes of one method family (both DELETE, or both PUT/PATCH): the method says they make the same change. */
const SAME_METHOD_FAMILY = 0.9;
/** A read of one thing and a read of many ("Get invoice" / "List invoices"). */
const ONE_VS_MANY = 0.5;

/** How close two operations are, 0..1: the method decides read vs change (and which change, when it says); the verbs, the rest. */
export function operationSimilarity(a: IntentFrame, b: IntentFrame): number {
  if (a.reads !== undefined && b.reads !== undefined && a.reads !== b.reads) return 0;
  if (a.reads && b.reads) return a.collection === b.collection ? 1 : ONE_VS_MANY;
  const ma = a.method && METHOD_CHANGE[a.method];
  const mb = b.method && METHOD_CHANGE[b.method];
  if (ma && mb && ma !== mb) return 0;
  const verbs = verbSimilarity(a, b);
  return ma && ma === mb ? Math.max(verbs, SAME_METHOD_FAMILY) : verbs;
}

function verbSimilarity(a: IntentFrame, b: IntentFrame): number {
  if (!a.verb || !b.verb) return UNKNOWN_WRITE;
  const r = termRelatedness(a.verb, b.verb);
  if (!a.verb.senses || !b.verb.senses) return r || UNKNOWN_WRITE;
  // Siblings are not enough for verbs: open / close and upgrade / downgrade are siblings.
  return r >= RELATION.hypernym ? r : UNRELATED_WRITES;
}

/** How telling a word is in its organisation, 0..1 (1: rare; less for words most actions say, like "customer"). */
export type RarityFn = (lemma: string) => number;

/** How related two words are: WordNet, or the short support-domain list. */
export function termRelatedness(x: FrameWord, y: FrameWord): number {
  if (x.lemma === y.lemma) return RELATION.same;
  return domainSynonyms(x.lemma, y.lemma) ? RELATION.synonym : relatedness(x.senses, y.senses, x.lemma, y.lemma);
}

/** Relatedness of two frame words, weighted by where each was said and how rare they are. */
function wordSimilarity(x: FrameWord, y: FrameWord, rarity: RarityFn): number {
  return termRelatedness(x, y) * x.weight * y.weight * Math.min(rarity(x.lemma), rarity(y.lemma));
}

/**
 * The best match between the objects of two frames, with the pair that made it. One of the two words must be in a
 * name: two first sentences that both mention "account" say little about what the actions are for.
 */
export function objectMatch(a: IntentFrame, b: IntentFrame, rarity: RarityFn = () => 1): { score: number; pair: [FrameWord, FrameWord] | undefined } {
  let best = 0;
  let pair: [FrameWord, FrameWord] | undefined;
  for (const x of a.objects) {
    for (const y of b.objects) {
      if (x.weight < NAME_OBJECT && y.weight < NAME_OBJECT) continue;
      const s = wordSimilarity(x, y, rarity);
      if (s > best) [best, pair] = [s, [x, y]];
    }
  }
  return { score: best, pair };
}

/** Whether the qualifiers of one name are all things the other's name never says, even in other words. */
function unmatched(qualifiers: readonly FrameWord[], other: IntentFrame): boolean {
  const names = [...other.objects, ...other.qualifiers].filter((o) => o.weight >= NAME_OBJECT);
  return qualifiers.length > 0 && qualifiers.every((q) => !names.some((o) => termRelatedness(q, o) >= RELATION.hypernym));
}

/** Both names have a qualifier the other does not share: what sets them apart is in the names. */
export function separated(a: IntentFrame, b: IntentFrame): boolean {
  return unmatched(a.qualifiers, b) && unmatched(b.qualifiers, a);
}

export interface PairScore {
  score: number;
  operation: number;
  object: number;
  context: number;
  /** Strong enough, part by part, to be a warning (and score at or above the threshold). */
  claim: boolean;
}

/** The score of two frames given their context cosine. */
export function pairScore(a: IntentFrame, b: IntentFrame, contextCosine: number, threshold = DEFAULT_THRESHOLD, rarity: RarityFn = () => 1): PairScore {
  const operation = operationSimilarity(a, b);
  const object = objectMatch(a, b, rarity).score;
  const factor = separated(a, b) ? SEPARATED : 1;
  const score = operation * (OBJECT_SHARE * object + (1 - OBJECT_SHARE) * contextCosine) * factor;
  const claim = score >= threshold && operation >= CLAIM_OPERATION && object >= CLAIM_OBJECT && factor === 1;
  return { score, operation, object, context: contextCosine, claim };
}

/**
 * How near a neighbour is (issue 9): the score, or, for two different operations on the same thing ("Look up order" /
 * "Cancel order", whose score is 0), a quarter of their object and context likeness, so that they still rank among
 * the nearest below every pair of one operation. Neighbours are never findings; this never makes a warning.
 */
export function neighbourLikeness(s: PairScore): number {
  return s.score > 0 ? s.score : OTHER_OPERATION_LIKENESS * (OBJECT_SHARE * s.object + (1 - OBJECT_SHARE) * s.context);
}

const OTHER_OPERATION_LIKENESS = 0.25;
