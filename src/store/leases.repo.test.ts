import { describe, expect, it } from 'vitest';
import { storeKinds, storeOfTests } from '../../test/support/stores';
import { releaseLease, tryLease } from './leases.repo';
import { bumpCacheVersion, readCacheVersions } from './cache-versions.repo';

describe.each(storeKinds())('leases and cache versions (%s)', (kind) => {
  const opened = storeOfTests(kind, 'plumbline-leases-');

  it('gives a lease to one holder at a time, until it ends or is released', async () => {
    const results = await Promise.all(['a', 'b', 'c'].map((holder) => tryLease(opened.store.db, 'job', holder, 1000, 2000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = ['a', 'b', 'c'][results.indexOf(true)];
    const other = winner === 'a' ? 'b' : 'a';
    expect(await tryLease(opened.store.db, 'job', other, 1500, 2500)).toBe(false);
    // The holder renews; another takes it once it has ended.
    expect(await tryLease(opened.store.db, 'job', winner, 1500, 3000)).toBe(true);
    expect(await tryLease(opened.store.db, 'job', other, 3001, 4000)).toBe(true);
    await releaseLease(opened.store.db, 'job', other);
    expect(await tryLease(opened.store.db, 'job', winner, 3002, 4000)).toBe(true);
  });

  it('counts every change of a scope, concurrent ones included', async () => {
    await Promise.all(Array.from({ length: 5 }, () => opened.store.db.transaction().execute((trx) => bumpCacheVersion(trx, 'keys'))));
    await bumpCacheVersion(opened.store.db, 'lenses');
    expect(Object.fromEntries((await readCacheVersions(opened.store.db)).map((r) => [r.scope, r.version]))).toEqual({ keys: 5, lenses: 1 });
  });
});
