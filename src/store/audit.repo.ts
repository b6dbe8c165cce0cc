import { CompiledQuery, sql } from 'kysely';
import type { Db, Dialect, Trx } from './database';
import type { AuditRecordsTable } from './tables';
import { arg, prepared } from './prepared';

type Conn = Db | Trx;

export type AuditRow = AuditRecordsTable;

const COLUMNS = ['account_id', 'event_id', 'event_time', 'event_name', 'principal_arn', 'resource_arn', 'read_only', 'error_code', 'record'] as const;

// Well under SQLite's and PostgreSQL's bound-parameter limits (9 columns per row).
const ROWS_PER_INSERT = 500;

/*
 * These inserts run on every change (and for every batch), so they skip the
 * query builder: building and compiling a Kysely insert cost more than the
 * insert itself. The statement text depends only on the table, dialect and
 * row count, and is kept.
 */
const statements = new Map<string, string>();

function insertStatement(table: 'audit_records' | 'audit_journal', dialect: Dialect, count: number): string {
  const key = `${table}:${dialect}:${count}`;
  let text = statements.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${COLUMNS.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${table}" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: count }, tuple).join(', ')}`;
    if (statements.size > 64) statements.clear();
    statements.set(key, text);
  }
  return text;
}

async function insertRows(db: Conn, dialect: Dialect, table: 'audit_records' | 'audit_journal', rows: AuditRow[]): Promise<void> {
  const params: unknown[] = [];
  for (const row of rows) for (const column of COLUMNS) params.push(row[column]);
  await db.executeQuery(CompiledQuery.raw(insertStatement(table, dialect, rows.length), params));
}

/** One INSERT per 500 rows; callers batch rows to keep the statement count down. */
export async function insertAuditRows(db: Conn, dialect: Dialect, rows: AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insertRows(db, dialect, 'audit_records', rows.slice(i, i + ROWS_PER_INSERT));
}

// A change's record is one journal row (two on another account's workload): a prepared
// statement (./prepared.ts), which on SQLite runs on the change's connection directly.
const journalRow = prepared((db) => db.insertInto('audit_journal').values(Object.fromEntries(COLUMNS.map((c, i) => [c, arg(i)])) as never));

/** A change's record, in the change's transaction: one append to an unindexed table. */
export async function insertJournalRows(trx: Trx, dialect: Dialect, rows: AuditRow[]): Promise<void> {
  if (rows.length > 2) return insertRows(trx, dialect, 'audit_journal', rows);
  for (const row of rows) {
    await journalRow.run(trx, row.account_id, row.event_id, row.event_time, row.event_name, row.principal_arn, row.resource_arn, row.read_only, row.error_code, row.record);
  }
}

/**
 * Moves every committed journal row into audit_records, inside the SQL engine
 * (the rows never travel through JavaScript). PostgreSQL does it in one
 * statement, so two processes moving at once each move the rows they deleted
 * and none twice; SQLite has one writer, and the transaction holds the write
 * lock from the copy to the delete, so both see the same rows.
 */
export async function moveJournalRows(trx: Trx, dialect: Dialect): Promise<void> {
  const columns = sql.raw(COLUMNS.map((c) => `"${c}"`).join(', '));
  if (dialect === 'postgres') {
    await sql`with moved as (delete from audit_journal returning ${columns}) insert into audit_records (${columns}) select ${columns} from moved`.execute(trx);
    return;
  }
  await sql`insert into audit_records (${columns}) select ${columns} from audit_journal`.execute(trx);
  await sql`delete from audit_journal`.execute(trx);
}

export interface AuditQuery {
  accountId: string;
  principalArn?: string;
  eventName?: string;
  resourceArn?: string;
  readOnly?: boolean;
  /** Epoch milliseconds, inclusive. */
  startTime?: number;
  /** Epoch milliseconds, inclusive. */
  endTime?: number;
  /** The last row of the previous page: the page starts strictly older than it. */
  before?: { time: number; eventId: string };
  limit: number;
}

/** Newest first; (event_time, event_id) orders records of the same millisecond, so pages never skip or repeat one. */
export async function queryAuditRows(db: Conn, q: AuditQuery): Promise<Array<Pick<AuditRow, 'event_time' | 'event_id' | 'record'>>> {
  let query = db.selectFrom('audit_records').select(['event_time', 'event_id', 'record']).where('account_id', '=', q.accountId);
  if (q.principalArn !== undefined) query = query.where('principal_arn', '=', q.principalArn);
  if (q.eventName !== undefined) query = query.where('event_name', '=', q.eventName);
  if (q.resourceArn !== undefined) query = query.where('resource_arn', '=', q.resourceArn);
  if (q.readOnly !== undefined) query = query.where('read_only', '=', q.readOnly ? 1 : 0);
  if (q.startTime !== undefined) query = query.where('event_time', '>=', q.startTime);
  if (q.endTime !== undefined) query = query.where('event_time', '<=', q.endTime);
  const before = q.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('event_time', '<', before.time), eb.and([eb('event_time', '=', before.time), eb('event_id', '<', before.eventId)])]),
    );
  }
  return query.orderBy('event_time', 'desc').orderBy('event_id', 'desc').limit(q.limit).execute();
}

/** The accounts that have records, for the retention purge to walk by its index. */
export async function auditAccounts(db: Conn): Promise<string[]> {
  const rows = await db.selectFrom('accounts').select('id').execute();
  return rows.map((r) => r.id);
}

/** Deletes up to `limit` of an account's records older than `cutoff`; answers how many went. */
export async function purgeAuditRows(db: Conn, accountId: string, cutoff: number, limit: number): Promise<number> {
  const oldest = db
    .selectFrom('audit_records')
    .select('event_id')
    .where('account_id', '=', accountId)
    .where('event_time', '<', cutoff)
    .orderBy('event_time')
    .limit(limit);
  const result = await db
    .deleteFrom('audit_records')
    .where('account_id', '=', accountId)
    .where('event_time', '<', cutoff)
    .where('event_id', 'in', oldest)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
