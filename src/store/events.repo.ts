import type { Selectable } from 'kysely';
import type { Db, Dialect, Trx } from './database';
import type { EventOutboxTable, EventTargetsTable } from './tables';

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
  let query = db.selectFrom('event_targets').selectAll().where('account_id', '=', accountId).orderBy('name_key').limit(limit);
  if (afterKey !== undefined) query = query.where('name_key', '>', afterKey);
  return query.execute();
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

/**
 * Claims up to `limit` due rows of a target until `claimUntil`, so that no other
 * process sends them meanwhile. On PostgreSQL the candidates are locked with SKIP
 * LOCKED (concurrent claimers take different rows, none waits); on SQLite (one
 * process) a read comes first, so an idle poll never takes the write lock.
 */
export async function claimDueRows(db: Db, dialect: Dialect, targetId: string, now: number, claimUntil: number, limit: number): Promise<OutboxRow[]> {
  const due = db
    .selectFrom('event_outbox')
    .select('id')
    .where('target_id', '=', targetId)
    .where('status', '=', OUTBOX_PENDING)
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .limit(limit);
  if (dialect === 'postgres') {
    const claimed = await db
      .updateTable('event_outbox')
      .set({ claimed_until: claimUntil })
      .where('id', 'in', due.forUpdate().skipLocked())
      .returningAll()
      .execute();
    return claimed.sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.created_at - b.created_at);
  }
  const ids = (await due.execute()).map((row) => row.id);
  if (ids.length === 0) return [];
  await db.updateTable('event_outbox').set({ claimed_until: claimUntil }).where('id', 'in', ids).execute();
  const rows = await db.selectFrom('event_outbox').selectAll().where('id', 'in', ids).execute();
  return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.created_at - b.created_at);
}

/** Claimed rows not attempted (the process stops, or the target failed first): free for the next claim. */
export async function releaseRows(db: Conn, ids: string[]): Promise<void> {
  if (ids.length) await db.updateTable('event_outbox').set({ claimed_until: null }).where('id', 'in', ids).execute();
}

export async function markDelivered(db: Conn, id: string, at: number, attempts: number): Promise<void> {
  await db
    .updateTable('event_outbox')
    .set({ status: OUTBOX_DELIVERED, delivered_at: at, attempts, claimed_until: null, last_error: null })
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
      ...(nextAttemptAt === null ? { status: OUTBOX_FAILED } : { next_attempt_at: nextAttemptAt }),
    })
    .where('id', '=', id)
    .execute();
}

/** Given-up rows of a target become due again (after its endpoint was fixed). */
export async function requeueFailed(db: Conn, targetId: string, now: number): Promise<number> {
  const result = await db
    .updateTable('event_outbox')
    .set({ status: OUTBOX_PENDING, attempts: 0, next_attempt_at: now, claimed_until: null })
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
