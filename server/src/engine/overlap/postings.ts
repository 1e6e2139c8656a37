/**
 * The inverted index of the overlap detector: document frequency per concept (for IDF), and postings keyed by
 * concept AND verb class, so that a candidate walk only visits actions whose verbs could make the pair reach the
 * threshold ("cancel order" never walks the thousand "get order" actions).
 */
import type { Profile } from './analyse';
import { INTENT_CLASSES } from './intents';
import { intentFactorBound } from './score';

/** The class key of an action whose main verb the lexicon does not know. */
const UNKNOWN = '?';

export class Postings<T> {
  private readonly df = new Map<string, number>();
  /** concept → verb class → items. */
  private readonly lists = new Map<string, Map<string, Set<T>>>();

  /** In how many actions the concept occurs. */
  frequency(concept: string): number {
    return this.df.get(concept) ?? 0;
  }

  add(item: T, profile: Profile): void {
    const classes = classKeys(profile);
    for (const concept of profile.terms.keys()) {
      this.df.set(concept, this.frequency(concept) + 1);
      let byClass = this.lists.get(concept);
      if (!byClass) this.lists.set(concept, (byClass = new Map()));
      for (const cls of classes) {
        let list = byClass.get(cls);
        if (!list) byClass.set(cls, (list = new Set()));
        list.add(item);
      }
    }
  }

  remove(item: T, profile: Profile): void {
    const classes = classKeys(profile);
    for (const concept of profile.terms.keys()) {
      const n = this.frequency(concept) - 1;
      if (n > 0) this.df.set(concept, n);
      else this.df.delete(concept);
      const byClass = this.lists.get(concept);
      if (!byClass) continue;
      for (const cls of classes) {
        const list = byClass.get(cls);
        list?.delete(item);
        if (list && !list.size) byClass.delete(cls);
      }
      if (!byClass.size) this.lists.delete(concept);
    }
  }

  /** Number of concepts that have postings (for tests: 0 once every action is removed). */
  get listCount(): number {
    return this.lists.size;
  }

  /**
   * The list of `concept` among actions posted under the verb class `cls` (see compatibleClasses), or undefined when
   * there is none or it is longer than `maxLength` (see OverlapIndex).
   */
  listOf(concept: string, cls: string, maxLength: number): ReadonlySet<T> | undefined {
    const list = this.lists.get(concept)?.get(cls);
    return list && list.size <= maxLength ? list : undefined;
  }
}

/** The classes an action is posted under: its main verb, and the other changes it makes (for crossed intents). */
function classKeys(profile: Profile): string[] {
  if (!profile.intent) return [UNKNOWN];
  return [...new Set<string>([profile.intent, ...[...profile.verbs].filter((v) => v !== 'read' && v !== 'list')])];
}

/** A class key to walk for a profile, with the highest verb factor its actions can have with that profile. */
export interface CompatibleClass {
  key: string;
  /** See intentFactorBound: an upper bound of the score's verb factor for the actions whose main verb is `key`. */
  verbBound: number;
}

/**
 * The class keys whose actions can reach `threshold` with `profile` on verbs alone (method and text ≤ 1), most
 * interchangeable first. Every action that can is posted under at least one of these keys with a `verbBound` at
 * least its verb factor: its main verb's class, or `profile`'s own class when it also makes that change.
 */
export function compatibleClasses(profile: Profile, threshold: number): CompatibleClass[] {
  const out: CompatibleClass[] = [];
  for (const cls of [undefined, ...INTENT_CLASSES]) {
    const verbBound = intentFactorBound(profile, cls);
    if (verbBound >= threshold) out.push({ key: cls ?? UNKNOWN, verbBound });
  }
  return out.sort((a, b) => b.verbBound - a.verbBound);
}
