/**
 * How likely the AI is to hesitate between two actions: cosine similarity of their concept vectors (IDF-weighted,
 * name words weighted up), times how interchangeable their verbs are, times whether both read or both write.
 */
import type { Profile, Term } from './analyse';
import { intentAffinity, type IntentClass } from './intents';
import { conceptPrior, conceptsCoveredBy } from './vocabulary';
import type { SharedTerm } from './types';

/** The name's object is not mentioned by the other action at all ("Choose seat" vs "Rebook to another flight"). */
const OBJECT_NOT_COVERED = 0.5;

/** Reported at or above this score. Chosen on the development fixture set (see the report in the test). */
export const DEFAULT_THRESHOLD = 0.25;
/** A word in the name counts this many times a description word: the AI reads the name first. */
export const NAME_WEIGHT = 1.25;
/** One side's main verb is among the other's verbs ("Report lost card … Block it" vs "Freeze card"). */
const SECONDARY_INTENT = 0.75;
/** One side says no verb the lexicon knows. */
const UNKNOWN_INTENT = 0.7;
/** One action reads (GET) and the other changes state. */
const READ_WRITE_MISMATCH = 0.6;

/** Term weights: the caller supplies IDF from its index (document frequency over the workspace). */
export type IdfFn = (concept: string) => number;

export function termWeight(term: Term, idf: IdfFn): number {
  return idf(term.concept) * conceptPrior(term.concept) * (term.inName ? NAME_WEIGHT : 1);
}

export function norm(profile: Profile, idf: IdfFn): number {
  let sum = 0;
  for (const term of profile.terms.values()) sum += termWeight(term, idf) ** 2;
  return Math.sqrt(sum);
}

export function cosine(a: Profile, b: Profile, idf: IdfFn, normA = norm(a, idf), normB = norm(b, idf)): number {
  if (!normA || !normB) return 0;
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let dot = 0;
  for (const term of small.terms.values()) {
    const other = large.terms.get(term.concept);
    if (other) dot += termWeight(term, idf) * termWeight(other, idf);
  }
  return dot / (normA * normB);
}

/** How interchangeable the two actions' verbs are, 0..1. */
export function intentFactor(a: Profile, b: Profile): number {
  if (!a.intent || !b.intent) return UNKNOWN_INTENT;
  const affinity = intentAffinity(a.intent, b.intent);
  if (affinity >= SECONDARY_INTENT) return affinity;
  return crossesIntent(a, b) ? SECONDARY_INTENT : affinity;
}

/**
 * Whether one side's main verb is a change the other also makes ("Report lost card … Block it" vs "Freeze card").
 * Reads do not count: a change that reports something back ("… and return the new total") is still a change.
 */
export function crossesIntent(a: Profile, b: Profile): boolean {
  return (isWrite(b.intent) && a.verbs.has(b.intent!)) || (isWrite(a.intent) && b.verbs.has(a.intent!));
}

/** Whether an action with this profile makes the change `cls` somewhere (so a `cls` action crosses with it). */
export function crossesIntentClasses(profile: Profile, cls: IntentClass): boolean {
  return isWrite(cls) && profile.verbs.has(cls);
}

const isWrite = (intent: IntentClass | undefined): boolean => intent !== undefined && intent !== 'read' && intent !== 'list';

/**
 * The highest `intentFactor(profile, b)` can be for an action `b` whose main verb is of class `cls` (undefined: a
 * verb the lexicon does not know), ignoring one case: `b` also makes the change `profile`'s main verb makes
 * ("… and cancel it" against "Cancel order"). Such a `b` is posted under `profile.intent` too (see Postings), where
 * the bound is 1, so candidate pruning that uses this bound per posted class still finds every pair.
 */
export function intentFactorBound(profile: Profile, cls: IntentClass | undefined): number {
  if (!profile.intent || !cls) return UNKNOWN_INTENT;
  const affinity = intentAffinity(profile.intent, cls);
  if (affinity >= SECONDARY_INTENT) return affinity;
  return crossesIntentClasses(profile, cls) ? SECONDARY_INTENT : affinity;
}

/**
 * Whether `b` mentions anything `a`'s name is about: its non-generic name concepts (or what they stand for, e.g.
 * "contact details" → email). True when `a`'s name has no such concept.
 */
export function coversObject(a: Profile, b: Profile): boolean {
  let objects = 0;
  for (const term of a.terms.values()) {
    if (!term.inName || conceptPrior(term.concept) < 1) continue;
    objects++;
    if (b.terms.has(term.concept) || conceptsCoveredBy(term.concept).some((c) => b.terms.has(c))) return true;
  }
  return objects === 0;
}

/** Each name's object should be something the other action also talks about; else the AI can tell them apart. */
export function objectFactor(a: Profile, b: Profile): number {
  return coversObject(a, b) && coversObject(b, a) ? 1 : OBJECT_NOT_COVERED;
}

export function methodFactor(a: Profile, b: Profile): number {
  return a.reads === undefined || b.reads === undefined || a.reads === b.reads ? 1 : READ_WRITE_MISMATCH;
}

/** The verb and method factors together: cheap, and an upper bound of the score (cosine and object ≤ 1). */
export function verbFactor(a: Profile, b: Profile): number {
  return intentFactor(a, b) * methodFactor(a, b);
}

/** The score of a pair from its cosine: never above the cosine (candidate pruning relies on it). */
export function scoreFromCosine(cos: number, a: Profile, b: Profile): number {
  return cos === 0 ? 0 : cos * verbFactor(a, b) * objectFactor(a, b);
}

/** The overlap score of two profiles, 0..1. */
export function pairScore(a: Profile, b: Profile, idf: IdfFn, normA?: number, normB?: number): number {
  return scoreFromCosine(cosine(a, b, idf, normA, normB), a, b);
}

/** Shared concepts, heaviest first, with the words each side used. */
export function sharedTerms(a: Profile, b: Profile, idf: IdfFn): SharedTerm[] {
  const shared: { term: SharedTerm; weight: number }[] = [];
  for (const term of a.terms.values()) {
    const other = b.terms.get(term.concept);
    if (!other) continue;
    shared.push({ term: { concept: term.concept, words: term.words, otherWords: other.words }, weight: termWeight(term, idf) * termWeight(other, idf) });
  }
  return shared.sort((x, y) => y.weight - x.weight || x.term.concept.localeCompare(y.term.concept)).map((s) => s.term);
}

/** Words of `a` whose concept `b` lacks, heaviest first: what would tell `a` apart. */
export function distinguishingWords(a: Profile, b: Profile, idf: IdfFn, limit: number): string[] {
  return [...a.terms.values()]
    .filter((term) => !b.terms.has(term.concept))
    .map((term) => ({ word: term.words[0], weight: termWeight(term, idf) }))
    .sort((x, y) => y.weight - x.weight || x.word.localeCompare(y.word))
    .slice(0, limit)
    .map((x) => x.word);
}

/** Both main verbs when they are of one kind, for "both say track/get". */
export function sharedIntent(a: Profile, b: Profile): { intent: IntentClass; word: string; otherWord: string } | undefined {
  if (!a.intent || !b.intent || intentAffinity(a.intent, b.intent) < 1) return undefined;
  return { intent: a.intent, word: a.intentWord ?? a.intent, otherWord: b.intentWord ?? b.intent };
}
