import { sql } from 'kysely';
import type { Db, Trx } from './database';

type Conn = Db | Trx;

/** One account's share of the audit trail: how many records, how large, how fast it grows. */
export async function auditTrailSize(db: Conn, accountId: string, now: number) {
  const row = await db
    .selectFrom('audit_records')
    .where('account_id', '=', accountId)
    .select([
      sql<number>`count(*)`.as('records'),
      sql<number | null>`sum(length(record))`.as('bytes'),
      sql<number | null>`min(event_time)`.as('oldest'),
      sql<number | null>`max(event_time)`.as('newest'),
      sql<number>`sum(case when event_time >= ${now - 3600_000} then 1 else 0 end)`.as('last_hour'),
      sql<number>`sum(case when event_time >= ${now - 86_400_000} then 1 else 0 end)`.as('last_day'),
    ])
    .executeTakeFirstOrThrow();
  // PostgreSQL answers count and sum as text (bigint and numeric).
  const number = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  return {
    records: number(row.records),
    bytes: number(row.bytes),
    oldest: row.oldest === null ? undefined : Number(row.oldest),
    newest: row.newest === null ? undefined : Number(row.newest),
    lastHour: number(row.last_hour),
    lastDay: number(row.last_day),
  };
}
