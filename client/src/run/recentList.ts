/**
 * The last `limit` items of a stream, oldest first. The run panel keeps what its page reported it rendered (for
 * end-to-end tests, which look at the latest few); unbounded, every run of a long VS Code session would stay in
 * memory with its whole AI text.
 */
export class RecentList<T> {
  private readonly entries: T[] = [];

  constructor(private readonly limit: number) {}

  push(item: T): void {
    this.entries.push(item);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** The kept items, oldest first. */
  items(): readonly T[] {
    return this.entries;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
