/** Time as the API client sees it: injected, so tests run a 250-request push on a fake clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * At most `limit` requests in any `windowMs` (OpenCX: 100 a minute): a request waits until the oldest of the last
 * `limit` is a window old. Requests are queued in order (one caller at a time awaits `take`).
 */
export class RateLimiter {
  private readonly sent: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly clock: Clock, private readonly limit = 100, private readonly windowMs = 60_000) {}

  /** Resolves when one more request may be sent, and counts it as sent. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** After a 429: no request before `ms` from now. */
  pause(ms: number): Promise<void> {
    const turn = this.queue.then(() => this.clock.sleep(ms));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async wait(): Promise<void> {
    while (this.sent.length && this.clock.now() - this.sent[0] >= this.windowMs) this.sent.shift();
    if (this.sent.length >= this.limit) {
      await this.clock.sleep(this.sent[0] + this.windowMs - this.clock.now());
      this.sent.shift();
    }
    this.sent.push(this.clock.now());
  }
}
