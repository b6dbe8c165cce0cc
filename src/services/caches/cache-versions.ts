import type { Store, Trx } from '../../store/database';
import { bumpCacheVersion, readCacheVersions } from '../../store/cache-versions.repo';

/**
 * How a change made through one Plumbline process reaches the caches of every other
 * process on the same store: a version check. Each kind of cached state (a scope)
 * has a counter in the store's cache_versions table; the transaction that changes
 * such state bumps its counter, and every process reads the counters every
 * `pollMs` (250 ms by default, one small query) and drops the caches of each scope
 * whose counter moved. A change is thus seen everywhere within one poll after its
 * commit, whichever store, whichever number of processes, with no connection held
 * open for it (LISTEN/NOTIFY would need one per process and exists only on
 * PostgreSQL). The process that made the change also drops its own cache at once
 * (`forget`), so it never answers from the old state after its own call.
 */

export type CacheScope = 'keys' | 'policies' | 'sessions' | 'targets' | 'lenses';

export const CACHE_POLL_MS = 250;

export class CacheVersions {
  private readonly listeners = new Map<CacheScope, Array<() => void>>();
  private seen = new Map<string, number>();
  private started = false;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown) => void,
    readonly pollMs = CACHE_POLL_MS,
  ) {}

  /** `drop` runs whenever state of `scope` changed, here or in another process. */
  subscribe(scope: CacheScope, drop: () => void): void {
    const list = this.listeners.get(scope) ?? [];
    list.push(drop);
    this.listeners.set(scope, list);
  }

  /** Inside the changing transaction: other processes drop their caches once it committed. */
  async bump(trx: Trx | Store['db'], ...scopes: CacheScope[]): Promise<void> {
    for (const scope of scopes) await bumpCacheVersion(trx, scope);
  }

  /** After the change committed: this process drops its caches at once. */
  forget(...scopes: CacheScope[]): void {
    for (const scope of scopes) for (const drop of this.listeners.get(scope) ?? []) drop();
  }

  /** Reads the versions once (the baseline), then every pollMs until stopped. */
  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.pollMs).unref();
  }

  stop(): Promise<void> | undefined {
    clearInterval(this.timer);
    return this.polling;
  }

  /** One check; concurrent calls share it. Scopes whose version moved since the last check are dropped. */
  poll(): Promise<void> {
    this.polling ??= readCacheVersions(this.store.db)
      .then((rows) => {
        const next = new Map(rows.map((r) => [r.scope, r.version]));
        if (this.started) for (const [scope, version] of next) if (this.seen.get(scope) !== version) this.forget(scope as CacheScope);
        this.seen = next;
        this.started = true;
        this.failing = false;
      })
      .catch((error: unknown) => {
        // While the store is unreachable nothing can be served from it anyway; said once per outage.
        if (!this.failing) this.onError(error);
        this.failing = true;
      })
      .finally(() => {
        this.polling = undefined;
      });
    return this.polling;
  }
}
