/**
 * Which actions are compared with which: only actions of one organisation (issue 9). An organisation is the nearest
 * opencx.config.json at or above an action; actions with no config above them form one group per root (a
 * workspace folder in the editor, a path argument in the CLI), and actions outside every root one group of their
 * own. Each scope has its own overlap index (so its own word frequencies) and its own segment facts.
 */
import { offersTo } from '../model/visibility';
import type { Neighbour } from '../overlap/neighbours';
import { OverlapIndex, type OverlapIndexOptions } from '../overlap/overlapIndex';
import type { Overlap, OverlapContext, OverlapEntry } from '../overlap/types';

/** The scope of actions outside every root that have no config above them. */
export const LOOSE_SCOPE = 'loose:';

/** The scope key of an action: its organisation's config id, or the root it is under. */
export function scopeKey(configId: string | undefined, id: string, roots: readonly string[]): string {
  if (configId !== undefined) return `config:${configId}`;
  let best: string | undefined;
  for (const root of roots) {
    if ((id === root || id.startsWith(`${root}/`)) && (best === undefined || root.length > best.length)) best = root;
  }
  return best === undefined ? LOOSE_SCOPE : `root:${best}`;
}

/** Roots as given (folder URIs or paths), without a trailing '/' so that prefix tests are uniform. */
export function normaliseRoots(roots: readonly string[]): string[] {
  return roots.map((r) => (r.endsWith('/') && r.length > 1 ? r.replace(/\/+$/, '') : r));
}

/** One overlap index per scope, and which scope each action is in. */
export class OverlapScopes {
  private readonly indexes = new Map<string, OverlapIndex>();
  private readonly scopeOf = new Map<string, string>();
  private readonly contexts = new Map<string, OverlapContext>();

  constructor(private readonly options: OverlapIndexOptions = {}) {}

  /** The scope an action is in, if it is indexed. */
  scope(id: string): string | undefined {
    return this.scopeOf.get(id);
  }

  /** Adds or replaces an action in `scope` (moving it out of its former scope); returns the ids whose results changed. */
  upsert(id: string, entry: OverlapEntry, scope: string): string[] {
    const moved = this.leaveIfMoved(id, scope);
    return [...new Set([...moved, ...this.indexOf(scope).upsert(id, entry)])];
  }

  /** Indexes an action without scoring it (a bulk load); scoreAll() scores every scope. */
  stage(id: string, entry: OverlapEntry, scope: string): void {
    this.leaveIfMoved(id, scope);
    this.indexOf(scope).stage(id, entry);
  }

  scoreAll(): void {
    for (const index of this.indexes.values()) index.scoreAll();
  }

  remove(id: string): string[] {
    const scope = this.scopeOf.get(id);
    if (scope === undefined) return [];
    this.scopeOf.delete(id);
    const index = this.indexes.get(scope)!;
    const out = index.remove(id);
    if (!index.size) this.indexes.delete(scope);
    return out;
  }

  /** Sets what a scope's config says about segments; returns the ids whose results may change. */
  setContext(scope: string, context: OverlapContext): string[] {
    this.contexts.set(scope, context);
    return this.indexes.get(scope)?.setContext(context) ?? [];
  }

  overlapsOf(id: string): Overlap[] {
    const scope = this.scopeOf.get(id);
    return scope === undefined ? [] : (this.indexes.get(scope)?.overlapsOf(id) ?? []);
  }

  /**
   * The nearest actions of `id` in its scope (see OverlapIndex.neighboursOf). `contact`: a test contact of the
   * scope's opencx.config.json; only when it is offered this action, and only neighbours it is offered too (none
   * when the config does not define it).
   */
  neighboursOf(id: string, limit: number, contact?: string): Neighbour[] {
    const scope = this.scopeOf.get(id);
    const index = scope === undefined ? undefined : this.indexes.get(scope);
    if (!index) return [];
    if (contact === undefined) return index.neighboursOf(id, limit);
    const member = this.contexts.get(scope!)?.contacts?.[contact];
    return member ? index.neighboursOf(id, limit, (entry) => offersTo(entry.restrictedToSegments, member)) : [];
  }

  /** Two actions of one scope described as a finding would be, or undefined when they are not in the same scope. */
  describePair(id: string, otherId: string): Overlap | undefined {
    const scope = this.scopeOf.get(id);
    if (scope === undefined || this.scopeOf.get(otherId) !== scope) return undefined;
    return this.indexes.get(scope)?.describePair(id, otherId);
  }

  private indexOf(scope: string): OverlapIndex {
    let index = this.indexes.get(scope);
    if (!index) {
      this.indexes.set(scope, (index = new OverlapIndex(this.options)));
      const context = this.contexts.get(scope);
      if (context) index.setContext(context);
    }
    return index;
  }

  /** Takes `id` out of its former scope when that is not `scope`; returns its former partners. */
  private leaveIfMoved(id: string, scope: string): string[] {
    const before = this.scopeOf.get(id);
    if (before === scope) return [];
    const out = before === undefined ? [] : this.remove(id);
    this.scopeOf.set(id, scope);
    return out;
  }
}
