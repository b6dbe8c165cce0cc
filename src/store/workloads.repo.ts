import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import type { RiskCounts } from '../domain/review/risk';
import { deleteWorkloadChecks } from './checks.repo';
import { countRows } from './count-rows';
import type { Db, Dialect, Trx } from './database';
import { nameKeyHolder } from './name-keys';
import type { WorkloadRecord } from './records';
import { arg, prepared } from './prepared';
import { acceptedWorkloadIds, deleteResourceShares } from './shares.repo';
import type { Database, WorkloadRiskFlags, WorkloadsTable } from './tables';

type Conn = Db | Trx;

/** The record's fields kept as JSON text, with their columns (null is kept as NULL). */
const jsonColumns = [
  ['accountIds', 'account_ids'],
  ['awsRegions', 'aws_regions'],
  ['nonAwsRegions', 'non_aws_regions'],
  ['pillarPriorities', 'pillar_priorities'],
  ['applications', 'applications'],
  ['discoveryConfig', 'discovery_config'],
  ['jiraConfig', 'jira_config'],
  ['riskCounts', 'risk_counts'],
] as const;

type JsonFields = Pick<WorkloadRecord, (typeof jsonColumns)[number][0]>;
type JsonColumns = Pick<WorkloadsTable, (typeof jsonColumns)[number][1]>;

/**
 * Adds the JSON fields to a record (parsed from the row's columns) or to a row (each field
 * as text); null stays null. A plain loop on purpose: building them with Object.fromEntries
 * and spreading the result cost ListWorkloads about 2 µs per workload, and a page of 50 is
 * read on every call.
 */
function withJson<T extends object>(target: T, source: object, into: 'record' | 'row'): T {
  const [to, from] = into === 'record' ? [0, 1] : [1, 0];
  for (const pair of jsonColumns) {
    const value = (source as Record<string, unknown>)[pair[from]];
    (target as Record<string, unknown>)[pair[to]] = value == null ? null : into === 'record' ? JSON.parse(value as string) : JSON.stringify(value);
  }
  return target;
}

export function toWorkloadRecord(row: Selectable<WorkloadsTable>): WorkloadRecord {
  const record: Omit<WorkloadRecord, keyof JsonFields> = {
    id: row.id,
    accountId: row.account_id,
    arn: row.arn,
    name: row.name,
    description: row.description,
    environment: row.environment,
    reviewOwner: row.review_owner,
    architecturalDesign: row.architectural_design,
    industryType: row.industry_type,
    industry: row.industry,
    notes: row.notes,
    improvementStatus: row.improvement_status,
    isReviewOwnerUpdateAcknowledged: row.is_review_owner_update_acknowledged === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return withJson(record as WorkloadRecord, row, 'record');
}

/** The row insertWorkload and updateWorkload write (also what bench/scale.ts seeds in bulk). */
export function workloadRow(w: WorkloadRecord, nameKey: string): WorkloadsTable {
  const row: Omit<WorkloadsTable, keyof JsonColumns> = {
    id: w.id,
    account_id: w.accountId,
    arn: w.arn,
    name: w.name,
    name_key: nameKey,
    description: w.description,
    environment: w.environment,
    review_owner: w.reviewOwner,
    architectural_design: w.architecturalDesign,
    industry_type: w.industryType,
    industry: w.industry,
    notes: w.notes,
    improvement_status: w.improvementStatus,
    is_review_owner_update_acknowledged: w.isReviewOwnerUpdateAcknowledged ? 1 : 0,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
  };
  return withJson(row as WorkloadsTable, w, 'row');
}

export async function insertWorkload(db: Conn, w: WorkloadRecord, nameKey: string): Promise<void> {
  await db.insertInto('workloads').values(workloadRow(w, nameKey)).execute();
}

export async function updateWorkload(db: Conn, w: WorkloadRecord, nameKey: string): Promise<void> {
  const { id: _id, ...rest } = workloadRow(w, nameKey);
  await db.updateTable('workloads').set(rest).where('id', '=', w.id).execute();
}

/** Marks the workload as updated now, leaving its risk counts as they are. */
export async function touchWorkloadTime(db: Conn, id: string, updatedAt: number): Promise<void> {
  await db.updateTable('workloads').set({ updated_at: updatedAt }).where('id', '=', id).execute();
}

const workloadCounts = prepared((db) => db.updateTable('workloads').set({ risk_counts: arg(0), updated_at: arg(1) }).where('id', '=', arg(2)));

export async function touchWorkload(db: Conn, id: string, riskCounts: RiskCounts, updatedAt: number): Promise<void> {
  await workloadCounts.run(db, JSON.stringify(riskCounts), updatedAt, id);
}

/**
 * Loads a workload; with `lock`, holds its row for the rest of the transaction
 * on PostgreSQL so concurrent changes to its counts serialize (SQLite
 * transactions are serialized already).
 */
const workloadById = prepared((db) => db.selectFrom('workloads').selectAll().where('id', '=', arg(0)));
const workloadByIdForUpdate = prepared((db) => db.selectFrom('workloads').selectAll().where('id', '=', arg(0)).forUpdate());

export async function findWorkload(db: Conn, id: string, lock?: Dialect): Promise<WorkloadRecord | undefined> {
  const row = await (lock === 'postgres' ? workloadByIdForUpdate : workloadById).first(db, id);
  return row ? toWorkloadRecord(row) : undefined;
}

export function findWorkloadByNameKey(db: Conn, accountId: string, nameKey: string) {
  return nameKeyHolder(db, 'workloads', accountId, nameKey);
}

export function countWorkloads(db: Conn, accountId: string): Promise<number> {
  return countRows(db.selectFrom('workloads').where('account_id', '=', accountId));
}

export interface WorkloadPageQuery {
  accountIds: string[];
  /** Also the workloads shared with this account or user and accepted. */
  sharedWith?: { accountId: string; userName?: string };
  namePrefixKey?: string;
  after?: { nameKey: string; id: string };
  limit: number;
}

/**
 * Keyset page in (name_key, id) order: stable while pages are read. The caller's own
 * workloads and those shared with it are paged each on its own (the own ones straight
 * from the workloads_account_order index) and the two short pages merged by the
 * database: a page reads about `limit` rows however many workloads there are, where
 * one query with an OR of both sets sorted every workload of the caller.
 */
export async function listWorkloadPage(db: Conn, q: WorkloadPageQuery) {
  const shared = q.sharedWith;
  const page = (which: (eb: ExpressionBuilder<Database, 'workloads'>) => Expression<SqlBool>) => {
    let query = db.selectFrom('workloads').selectAll().where(which);
    if (q.namePrefixKey) {
      const prefix = q.namePrefixKey;
      // substr counts characters (code points) in both dialects, not UTF-16 units; the
      // range start lets the index skip to the prefix.
      query = query.where('name_key', '>=', prefix).where(sql<string>`substr(name_key, 1, ${[...prefix].length})`, '=', prefix);
    }
    const after = q.after;
    if (after) query = query.where((eb) => eb(eb.refTuple('name_key', 'id'), '>', eb.tuple(after.nameKey, after.id)));
    return query.orderBy('name_key').orderBy('id').limit(q.limit);
  };
  const own = page((eb) => eb('account_id', 'in', q.accountIds));
  // The caller's own workloads are in the first part, whatever shares name them.
  const theirs = shared && page((eb) => eb.and([eb('id', 'in', acceptedWorkloadIds(db, shared)), eb('account_id', 'not in', q.accountIds)]));
  const rows = theirs
    ? await db
        .selectFrom(db.selectFrom(own.as('own')).selectAll().unionAll(db.selectFrom(theirs.as('theirs')).selectAll()).as('pages'))
        .selectAll()
        .orderBy('name_key')
        .orderBy('id')
        .limit(q.limit)
        .execute()
    : await own.execute();
  return rows.map((row) => ({ record: toWorkloadRecord(row), nameKey: row.name_key }));
}

/** How many of a set of workloads there are, and how many have high and medium risks (the console's dashboard). */
export interface WorkloadRiskTally {
  total: number;
  withHighRisks: number;
  withMediumRisks: number;
}

/**
 * The tally of a caller's workloads (its accounts' and, with sharedWith, those shared
 * with it and accepted), counted by the database from the workloads_account_risks index
 * (the risk flags it keeps, migration 0014): no workload row is read.
 */
export async function tallyWorkloadRisks(db: Conn, q: Pick<WorkloadPageQuery, 'accountIds' | 'sharedWith'>): Promise<WorkloadRiskTally> {
  const flagged = db.withTables<{ workloads: WorkloadRiskFlags }>();
  const tally = (which: (eb: ExpressionBuilder<Database & { workloads: WorkloadRiskFlags }, 'workloads'>) => Expression<SqlBool>) =>
    flagged
      .selectFrom('workloads')
      .where(which)
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('has_high_risks').as('high'), eb.fn.sum<number>('has_medium_risks').as('medium')])
      .executeTakeFirstOrThrow();
  const parts = [await tally((eb) => eb('account_id', 'in', q.accountIds))];
  // The caller's own workloads are in the first part, whatever shares name them: none is counted twice.
  const shared = q.sharedWith;
  if (shared) parts.push(await tally((eb) => eb.and([eb('id', 'in', acceptedWorkloadIds(db, shared)), eb('account_id', 'not in', q.accountIds)])));
  const sum = (pick: (row: (typeof parts)[number]) => number) => parts.reduce((n, row) => n + Number(pick(row) ?? 0), 0);
  return { total: sum((r) => r.total), withHighRisks: sum((r) => r.high), withMediumRisks: sum((r) => r.medium) };
}


export async function deleteWorkload(db: Conn, id: string, arn: string): Promise<void> {
  await db.deleteFrom('answers').where('workload_id', '=', id).execute();
  await db.deleteFrom('lens_reviews').where('workload_id', '=', id).execute();
  await db.deleteFrom('milestones').where('workload_id', '=', id).execute();
  await deleteWorkloadChecks(db, id);
  await db.deleteFrom('tags').where('resource_arn', '=', arn).execute();
  await deleteResourceShares(db, 'WORKLOAD', id);
  await db.deleteFrom('workloads').where('id', '=', id).execute();
}
