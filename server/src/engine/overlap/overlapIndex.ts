/**
 * The workspace-wide overlap index: incremental, sub-quadratic.
 *
 * Each action is a sparse vector of concepts. Candidates come from an inverted index (concept and verb class →
 * actions), never from a scan of the workspace.
 * Pruning is exact for the scorer: a pair scores at most its cosine times its verb factor. Postings are kept per
 * concept and verb class, and the verb factor with an action of class C is at most a bound known from C alone
 * (intentFactorBound), so a pair with such an action needs a cosine of at least threshold / bound; a pair that shares
 * none of the edited action's heaviest concepts (its "prefix" for C, the fewest whose removal leaves less than that
 * fraction of its norm) has a lower cosine. Only classes whose bound reaches the threshold are walked, each for its
 * own prefix: the lists of a class the verbs rarely confuse ("list" vs "get", 0.4) are walked for the few heaviest
 * concepts only, not for nearly all of them. The prefix is taken from the action's own stored weights, so pruning
 * stays exact whatever the IDF drift below. Two bounds keep one edit O(1) in very large workspaces, at the price of
 * missing pairs that share nothing rare: lists longer than `maxPosting` are skipped, and a walk stops after
 * `maxCandidates` (with the defaults, about one walk in ten is cut short at 10,000 generated actions).
 *
 * IDF drifts as actions are added. Each action's weighted vector is computed when it is indexed (or at the last
 * cold scoring), and pairs not involving the edited action are not rescored on each edit: a one-action change
 * moves a few document frequencies by one. `refresh()` recomputes every vector and rescores everything.
 */
import { CHANNELS } from '../model/action';
import { analyse, type Profile } from './analyse';
import { type Neighbour, roundScore, TopScores } from './neighbours';
import { DEFAULT_THRESHOLD, distinguishingWords, objectFactor, scoreFromCosine, sharedIntent, sharedTerms, verbFactor, type IdfFn } from './score';
import type { Overlap, OverlapContext, OverlapEntry } from './types';
import { compatibleClasses, Postings } from './postings';
import { ConceptIds, DenseVector, vectorOf, type Vector } from './vectors';
import { coVisibility } from './visibility';

export interface OverlapIndexOptions {
  /** Reported at or above this score (default DEFAULT_THRESHOLD). */
  threshold?: number;
  /** Postings (per concept and verb class) longer than this are not used to find candidates (default 400). */
  maxPosting?: number;
  /** At most this many candidates per scored action, the rarest concepts' first (default 400). */
  maxCandidates?: number;
  /** At most this many distinguishing words per side in a result (default 3). */
  distinguishingLimit?: number;
}

/** Smoothing of IDF, so that a workspace of a few actions does not treat every shared word as rare. */
const IDF_SMOOTHING = 10;
const DEFAULT_MAX_POSTING = 400;
const DEFAULT_MAX_CANDIDATES = 400;

interface Item {
  id: string;
  /** Assigned once per attach; orders pairs in a cold scoring so each is scored once. */
  ordinal: number;
  /** Stamp of the last candidate walk that met this item (a cheap visited-set). */
  seen: number;
  entry: OverlapEntry;
  profile: Profile;
  /** Weighted by the IDF of when it was computed (see the file comment). */
  vector: Vector;
  /** One bit per channel: two actions with no channel in common are never offered together, so never paired. */
  channelMask: number;
}

export class OverlapIndex {
  private readonly items = new Map<string, Item>();
  private readonly postings = new Postings<Item>();
  private nextOrdinal = 0;
  private walk = 0;
  /** Symmetric: pairs.get(a).get(b) === pairs.get(b).get(a) = score. */
  private readonly pairs = new Map<string, Map<string, number>>();
  private context: OverlapContext = {};
  private readonly concepts = new ConceptIds();
  /** The vector being scored against its candidates (see DenseVector). */
  private readonly dense = new DenseVector();
  private readonly threshold: number;
  private readonly maxPosting: number;
  private readonly maxCandidates: number;
  private readonly distinguishingLimit: number;
  readonly idf: IdfFn = (concept) => Math.log((this.items.size + IDF_SMOOTHING) / (this.postings.frequency(concept) + 1));

  constructor(options: OverlapIndexOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.maxPosting = options.maxPosting ?? DEFAULT_MAX_POSTING;
    this.maxCandidates = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    this.distinguishingLimit = options.distinguishingLimit ?? 3;
  }

  get size(): number {
    return this.items.size;
  }

  /**
   * Adds or replaces one action. Returns the other ids whose overlap results changed (former and new partners),
   * so the caller re-publishes only those files (and the upserted one). Unchanged text, method, segments and
   * channels: returns [].
   */
  upsert(id: string, entry: OverlapEntry): string[] {
    const old = this.items.get(id);
    if (old && sameEntry(old.entry, entry)) return [];
    const before = this.detach(id);
    this.attach(id, entry);
    const after = this.scoreAgainstIndex(id);
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

  /** Scores every pair with the current word frequencies (the end of a bulk load). */
  scoreAll(): void {
    this.rescoreAll();
  }

  /** Removes one action; returns the ids that overlapped with it. */
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
    this.rescoreAll();
    const changed = new Set<string>();
    for (const id of new Set([...before.keys(), ...this.pairs.keys()])) {
      if ((before.get(id) ?? '') !== [...(this.pairs.get(id)?.keys() ?? [])].sort().join('\n')) changed.add(id);
    }
    return [...changed].sort();
  }

  /** The overlaps of one action that can be offered together with it, most confusable first. */
  overlapsOf(id: string): Overlap[] {
    const item = this.items.get(id);
    if (!item) return [];
    const out: Overlap[] = [];
    for (const [otherId, score] of this.pairs.get(id) ?? []) {
      const overlap = this.describe(id, item, otherId, score);
      if (overlap) out.push(overlap);
    }
    return out.sort((a, b) => b.score - a.score || compareIds(a.otherId, b.otherId));
  }

  /** Every reportable pair once, seen from the id that sorts first. */
  allPairs(): Overlap[] {
    const out: Overlap[] = [];
    for (const [id, partners] of this.pairs) {
      const item = this.items.get(id)!;
      for (const [otherId, score] of partners) {
        if (id > otherId) continue;
        const overlap = this.describe(id, item, otherId, score);
        if (overlap) out.push(overlap);
      }
    }
    return out.sort((a, b) => compareIds(a.id, b.id) || compareIds(a.otherId, b.otherId));
  }

  /**
   * The `limit` actions nearest to `id` that can be offered in the same conversation (a channel in common, segments
   * that can meet), scored as the warnings score a pair but kept below the threshold too (see neighbours.ts). One
   * pass over the scope, on demand, never stored: a lint never pays for it. A pair whose score shows as 0.00 (no
   * concept in common, or next to nothing) is not a neighbour: it would tell the reader nothing. `offered`: only actions it accepts, this one included (a contact's audience).
   */
  neighboursOf(id: string, limit: number, offered?: (entry: OverlapEntry) => boolean): Neighbour[] {
    const item = this.items.get(id);
    if (!item || (offered && !offered(item.entry))) return [];
    const top = new TopScores<{ id: string; score: number; other: Item }>(limit);
    this.dense.load(item.vector);
    try {
      for (const other of this.items.values()) {
        if (other === item || !(other.channelMask & item.channelMask)) continue;
        const cos = this.dense.cosine(other.vector);
        // The score never exceeds the cosine: a pair whose cosine is below the current last of the best cannot enter.
        if (cos < top.floor) continue;
        const score = scoreFromCosine(cos, item.profile, other.profile);
        if (roundScore(score) <= 0 || (offered && !offered(other.entry)) || !coVisibility(item.entry, other.entry, this.context)) continue;
        top.offer({ id: other.id, score, other });
      }
    } finally {
      this.dense.clear();
    }
    return top.items.map(({ other, score }) => ({ id, otherId: other.id, name: item.entry.name, otherName: other.entry.name, score }));
  }

  /** A pair described as a finding would be (what both say, what tells them apart), whatever its score; built when asked. */
  describePair(id: string, otherId: string): Overlap | undefined {
    const item = this.items.get(id);
    const other = this.items.get(otherId);
    if (!item || !other || item === other) return undefined;
    this.dense.load(item.vector);
    let score: number;
    try {
      score = scoreFromCosine(this.dense.cosine(other.vector), item.profile, other.profile);
    } finally {
      this.dense.clear();
    }
    return this.describe(id, item, otherId, score);
  }

  private describe(id: string, item: Item, otherId: string, score: number): Overlap | undefined {
    const other = this.items.get(otherId)!;
    const visibility = coVisibility(item.entry, other.entry, this.context);
    if (!visibility) return undefined;
    const a = item.profile;
    const b = other.profile;
    return {
      id,
      otherId,
      name: item.entry.name,
      otherName: other.entry.name,
      score,
      sharedIntent: sharedIntent(a, b),
      shared: sharedTerms(a, b, this.idf),
      onlyThis: distinguishingWords(a, b, this.idf, this.distinguishingLimit),
      onlyOther: distinguishingWords(b, a, this.idf, this.distinguishingLimit),
      visibility,
    };
  }

  private attach(id: string, entry: OverlapEntry): Item {
    const profile = analyse(entry.name, entry.description, entry.method, entry.restrictedToSegments);
    const vector = vectorOf(profile, this.concepts, this.idf);
    const item: Item = { id, ordinal: this.nextOrdinal++, seen: 0, entry, profile, vector, channelMask: channelMask(entry) };
    this.items.set(id, item);
    this.postings.add(item, profile);
    return item;
  }

  /** Takes an action out of the postings and the pairs; returns its former partners. */
  private detach(id: string): string[] {
    const item = this.items.get(id);
    if (!item) return [];
    this.postings.remove(item, item.profile);
    this.items.delete(id);
    const partners = [...(this.pairs.get(id)?.keys() ?? [])];
    for (const other of partners) this.unlink(other, id);
    this.pairs.delete(id);
    return partners;
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

  private rescoreAll(): void {
    this.pairs.clear();
    for (const item of this.items.values()) item.vector = vectorOf(item.profile, this.concepts, this.idf);
    for (const id of this.items.keys()) this.scoreAgainstIndex(id, true);
  }

  /** Scores one action against its candidates, links those at or above the threshold, returns them. */
  private scoreAgainstIndex(id: string, onlyLater = false): string[] {
    const item = this.items.get(id)!;
    const found: string[] = [];
    this.dense.load(item.vector);
    try {
      for (const other of this.candidates(item)) {
        if (other === item || (onlyLater && other.ordinal < item.ordinal) || !(other.channelMask & item.channelMask)) continue;
        const otherId = other.id;
        // Verbs and methods bound the score from above: skip the cosine when they alone rule the pair out.
        const verbs = verbFactor(item.profile, other.profile);
        if (verbs < this.threshold) continue;
        const cos = this.dense.cosine(other.vector);
        if (cos * verbs < this.threshold) continue;
        const score = cos * verbs * objectFactor(item.profile, other.profile);
        if (score < this.threshold) continue;
        this.link(id, otherId, score);
        found.push(otherId);
      }
    } finally {
      this.dense.clear();
    }
    return found;
  }

  /**
   * Items sharing at least one prefix concept with the item, in the lists of the verb classes that can reach the
   * threshold (see the file comment). Walks the heaviest concepts first, every class at once.
   */
  private candidates(item: Item): Item[] {
    const { concepts, weights, norm } = item.vector;
    const n = weights.length;
    if (!n || !norm) return [];
    // The item's own weights (those its cosines use), heaviest first; tail[k]: squared norm of concepts k… onwards.
    const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => weights[j] - weights[i]);
    const tail = new Float64Array(n + 1);
    for (let k = n - 1; k >= 0; k--) tail[k] = tail[k + 1] + weights[order[k]] ** 2;
    // A pair scores at most cos × verb factor, so a class whose verbs reach at most `verbBound` needs a cosine of
    // threshold / verbBound: its prefix is the fewest heaviest concepts whose tail weighs less than that × norm.
    const classes = compatibleClasses(item.profile, this.threshold).map(({ key, verbBound }) => {
      const limit = (Math.min(1, this.threshold / verbBound) * norm) ** 2;
      let prefix = n;
      while (prefix > 1 && tail[prefix - 1] < limit) prefix--;
      return { key, prefix };
    });
    const longest = Math.max(0, ...classes.map((c) => c.prefix));
    const out: Item[] = [];
    const stamp = ++this.walk;
    for (let k = 0; k < longest; k++) {
      const concept = concepts[order[k]];
      for (const cls of classes) {
        if (k >= cls.prefix) continue;
        const list = this.postings.listOf(concept, cls.key, this.maxPosting);
        if (!list) continue;
        for (const other of list) {
          if (other.seen === stamp) continue;
          other.seen = stamp;
          out.push(other);
          if (out.length >= this.maxCandidates) return out;
        }
      }
    }
    return out;
  }
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
    a.channels.join('\n') === b.channels.join('\n') &&
    (a.segmentsUnknown === true) === (b.segmentsUnknown === true)
  );
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
