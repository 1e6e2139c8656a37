/**
 * Action names → files, to find duplicates in O(1) per edit. Names compare trimmed and case-insensitively, and only
 * within one scope (one organisation): two organisations' actions are never handed to the same AI.
 */
export class NameIndex {
  /** Keyed by scope and name (see scopedKey). */
  private readonly byName = new Map<string, Set<string>>();
  private readonly nameOf = new Map<string, string>();
  /** Files per plain name, whatever their scope (isNameTaken). */
  private readonly plain = new Map<string, number>();

  static key(name: string): string {
    return name.trim().toLowerCase();
  }

  /**
   * Records `id`'s new name (undefined: removed) in `scope`; returns the other files whose duplicate status may
   * change.
   */
  update(id: string, name: string | undefined, scope = ''): string[] {
    const before = this.nameOf.get(id);
    const after = name && name.trim() ? `${scope}\u0000${NameIndex.key(name)}` : undefined;
    if (before === after) return [];
    const touched: string[] = [];
    if (before !== undefined) {
      const group = this.byName.get(before);
      group?.delete(id);
      if (group) touched.push(...group);
      if (group?.size === 0) this.byName.delete(before);
      this.nameOf.delete(id);
      this.count(before, -1);
    }
    if (after !== undefined) {
      const group = this.byName.get(after) ?? new Set<string>();
      touched.push(...group);
      group.add(id);
      this.byName.set(after, group);
      this.nameOf.set(id, after);
      this.count(after, 1);
    }
    return touched;
  }

  /** Whether any file, in any scope, has this name. */
  has(name: string): boolean {
    return (this.plain.get(NameIndex.key(name)) ?? 0) > 0;
  }

  private count(scoped: string, delta: number): void {
    const name = scoped.slice(scoped.indexOf('\u0000') + 1);
    const n = (this.plain.get(name) ?? 0) + delta;
    if (n > 0) this.plain.set(name, n);
    else this.plain.delete(name);
  }

  others(id: string): string[] {
    const name = this.nameOf.get(id);
    if (name === undefined) return [];
    return [...(this.byName.get(name) ?? [])].filter((other) => other !== id);
  }
}
