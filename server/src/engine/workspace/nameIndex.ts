/** Action names → files, to find duplicates in O(1) per edit. Names compare trimmed and case-insensitively. */
export class NameIndex {
  private readonly byName = new Map<string, Set<string>>();
  private readonly nameOf = new Map<string, string>();

  static key(name: string): string {
    return name.trim().toLowerCase();
  }

  /** Records `id`'s new name (undefined: removed); returns the other files whose duplicate status may change. */
  update(id: string, name: string | undefined): string[] {
    const before = this.nameOf.get(id);
    const after = name && name.trim() ? NameIndex.key(name) : undefined;
    if (before === after) return [];
    const touched: string[] = [];
    if (before !== undefined) {
      const group = this.byName.get(before);
      group?.delete(id);
      if (group) touched.push(...group);
      if (group?.size === 0) this.byName.delete(before);
      this.nameOf.delete(id);
    }
    if (after !== undefined) {
      const group = this.byName.get(after) ?? new Set<string>();
      touched.push(...group);
      group.add(id);
      this.byName.set(after, group);
      this.nameOf.set(id, after);
    }
    return touched;
  }

  has(name: string): boolean {
    return (this.byName.get(NameIndex.key(name))?.size ?? 0) > 0;
  }

  others(id: string): string[] {
    const name = this.nameOf.get(id);
    if (name === undefined) return [];
    return [...(this.byName.get(name) ?? [])].filter((other) => other !== id);
  }
}
