/**
 * Failed sign-ins per key (an account and user, or a client address) in a sliding
 * window, in memory: enough to slow password guessing against one process. After
 * `limit` failures within `windowMs` the key waits until its oldest failure leaves
 * the window.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length < this.limit ? 0 : recent[0] + this.windowMs - now;
  }

  fail(key: string, now: number): void {
    // Bound memory under a flood of distinct keys: forget everything rather than grow.
    if (this.failures.size > 50_000) this.failures.clear();
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}
