import type { Db, Trx } from './database';

/** Versions of cached state (src/services/caches/cache-versions.ts). SQL only. */

/** One more change of `scope`, inside the change's transaction: it commits (or not) with it. */
export async function bumpCacheVersion(db: Db | Trx, scope: string): Promise<void> {
  await db
    .insertInto('cache_versions')
    .values({ scope, version: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ version: eb('cache_versions.version', '+', 1) })))
    .execute();
}

export async function readCacheVersions(db: Db): Promise<Array<{ scope: string; version: number }>> {
  const rows = await db.selectFrom('cache_versions').select(['scope', 'version']).execute();
  return rows.map((r) => ({ scope: r.scope, version: Number(r.version) }));
}
