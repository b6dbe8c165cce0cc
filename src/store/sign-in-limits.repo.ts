import { sql } from 'kysely';
import type { Db, Trx } from './database';

type Conn = Db | Trx;

/**
 * Console sign-in attempts per key in a fixed window (migration 0013-sign-in-limits).
 * Each attempt is counted by one upsert before the password is checked: the database
 * decides, atomically and for every instance at once, whether it is still within the
 * limit, so concurrent attempts cannot all pass a check made before any was counted.
 */

export type Reservation = { reserved: true } | { reserved: false; retryAt: number };

export async function reserveSignInAttempt(db: Conn, key: string, limit: number, windowMs: number, now: number): Promise<Reservation> {
  const ended = now - windowMs;
  const row = await db
    .insertInto('sign_in_limits')
    .values({ limit_key: key, window_start: now, attempts: 1 })
    .onConflict((oc) =>
      oc
        .column('limit_key')
        .doUpdateSet({
          attempts: sql<number>`case when sign_in_limits.window_start <= ${ended} then 1 else sign_in_limits.attempts + 1 end`,
          window_start: sql<number>`case when sign_in_limits.window_start <= ${ended} then ${now} else sign_in_limits.window_start end`,
        })
        // When this is false no row is written or returned: the attempt is refused.
        .where(sql<boolean>`sign_in_limits.window_start <= ${ended} or sign_in_limits.attempts < ${limit}`),
    )
    .returning('attempts')
    .executeTakeFirst();
  if (row) return { reserved: true };
  const held = await db.selectFrom('sign_in_limits').select('window_start').where('limit_key', '=', key).executeTakeFirst();
  return { reserved: false, retryAt: (held?.window_start ?? now) + windowMs };
}

/** Gives back an attempt that turned out not to be a failure. */
export async function releaseSignInAttempt(db: Conn, key: string): Promise<void> {
  await db.updateTable('sign_in_limits').set({ attempts: sql<number>`attempts - 1` }).where('limit_key', '=', key).where('attempts', '>', 0).execute();
}

/** Forgets every attempt of a key (a successful sign-in of that identity). */
export async function clearSignInAttempts(db: Conn, key: string): Promise<void> {
  await db.deleteFrom('sign_in_limits').where('limit_key', '=', key).execute();
}

/** Windows that began before `before` are over: their rows go. */
export async function purgeSignInAttempts(db: Conn, before: number): Promise<void> {
  await db.deleteFrom('sign_in_limits').where('window_start', '<', before).execute();
}
