import { sql, type Selectable } from 'kysely';
import type { RiskCounts } from '../domain/review/risk';
import { deleteWorkloadChecks } from './checks.repo';
import type { Db, Dialect, Trx } from './database';
import type { WorkloadRecord } from './records';
import { arg, prepared } from './prepared';
import { acceptedWorkloadIds, deleteResourceShares } from './shares.repo';
import type { WorkloadsTable } from './tables';

type Conn = Db | Trx;

export function toWorkloadRecord(row: Selectable<WorkloadsTable>): WorkloadRecord {
  return {
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
    accountIds: JSON.parse(row.account_ids),
    awsRegions: JSON.parse(row.aws_regions),
    nonAwsRegions: JSON.parse(row.non_aws_regions),
    pillarPriorities: JSON.parse(row.pillar_priorities),
    applications: JSON.parse(row.applications),
    discoveryConfig: row.discovery_config ? JSON.parse(row.discovery_config) : null,
    jiraConfig: row.jira_config ? JSON.parse(row.jira_config) : null,
    isReviewOwnerUpdateAcknowledged: row.is_review_owner_update_acknowledged === 1,
    riskCounts: JSON.parse(row.risk_counts),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(w: WorkloadRecord, nameKey: string): WorkloadsTable {
  return {
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
    account_ids: JSON.stringify(w.accountIds),
    aws_regions: JSON.stringify(w.awsRegions),
    non_aws_regions: JSON.stringify(w.nonAwsRegions),
    pillar_priorities: JSON.stringify(w.pillarPriorities),
    applications: JSON.stringify(w.applications),
    discovery_config: w.discoveryConfig ? JSON.stringify(w.discoveryConfig) : null,
    jira_config: w.jiraConfig ? JSON.stringify(w.jiraConfig) : null,
    is_review_owner_update_acknowledged: w.isReviewOwnerUpdateAcknowledged ? 1 : 0,
    risk_counts: JSON.stringify(w.riskCounts),
    created_at: w.createdAt,
    updated_at: w.updatedAt,
  };
}

export async function insertWorkload(db: Conn, w: WorkloadRecord, nameKey: string): Promise<void> {
  await db.insertInto('workloads').values(toRow(w, nameKey)).execute();
}

export async function updateWorkload(db: Conn, w: WorkloadRecord, nameKey: string): Promise<void> {
  const { id: _id, ...rest } = toRow(w, nameKey);
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

export async function findWorkloadByNameKey(db: Conn, accountId: string, nameKey: string) {
  return db
    .selectFrom('workloads')
    .select(['id'])
    .where('account_id', '=', accountId)
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
}

export async function countWorkloads(db: Conn, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('workloads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface WorkloadPageQuery {
  accountIds: string[];
  /** Also the workloads shared with this account or user and accepted. */
  sharedWith?: { accountId: string; userName?: string };
  namePrefixKey?: string;
  after?: { nameKey: string; id: string };
  limit: number;
}

/** Keyset page in (name_key, id) order: stable while pages are read. */
export async function listWorkloadPage(db: Conn, q: WorkloadPageQuery) {
  const shared = q.sharedWith;
  let query = db
    .selectFrom('workloads')
    .selectAll()
    .where((eb) =>
      shared ? eb.or([eb('account_id', 'in', q.accountIds), eb('id', 'in', acceptedWorkloadIds(db, shared))]) : eb('account_id', 'in', q.accountIds),
    );
  if (q.namePrefixKey) {
    const prefix = q.namePrefixKey;
    // substr counts characters (code points) in both dialects, not UTF-16 units.
    query = query.where(sql<string>`substr(name_key, 1, ${[...prefix].length})`, '=', prefix);
  }
  if (q.after) {
    const { nameKey, id } = q.after;
    query = query.where((eb) => eb.or([eb('name_key', '>', nameKey), eb.and([eb('name_key', '=', nameKey), eb('id', '>', id)])]));
  }
  const rows = await query.orderBy('name_key').orderBy('id').limit(q.limit).execute();
  return rows.map((row) => ({ record: toWorkloadRecord(row), nameKey: row.name_key }));
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
