import type { CacheScope, CacheVersions } from './cache-versions';

/**
 * A map of answers read from the store, dropped whenever its scope changes
 * (CacheVersions). A load that began before a drop does not store its answer,
 * which may predate the change. Entries also expire after `maxAgeMs`, a backstop
 * should a process die between its change's commit and nothing else.
 */
export class ScopedCache<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();
  private generation = 0;

  constructor(
    versions: CacheVersions,
    scopes: CacheScope[],
    private readonly maxAgeMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {
    for (const scope of scopes) versions.subscribe(scope, () => this.clear());
  }

  /** The cached value (possibly undefined: a key known not to exist), or NOT_CACHED. */
  get(key: string): V | typeof NOT_CACHED {
    const hit = this.entries.get(key);
    if (!hit || Date.now() - hit.at >= this.maxAgeMs) return NOT_CACHED;
    return hit.value;
  }

  /** Where a load starts: pass it to `set` with the loaded value. */
  mark(): number {
    return this.generation;
  }

  set(key: string, value: V, mark: number): void {
    if (mark !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { at: Date.now(), value });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

export const NOT_CACHED = Symbol('not cached');
