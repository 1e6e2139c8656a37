/**
 * The overlap index of one organisation: incremental, sub-quadratic.
 *
 * Each action is an intent frame (frame.ts) and an IDF-weighted context vector. Candidates come from an inverted
 * index, never from a scan: an action is posted under its objects' WordNet keys (lemma, senses, derivations,
 * hypernyms: two objects are related only if they share one, see relatedness) and under its context lemmas. Lists
 * longer than `maxPosting` (words every action says) are not walked, and a walk stops after `maxCandidates`.
 *
 * Only claims (pairScore's `claim`) are kept as pairs: they are the warnings. Neighbours are computed on request
 * from the same candidates, below the threshold too.
 *
 * IDF drifts as actions are added. Each action's vector is weighted when it is indexed (or at the last cold
 * scoring); `refresh()` recomputes every vector and rescores everything.
 */
import { CHANNELS } from '../model/action';
import { RELATION } from '../language/wordnet';
import { domainGroupOf } from './domainTerms';
import { frameOf, type IntentFrame } from './frame';
import { DEFAULT_THRESHOLD, neighbourLikeness, objectMatch, pairScore, termRelatedness, type PairScore } from './score';
import type { Neighbour, Overlap, OverlapContext, OverlapEntry, SharedTerm } from './types';
import { ConceptIds, DenseVector, vectorOf, type Vector } from './vectors';
import { audienceIncludes, coVisibility } from './visibility';

export interface OverlapIndexOptions {
  /** Warned at or above this score (default DEFAULT_THRESHOLD), when every part of the frame agrees. */
  threshold?: number;
  /** Postings longer than this are not used to find candidates (default 400). */
  maxPosting?: number;
  /** At most this many candidates per scored action (default 400). */
  maxCandidates?: number;
  /** At most this many distinguishing words per side in a result (default 3). */
  distinguishingLimit?: number;
}

/** Smoothing of IDF, so that a workspace of a few actions does not treat every shared word as rare. */
const IDF_SMOOTHING = 10;
const DEFAULT_MAX_POSTING = 400;
const DEFAULT_MAX_CANDIDATES = 400;
/** Generic words: said by more than this share of the organisation's actions ("customer", a vendor's name)… */
const COMMON_SHARE = 0.1;
/** … and by more than this many, so that a small workspace has no generic words. */
const COMMON_MIN = 4;
/** How much a generic word counts in an object match. */
const COMMON_WEIGHT = 0.5;
/** Object words at least this heavy were said in a name (frame.ts); only they can make a warning. */
const NAME_OBJECT_WEIGHT = 0.8;
/** Neighbours per action (issue 9: the three nearest). */
export const NEIGHBOURS = 3;

interface Item {
  id: string;
  ordinal: number;
  /** Stamp of the last candidate walk that met this item (a cheap visited-set). */
  seen: number;
  entry: OverlapEntry;
  frame: IntentFrame;
  vector: Vector;
  /** The lists this item is in (see postingKeys). */
  posted: string[];
  /** The lists to walk for its warnings, and for its neighbours. */
  claimLookups: string[];
  lookups: string[];
  channelMask: number;
}

export class OverlapIndex {
  private readonly items = new Map<string, Item>();
  private readonly postings = new Map<string, Set<Item>>();
  private readonly df = new Map<string, number>();
  private nextOrdinal = 0;
  private walk = 0;
  /** Symmetric: pairs.get(a).get(b) === pairs.get(b).get(a) = score. */
  private readonly pairs = new Map<string, Map<string, number>>();
  private context: OverlapContext = {};
  private readonly concepts = new ConceptIds();
  private readonly dense = new DenseVector();
  private readonly threshold: number;
  private readonly maxPosting: number;
  private readonly maxCandidates: number;
  private readonly distinguishingLimit: number;
  readonly idf = (lemma: string): number => Math.log((this.items.size + IDF_SMOOTHING) / ((this.df.get(lemma) ?? 0) + 1));
  /** A word said by more than COMMON_SHARE of the organisation's actions (at least COMMON_MIN) is generic here. */
  readonly rarity = (lemma: string): number => ((this.df.get(lemma) ?? 0) > Math.max(COMMON_MIN, this.items.size * COMMON_SHARE) ? COMMON_WEIGHT : 1);

  constructor(options: OverlapIndexOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.maxPosting = options.maxPosting ?? DEFAULT_MAX_POSTING;
    this.maxCandidates = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    this.distinguishingLimit = options.distinguishingLimit ?? 3;
  }

  get size(): number {
    return this.items.size;
  }

  /** Adds or replaces one action; returns the other ids whose warnings changed. Unchanged entry: []. */
  upsert(id: string, entry: OverlapEntry): string[] {
    const old = this.items.get(id);
    if (old && sameEntry(old.entry, entry)) return [];
    const before = this.detach(id);
    this.attach(id, entry);
    const after = this.scoreAgainstIndex(this.items.get(id)!);
    return union(before, after);
  }

  /** Indexes many actions, then scores them once (a cold start: IDF is final before any pair is scored). */
  upsertAll(entries: Iterable<[string, OverlapEntry]>): void {
    for (const [id, entry] of entries) this.stage(id, entry);
    this.scoreAll();
  }

  /** Indexes one action without scoring it (a bulk load); scoreAll() then scores everything once. */
  stage(id: string, entry: OverlapEntry): void {
    this.detach(id);
    this.attach(id, entry);
  }

  scoreAll(): void {
    this.pairs.clear();
    for (const item of this.items.values()) item.vector = vectorOf(item.frame, this.concepts, this.idf);
    for (const item of this.items.values()) this.scoreAgainstIndex(item, true);
  }

  remove(id: string): string[] {
    return this.detach(id);
  }

  /** Sets what the config says about segments; returns the ids whose results may change. */
  setContext(context: OverlapContext): string[] {
    this.context = context;
    const affected = new Set<string>();
    for (const [id, partners] of this.pairs) {
      if (!this.items.get(id)?.entry.restrictedToSegments?.length) continue;
      affected.add(id);
      for (const other of partners.keys()) affected.add(other);
    }
    return [...affected].sort();
  }

  /** Rescores every pair with the current IDF; returns the ids whose set of partners changed. */
  refresh(): string[] {
    const before = new Map([...this.pairs].map(([id, partners]) => [id, [...partners.keys()].sort().join('\n')]));
    this.scoreAll();
    const changed = new Set<string>();
    for (const id of new Set([...before.keys(), ...this.pairs.keys()])) {
      if ((before.get(id) ?? '') !== [...(this.pairs.get(id)?.keys() ?? [])].sort().join('\n')) changed.add(id);
    }
    return [...changed].sort();
  }

  /** The warnings of one action that can be offered together with it, most confusable first. */
  overlapsOf(id: string): Overlap[] {
    const item = this.items.get(id);
    if (!item) return [];
    const out: Overlap[] = [];
    for (const [otherId, score] of this.pairs.get(id) ?? []) {
      const overlap = this.describe(item, this.items.get(otherId)!, score);
      if (overlap) out.push(overlap);
    }
    return out.sort((a, b) => b.score - a.score || compareIds(a.otherId, b.otherId));
  }

  /** Every warned pair once, seen from the id that sorts first. */
  allPairs(): Overlap[] {
    const out: Overlap[] = [];
    for (const [id, partners] of this.pairs) {
      for (const [otherId, score] of partners) {
        if (id > otherId) continue;
        const overlap = this.describe(this.items.get(id)!, this.items.get(otherId)!, score);
        if (overlap) out.push(overlap);
      }
    }
    return out.sort((a, b) => compareIds(a.id, b.id) || compareIds(a.otherId, b.otherId));
  }

  /**
   * The `limit` nearest actions of `id` that can be offered together with it (to a contact in `contactSegments`
   * when given: that contact must be offered both), warned or not, nearest first.
   */
  neighboursOf(id: string, limit = NEIGHBOURS, contactSegments?: readonly string[]): Neighbour[] {
    const item = this.items.get(id);
    if (!item) return [];
    if (contactSegments && !audienceIncludes(item.entry.restrictedToSegments, contactSegments)) return [];
    const scored: { other: Item; likeness: number }[] = [];
    this.dense.load(item.vector);
    try {
      for (const other of this.candidates(item)) {
        if (other === item || !(other.channelMask & item.channelMask) || !coVisibility(item.entry, other.entry, this.context)) continue;
        if (contactSegments && !audienceIncludes(other.entry.restrictedToSegments, contactSegments)) continue;
        const score = pairScore(item.frame, other.frame, this.dense.cosine(other.vector), this.threshold, this.rarity);
        const likeness = neighbourLikeness(score);
        if (likeness > 0) scored.push({ other, likeness });
      }
    } finally {
      this.dense.clear();
    }
    scored.sort((a, b) => b.likeness - a.likeness || compareIds(a.other.id, b.other.id));
    return scored.slice(0, limit).map(({ other, likeness }) => {
      const { shared, onlyThis, onlyOther } = this.words(item, other);
      return {
        id: other.id,
        name: other.entry.name,
        score: Math.round(likeness * 100) / 100,
        shared: shared.map(sharedLabel),
        distinguishing: [...onlyThis, ...onlyOther],
        warned: this.pairs.get(id)?.has(other.id) ?? false,
      };
    });
  }

  /** The score of two indexed actions, whether or not they are candidates of each other (tests, explanations). */
  scorePair(id: string, otherId: string): PairScore | undefined {
    const item = this.items.get(id);
    const other = this.items.get(otherId);
    if (!item || !other) return undefined;
    this.dense.load(item.vector);
    try {
      return pairScore(item.frame, other.frame, this.dense.cosine(other.vector), this.threshold, this.rarity);
    } finally {
      this.dense.clear();
    }
  }

  private describe(item: Item, other: Item, score: number): Overlap | undefined {
    const visibility = coVisibility(item.entry, other.entry, this.context);
    if (!visibility) return undefined;
    const { shared, onlyThis, onlyOther } = this.words(item, other);
    const va = item.frame.verb;
    const vb = other.frame.verb;
    const sameOperation = va && vb && termRelatedness(va, vb) >= RELATION.synonym;
    return {
      id: item.id,
      otherId: other.id,
      name: item.entry.name,
      otherName: other.entry.name,
      score,
      sharedIntent: sameOperation ? { intent: va.lemma, word: va.word, otherWord: vb.word } : undefined,
      shared,
      onlyThis,
      onlyOther,
      visibility,
    };
  }

  /** What two actions share (the object pair first, then common context words) and what only each says. */
  private words(item: Item, other: Item): { shared: SharedTerm[]; onlyThis: string[]; onlyOther: string[] } {
    const shared: SharedTerm[] = [];
    const pair = objectMatch(item.frame, other.frame, this.rarity).pair;
    if (pair) shared.push({ concept: pair[0].lemma, words: [pair[0].word], otherWords: [pair[1].word] });
    const covered = new Set(pair ? [pair[0].lemma, pair[1].lemma] : []);
    // Verbs of one operation ("freeze" / "suspend") are said as shared, not as what sets them apart.
    const [va, vb] = [item.frame.verb, other.frame.verb];
    if (va && vb && termRelatedness(va, vb) >= RELATION.hypernym) for (const v of [va.lemma, vb.lemma]) covered.add(v);
    const common = [...item.frame.context]
      .filter(([lemma]) => other.frame.context.has(lemma) && !covered.has(lemma))
      .sort((a, b) => b[1].weight * this.idf(b[0]) - a[1].weight * this.idf(a[0]) || compareIds(a[0], b[0]));
    for (const [lemma, { word }] of common) shared.push({ concept: lemma, words: [word], otherWords: [other.frame.context.get(lemma)!.word] });
    return { shared, onlyThis: this.only(item, other, covered), onlyOther: this.only(other, item, covered) };
  }

  /** The heaviest context words of `a` that `b` does not say. */
  private only(a: Item, b: Item, covered: ReadonlySet<string>): string[] {
    return [...a.frame.context]
      .filter(([lemma]) => !b.frame.context.has(lemma) && !covered.has(lemma))
      .sort((x, y) => y[1].weight * this.idf(y[0]) - x[1].weight * this.idf(x[0]) || compareIds(x[0], y[0]))
      .slice(0, this.distinguishingLimit)
      .map(([, { word }]) => word);
  }

  private attach(id: string, entry: OverlapEntry): void {
    const frame = frameOf(entry.name, entry.description, entry.method, entry.restrictedToSegments);
    for (const lemma of frame.context.keys()) this.df.set(lemma, (this.df.get(lemma) ?? 0) + 1);
    const vector = vectorOf(frame, this.concepts, this.idf);
    const item: Item = { id, ordinal: this.nextOrdinal++, seen: 0, entry, frame, vector, ...postingKeys(frame), channelMask: channelMask(entry) };
    this.items.set(id, item);
    for (const key of item.posted) {
      let list = this.postings.get(key);
      if (!list) this.postings.set(key, (list = new Set()));
      list.add(item);
    }
  }

  /** Takes an action out of the postings and the pairs; returns its former partners. */
  private detach(id: string): string[] {
    const item = this.items.get(id);
    if (!item) return [];
    for (const key of item.posted) {
      const list = this.postings.get(key);
      list?.delete(item);
      if (list && !list.size) this.postings.delete(key);
    }
    for (const lemma of item.frame.context.keys()) {
      const n = (this.df.get(lemma) ?? 0) - 1;
      if (n > 0) this.df.set(lemma, n);
      else this.df.delete(lemma);
    }
    this.items.delete(id);
    const partners = [...(this.pairs.get(id)?.keys() ?? [])];
    for (const other of partners) this.unlink(other, id);
    this.pairs.delete(id);
    return partners;
  }

  /** Number of posting lists (for tests: 0 once every action is removed). */
  get listCount(): number {
    return this.postings.size;
  }

  private link(a: string, b: string, score: number): void {
    for (const [x, y] of [[a, b], [b, a]]) {
      let partners = this.pairs.get(x);
      if (!partners) this.pairs.set(x, (partners = new Map()));
      partners.set(y, score);
    }
  }

  private unlink(a: string, b: string): void {
    const partners = this.pairs.get(a);
    partners?.delete(b);
    if (partners && !partners.size) this.pairs.delete(a);
  }

  /** Scores one action against its candidates, links the claims, returns them. */
  private scoreAgainstIndex(item: Item, onlyLater = false): string[] {
    const found: string[] = [];
    this.dense.load(item.vector);
    try {
      for (const other of this.candidates(item, true)) {
        if (other === item || (onlyLater && other.ordinal < item.ordinal) || !(other.channelMask & item.channelMask)) continue;
        const score = pairScore(item.frame, other.frame, this.dense.cosine(other.vector), this.threshold, this.rarity);
        if (!score.claim) continue;
        this.link(item.id, other.id, score.score);
        found.push(other.id);
      }
    } finally {
      this.dense.clear();
    }
    return found;
  }

  /** Items in the lists the item looks up: those a warning can come from (`claimsOnly`), or all (neighbours). */
  private candidates(item: Item, claimsOnly = false): Item[] {
    const out: Item[] = [];
    const stamp = ++this.walk;
    for (const key of claimsOnly ? item.claimLookups : item.lookups) {
      const list = this.postings.get(key);
      if (!list || list.size > this.maxPosting) continue;
      for (const other of list) {
        if (other.seen === stamp) continue;
        other.seen = stamp;
        out.push(other);
        if (out.length >= this.maxCandidates) return out;
      }
    }
    return out;
  }
}

/**
 * Posting keys: first the keys a warning can come from, then (for neighbours) every other key.
 *
 * A warning needs an object match of at least 0.7, so two words said in names (weight ≥ 0.8) related by at least a
 * hypernym link (see termRelatedness): the same lemma, one domain group, or a sense of one that is a sense,
 * derivation or hypernym of the other, or derivations in common. Name objects are posted under typed keys (S: sense,
 * D: derivation, H: hypernym) and `claimKeys` lists the typed keys to look up for such matches only, so that the
 * walk of an edit skips the long lists of siblings (H:x meets H:x) that can never be warnings.
 */
function postingKeys(frame: IntentFrame): { posted: string[]; claimLookups: string[]; lookups: string[] } {
  const posted = new Set<string>();
  const claim = new Set<string>();
  for (const o of frame.objects) {
    const inName = o.weight >= NAME_OBJECT_WEIGHT;
    posted.add(`o:${o.lemma}`);
    if (inName) claim.add(`o:${o.lemma}`);
    const group = domainGroupOf(o.lemma);
    if (group !== undefined) {
      posted.add(`g:${group}`);
      if (inName) claim.add(`g:${group}`);
    }
    const senses = o.senses;
    if (!senses) continue;
    for (const x of senses.synsets) posted.add(`S:${x}`);
    for (const x of senses.derivations) posted.add(`D:${x}`);
    for (const x of senses.hypernyms) posted.add(`H:${x}`);
    if (!inName) continue;
    for (const x of senses.synsets) for (const kind of ['S', 'D', 'H']) claim.add(`${kind}:${x}`);
    for (const x of senses.derivations) for (const kind of ['S', 'D']) claim.add(`${kind}:${x}`);
    for (const x of senses.hypernyms) claim.add(`S:${x}`);
  }
  // Neighbours: every object key in every role (siblings included), then the context lemmas.
  const all = new Set<string>(claim);
  for (const key of posted) {
    all.add(key);
    const [kind, id] = [key[0], key.slice(2)];
    if (kind === 'S' || kind === 'D' || kind === 'H') for (const k of ['S', 'D', 'H']) all.add(`${k}:${id}`);
  }
  for (const lemma of frame.context.keys()) {
    posted.add(`c:${lemma}`);
    all.add(`c:${lemma}`);
  }
  return { posted: [...posted], claimLookups: [...claim], lookups: [...all] };
}

function sharedLabel(term: SharedTerm): string {
  return [...new Set([term.words[0], term.otherWords[0]])].join('/');
}

/** Code-unit order: stable across locales, and much faster than localeCompare on long URIs. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function channelMask(entry: OverlapEntry): number {
  let mask = 0;
  for (const channel of entry.channels) mask |= 1 << CHANNELS.indexOf(channel);
  return mask;
}

function sameEntry(a: OverlapEntry, b: OverlapEntry): boolean {
  return (
    a.name === b.name &&
    a.description === b.description &&
    a.method === b.method &&
    (a.restrictedToSegments ?? []).join('\n') === (b.restrictedToSegments ?? []).join('\n') &&
    a.channels.join('\n') === b.channels.join('\n')
  );
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
