import { sql, type Selectable } from 'kysely';
import type { Db, Dialect, Trx } from './database';
import type { EventOutboxTable, EventTargetsTable } from './tables';
import { keysetPage } from './keyset-page';

/** Event targets and the outbox of their deliveries. SQL only; the events services decide. */

type Conn = Db | Trx;

export type EventTargetRow = Selectable<EventTargetsTable>;
export type OutboxRow = Selectable<EventOutboxTable>;

export const OUTBOX_PENDING = 'PENDING';
export const OUTBOX_DELIVERED = 'DELIVERED';
export const OUTBOX_FAILED = 'FAILED';

export async function insertTarget(db: Conn, row: EventTargetRow): Promise<void> {
  await db.insertInto('event_targets').values(row).execute();
}

export async function findTarget(db: Conn, accountId: string, id: string): Promise<EventTargetRow | undefined> {
  return db.selectFrom('event_targets').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

/** An account's targets by name (ignoring case), from after `afterKey`. */
export async function listTargets(db: Conn, accountId: string, afterKey: string | undefined, limit: number): Promise<EventTargetRow[]> {
  return keysetPage(db.selectFrom('event_targets').selectAll().where('account_id', '=', accountId), 'name_key', afterKey, limit);
}

/** Every enabled target of every account: what the enqueue cache holds. */
export async function enabledTargets(db: Conn): Promise<EventTargetRow[]> {
  return db.selectFrom('event_targets').selectAll().where('enabled', '=', 1).execute();
}

export async function targetsById(db: Conn, ids: string[]): Promise<EventTargetRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('event_targets').selectAll().where('id', 'in', ids).execute();
}

export async function updateTarget(db: Conn, id: string, changes: Partial<EventTargetRow>): Promise<void> {
  await db.updateTable('event_targets').set(changes).where('id', '=', id).execute();
}

export async function deleteTarget(db: Conn, id: string): Promise<void> {
  await db.deleteFrom('event_targets').where('id', '=', id).execute();
  await db.deleteFrom('event_outbox').where('target_id', '=', id).execute();
}

export async function insertOutboxRows(db: Conn, rows: OutboxRow[]): Promise<void> {
  if (rows.length) await db.insertInto('event_outbox').values(rows).execute();
}

/** Rows per status for each of the given targets. */
export async function outboxCounts(db: Conn, targetIds: string[]): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>();
  if (targetIds.length === 0) return counts;
  const rows = await db
    .selectFrom('event_outbox')
    .select(['target_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('target_id', 'in', targetIds)
    .groupBy(['target_id', 'status'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.target_id) ?? {};
    entry[row.status] = Number(row.n);
    counts.set(row.target_id, entry);
  }
  return counts;
}

const due = (row: Pick<OutboxRow, 'next_attempt_at' | 'claimed_until'>, now: number) =>
  row.next_attempt_at <= now && (row.claimed_until === null || row.claimed_until < now);

/**
 * Claims the head of a target's queue: its oldest pending rows, in the order their
 * changes were made, up to the first that is not due (waiting for its retry) or held
 * by another process; so a target receives its events in order, even after an
 * outage, and one process at a time delivers them. A read comes first, outside any
 * transaction, so an idle poll takes no lock; the claim itself is one short
 * transaction serialized per target (PostgreSQL: an advisory lock on the target;
 * SQLite: the database's write lock, taken at its start).
 */
export async function claimDueRows(
  db: Db,
  dialect: Dialect,
  targetId: string,
  now: number,
  claim: { until: number; by: string },
  limit: number,
): Promise<OutboxRow[]> {
  const head = (conn: Conn, n: number) =>
    conn.selectFrom('event_outbox').selectAll().where('target_id', '=', targetId).where('status', '=', OUTBOX_PENDING).orderBy('created_at').orderBy('id').limit(n).execute();
  const [first] = await head(db, 1);
  if (!first || !due(first, now)) return [];
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`plumbline-outbox:${targetId}`}))`.execute(trx);
    else await trx.updateTable('event_outbox').set({ claimed_by: sql`claimed_by` }).where('id', '=', '').execute();
    const rows = await head(trx, limit);
    const taken: OutboxRow[] = [];
    for (const row of rows) {
      if (!due(row, now)) break;
      taken.push({ ...row, claimed_until: claim.until, claimed_by: claim.by });
    }
    if (taken.length) {
      await trx
        .updateTable('event_outbox')
        .set({ claimed_until: claim.until, claimed_by: claim.by })
        .where('id', 'in', taken.map((r) => r.id))
        .execute();
    }
    return taken;
  });
}

/** Extends this process's claim on rows it is still working through. */
export async function renewClaims(db: Conn, ids: string[], until: number, by: string): Promise<void> {
  if (ids.length) await db.updateTable('event_outbox').set({ claimed_until: until }).where('id', 'in', ids).where('claimed_by', '=', by).execute();
}

/** Processes holding claims, with how many rows each. */
export async function claimHolders(db: Conn): Promise<Array<{ by: string | null; until: number }>> {
  const rows = await db
    .selectFrom('event_outbox')
    .select(['claimed_by', (eb) => eb.fn.max('claimed_until').as('until')])
    .where('status', '=', OUTBOX_PENDING)
    .where('claimed_until', 'is not', null)
    .groupBy('claimed_by')
    .execute();
  return rows.map((r) => ({ by: r.claimed_by, until: Number(r.until) }));
}

/** Frees the claims of these holders (null: claims that name no holder, made before holders were recorded). */
export async function releaseClaimsOf(db: Conn, holders: Array<string | null>): Promise<number> {
  let released = 0;
  for (const holder of holders) {
    const query = db.updateTable('event_outbox').set({ claimed_until: null, claimed_by: null }).where('status', '=', OUTBOX_PENDING).where('claimed_until', 'is not', null);
    const result = await (holder === null ? query.where('claimed_by', 'is', null) : query.where('claimed_by', '=', holder)).executeTakeFirst();
    released += Number(result.numUpdatedRows);
  }
  return released;
}

/** Claimed rows not attempted (the process stops, or the target failed first): free for the next claim. */
export async function releaseRows(db: Conn, ids: string[]): Promise<void> {
  if (ids.length) await db.updateTable('event_outbox').set({ claimed_until: null, claimed_by: null }).where('id', 'in', ids).execute();
}

export async function markDelivered(db: Conn, id: string, at: number, attempts: number): Promise<void> {
  await db
    .updateTable('event_outbox')
    .set({ status: OUTBOX_DELIVERED, delivered_at: at, attempts, claimed_until: null, claimed_by: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: tried again at `nextAttemptAt`, or given up on when that is null. */
export async function markAttemptFailed(db: Conn, id: string, attempts: number, error: string, nextAttemptAt: number | null): Promise<void> {
  await db
    .updateTable('event_outbox')
    .set({
      attempts,
      last_error: error,
      claimed_until: null,
      claimed_by: null,
      ...(nextAttemptAt === null ? { status: OUTBOX_FAILED } : { next_attempt_at: nextAttemptAt }),
    })
    .where('id', '=', id)
    .execute();
}

/** Given-up rows of a target become due again (after its endpoint was fixed). */
export async function requeueFailed(db: Conn, targetId: string, now: number): Promise<number> {
  const result = await db
    .updateTable('event_outbox')
    .set({ status: OUTBOX_PENDING, attempts: 0, next_attempt_at: now, claimed_until: null, claimed_by: null })
    .where('target_id', '=', targetId)
    .where('status', '=', OUTBOX_FAILED)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A target's rows, newest first, from before the (created_at, id) position. */
export async function recentRows(db: Conn, targetId: string, before: { at: number; id: string } | undefined, limit: number): Promise<OutboxRow[]> {
  let query = db
    .selectFrom('event_outbox')
    .selectAll()
    .where('target_id', '=', targetId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (before) {
    query = query.where((eb) => eb.or([eb('created_at', '<', before.at), eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)])]));
  }
  return query.execute();
}

/**
 * Delivered rows are kept a while to be looked at, then removed; so are rows written
 * for a target that another process deleted meanwhile.
 */
export async function pruneOutbox(db: Conn, deliveredBefore: number): Promise<void> {
  await db.deleteFrom('event_outbox').where('status', '=', OUTBOX_DELIVERED).where('delivered_at', '<', deliveredBefore).execute();
  await db
    .deleteFrom('event_outbox')
    .where('target_id', 'not in', (eb) => eb.selectFrom('event_targets').select('id'))
    .execute();
}
