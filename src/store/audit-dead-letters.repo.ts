import { sql } from 'kysely';
import type { Db } from './database';

/** Audit rows the store refused, kept aside. SQL only; src/services/audit/trail.ts decides. */

export interface DeadLetter {
  eventId: string;
  setAsideAt: number;
  error: string;
  /** The refused row as JSON text: JSON.stringify escapes NUL and lone surrogates, so any store takes it. */
  rowJson: string;
}

export async function insertDeadLetter(db: Db, letter: DeadLetter): Promise<void> {
  await db
    .insertInto('audit_dead_letters')
    .values({ event_id: letter.eventId, set_aside_at: letter.setAsideAt, error: letter.error, row_json: letter.rowJson })
    .execute();
}

export async function countDeadLetters(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_dead_letters').select(sql<number | string>`count(*)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listDeadLetters(db: Db, limit: number): Promise<DeadLetter[]> {
  const rows = await db.selectFrom('audit_dead_letters').selectAll().orderBy('set_aside_at').limit(limit).execute();
  return rows.map((r) => ({ eventId: r.event_id, setAsideAt: r.set_aside_at, error: r.error, rowJson: r.row_json }));
}
