/**
 * The compiled WordNet index (scripts/build-language-data.mjs): lemmas → synsets (most frequent sense first), and per
 * synset its direct hypernyms and derivational links. Answers one question: how closely two words are related.
 */

export type WordNetPos = 'n' | 'v' | 'a';

export interface CompiledWordNet {
  version: number;
  lemmas: Record<WordNetPos, Record<string, number[]>>;
  /** Per synset id, its hypernym ids, comma-separated; synsets separated by ';'. */
  hypernyms: string;
  derivations: string;
  antonyms: string;
}

/** What a word reaches in WordNet, as synset ids (its frequent senses only; see SENSES). */
export interface WordSenses {
  lemma: string;
  synsets: readonly number[];
  /** Direct hypernyms of those senses (and, for adjectives, the cluster head). */
  hypernyms: readonly number[];
  /** Derivationally related synsets (reimburse ↔ reimbursement, deliver ↔ delivery), of any part of speech. */
  derivations: readonly number[];
  /** Opposites of those senses (lock ↔ unlock). */
  antonyms: readonly number[];
}

/**
 * The senses of a word that count: WordNet orders them by frequency, and rare senses make false friends
 * ("package" as a software package). Verbs are asked for with VERB_SENSES: support text uses them in senses WordNet
 * ranks low ("freeze" an account is its "suspend" sense, its 8th).
 */
const SENSES = 3;
export const VERB_SENSES = 8;

/** How related two words are, by the closest WordNet link between their frequent senses. */
export const RELATION = { same: 1, synonym: 0.9, derivation: 0.85, hypernym: 0.75, sibling: 0.55, none: 0 } as const;

function unpack(packed: string): number[][] {
  return packed.split(';').map((s) => (s ? s.split(',').map(Number) : []));
}

export class WordNet {
  private readonly hypernymsOf: number[][];
  private readonly derivationsOf: number[][];
  private readonly antonymsOf: number[][];
  private readonly cache = new Map<string, WordSenses | undefined>();

  constructor(private readonly data: CompiledWordNet) {
    this.hypernymsOf = unpack(data.hypernyms);
    this.derivationsOf = unpack(data.derivations);
    this.antonymsOf = unpack(data.antonyms);
  }

  /** Whether WordNet knows the lemma in this part of speech. */
  has(lemma: string, pos: WordNetPos): boolean {
    return Object.prototype.hasOwnProperty.call(this.data.lemmas[pos], lemma);
  }

  /** The frequent senses of a lemma in one part of speech, or undefined when WordNet does not know it. */
  senses(lemma: string, pos: WordNetPos, limit = SENSES): WordSenses | undefined {
    const key = `${pos}:${limit}:${lemma}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const all = this.has(lemma, pos) ? this.data.lemmas[pos][lemma] : undefined;
    let senses: WordSenses | undefined;
    if (all) {
      const synsets = all.slice(0, limit);
      const direct = synsets.flatMap((s) => this.hypernymsOf[s]);
      // Verbs are shallow in WordNet ("cancel" and "end" meet two levels up): their grandparents count too.
      const hypernyms = [...new Set(pos === 'v' ? [...direct, ...direct.flatMap((h) => this.hypernymsOf[h])] : direct)];
      const derivations = [...new Set(synsets.flatMap((s) => this.derivationsOf[s]))];
      const antonyms = [...new Set(synsets.flatMap((s) => this.antonymsOf[s]))];
      senses = { lemma, synsets, hypernyms, derivations, antonyms };
    }
    this.cache.set(key, senses);
    return senses;
  }

  /** The parts of speech WordNet knows a lemma in. */
  partsOfSpeech(lemma: string): WordNetPos[] {
    return (['n', 'v', 'a'] as const).filter((pos) => this.has(lemma, pos));
  }
}

const meets = (a: readonly number[], b: readonly number[]): boolean => a.some((x) => b.includes(x));

/**
 * How related two words are (0..1): the same lemma, synonyms (a shared sense), derivationally related (a sense of one
 * derives from a sense of the other, or both derive from one synset), one a direct hypernym of the other, or
 * siblings under one hypernym.
 */
export function relatedness(a: WordSenses | undefined, b: WordSenses | undefined, lemmaA: string, lemmaB: string): number {
  if (lemmaA === lemmaB) return RELATION.same;
  if (!a || !b) return RELATION.none;
  if (meets(a.synsets, b.antonyms) || meets(a.antonyms, b.synsets)) return RELATION.none;
  if (meets(a.synsets, b.synsets)) return RELATION.synonym;
  if (meets(a.synsets, b.derivations) || meets(a.derivations, b.synsets) || meets(a.derivations, b.derivations)) return RELATION.derivation;
  if (meets(a.synsets, b.hypernyms) || meets(a.hypernyms, b.synsets)) return RELATION.hypernym;
  if (meets(a.hypernyms, b.hypernyms)) return RELATION.sibling;
  return RELATION.none;
}
