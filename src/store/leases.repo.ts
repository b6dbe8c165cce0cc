import type { Db } from './database';

/** Leases on work one process at a time may do. SQL only. */

/**
 * Takes (or extends) the lease `name` for `holder` until `until`, unless another
 * holder has it past `now`. One statement, so two processes cannot both win.
 */
export async function tryLease(db: Db, name: string, holder: string, now: number, until: number): Promise<boolean> {
  const row = await db
    .insertInto('leases')
    .values({ name, holder, held_until: until })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, held_until: until })
        .where((eb) => eb.or([eb('leases.held_until', '<', now), eb('leases.holder', '=', holder)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}
