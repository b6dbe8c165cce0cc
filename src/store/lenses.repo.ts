import type { Selectable } from 'kysely';
import { countRows } from './count-rows';
import type { Db, Trx } from './database';
import { liveRowsOf } from './live-rows';
import { nameKeyHolder } from './name-keys';
import type { CustomLensesTable, CustomLensVersionsTable } from './tables';

type Conn = Db | Trx;

/** Custom lenses and their published versions (SQL only). */

export interface CustomLensRecord {
  arn: string;
  accountId: string;
  name: string;
  description: string;
  draftJson: string | null;
  draftUpdatedAt: number | null;
  latestVersion: string | null;
  versionCount: number;
  revision: number;
  deletedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface CustomLensVersionRecord {
  lensArn: string;
  version: string;
  sequence: number;
  isMajor: boolean;
  name: string;
  description: string;
  createdAt: number;
}

const toLens = (row: Selectable<CustomLensesTable>): CustomLensRecord => ({
  arn: row.arn,
  accountId: row.account_id,
  name: row.name,
  description: row.description,
  draftJson: row.draft_json,
  draftUpdatedAt: row.draft_updated_at,
  latestVersion: row.latest_version,
  versionCount: row.version_count,
  revision: row.revision,
  deletedAt: row.deleted_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toVersion = (row: Omit<Selectable<CustomLensVersionsTable>, 'lens_json'>): CustomLensVersionRecord => ({
  lensArn: row.lens_arn,
  version: row.version,
  sequence: row.sequence,
  isMajor: row.is_major === 1,
  name: row.name,
  description: row.description,
  createdAt: row.created_at,
});

const VERSION_COLUMNS = ['lens_arn', 'version', 'sequence', 'is_major', 'name', 'description', 'created_at'] as const;

/** A lens by ARN, deleted ones included; `lock` holds the row on PostgreSQL until the transaction ends. */
export async function findCustomLens(db: Conn, arn: string, lock = false): Promise<CustomLensRecord | undefined> {
  let query = db.selectFrom('custom_lenses').selectAll().where('arn', '=', arn);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toLens(row) : undefined;
}

export async function findCustomLenses(db: Conn, arns: string[]): Promise<CustomLensRecord[]> {
  if (!arns.length) return [];
  return (await db.selectFrom('custom_lenses').selectAll().where('arn', 'in', arns).execute()).map(toLens);
}

/** The account's lenses that are not deleted, oldest first. */
export async function listAccountLenses(db: Conn, accountId: string): Promise<CustomLensRecord[]> {
  return (await liveRowsOf(db, 'custom_lenses', accountId)).map(toLens);
}

export function findLensByNameKey(db: Conn, accountId: string, nameKey: string) {
  return nameKeyHolder(db, 'custom_lenses', accountId, nameKey);
}

/** The columns a lens's state is kept in; `nameKey` null frees the name (deleted lenses). */
const lensState = (lens: CustomLensRecord, nameKey: string | null) => ({
  name: lens.name,
  name_key: nameKey,
  description: lens.description,
  draft_json: lens.draftJson,
  draft_updated_at: lens.draftUpdatedAt,
  latest_version: lens.latestVersion,
  version_count: lens.versionCount,
  revision: lens.revision,
  deleted_at: lens.deletedAt,
  updated_at: lens.updatedAt,
});

export async function insertCustomLens(db: Conn, lens: CustomLensRecord, nameKey: string): Promise<void> {
  await db
    .insertInto('custom_lenses')
    .values({ arn: lens.arn, account_id: lens.accountId, created_at: lens.createdAt, ...lensState(lens, nameKey) })
    .execute();
}

export async function updateCustomLens(db: Conn, lens: CustomLensRecord, nameKey: string | null): Promise<void> {
  await db.updateTable('custom_lenses').set(lensState(lens, nameKey)).where('arn', '=', lens.arn).execute();
}

export async function deleteCustomLensRow(db: Conn, arn: string): Promise<void> {
  await db.deleteFrom('custom_lens_versions').where('lens_arn', '=', arn).execute();
  await db.deleteFrom('custom_lenses').where('arn', '=', arn).execute();
}

export function countAccountLenses(db: Conn, accountId: string): Promise<number> {
  return countRows(db.selectFrom('custom_lenses').where('account_id', '=', accountId).where('deleted_at', 'is', null));
}

export async function insertLensVersion(db: Conn, v: CustomLensVersionRecord, lensJson: string): Promise<void> {
  await db
    .insertInto('custom_lens_versions')
    .values({
      lens_arn: v.lensArn,
      version: v.version,
      sequence: v.sequence,
      is_major: v.isMajor ? 1 : 0,
      name: v.name,
      description: v.description,
      lens_json: lensJson,
      created_at: v.createdAt,
    })
    .execute();
}

/** Published versions of a lens, in publishing order (JSON not included). */
export async function listLensVersions(db: Conn, arn: string): Promise<CustomLensVersionRecord[]> {
  const rows = await db.selectFrom('custom_lens_versions').select(VERSION_COLUMNS).where('lens_arn', '=', arn).orderBy('sequence').execute();
  return rows.map(toVersion);
}

/** Versions by (lens, version), for loading several at once. */
export async function findLensVersionJsons(db: Conn, refs: Array<{ arn: string; version: string }>) {
  if (!refs.length) return [];
  return db
    .selectFrom('custom_lens_versions')
    .select(['lens_arn', 'version', 'lens_json'])
    .where((eb) => eb.or(refs.map((r) => eb.and([eb('lens_arn', '=', r.arn), eb('version', '=', r.version)]))))
    .execute();
}

/** Which custom lens versions the reviews of any workload are on (the versions worth having compiled at start). */
export async function listReviewedCustomVersions(db: Conn): Promise<Array<{ arn: string; version: string }>> {
  const rows = await db
    .selectFrom('lens_reviews')
    .innerJoin('custom_lenses', 'custom_lenses.arn', 'lens_reviews.lens_key')
    .select(['lens_reviews.lens_key', 'lens_reviews.lens_version'])
    .distinct()
    .execute();
  return rows.map((r) => ({ arn: r.lens_key, version: r.lens_version }));
}

/** Workloads whose review of the lens is on one of the versions, in id order (the order rows are locked in). */
export async function listWorkloadsOnLensVersions(db: Conn, lensKey: string, versions: string[]): Promise<string[]> {
  if (!versions.length) return [];
  const rows = await db
    .selectFrom('lens_reviews')
    .select(['workload_id'])
    .where('lens_key', '=', lensKey)
    .where('lens_version', 'in', versions)
    .orderBy('workload_id')
    .execute();
  return rows.map((r) => r.workload_id);
}

/** The active lens reviews of an account's workloads (one workload, when given), for notifications. */
export async function listActiveReviewsOfAccount(db: Conn, accountId: string, workloadId?: string) {
  let query = db
    .selectFrom('lens_reviews')
    .innerJoin('workloads', 'workloads.id', 'lens_reviews.workload_id')
    .select(['workloads.id', 'workloads.name', 'workloads.arn', 'workloads.name_key', 'lens_reviews.lens_key', 'lens_reviews.lens_version'])
    .where('workloads.account_id', '=', accountId)
    .where('lens_reviews.active', '=', 1);
  if (workloadId) query = query.where('workloads.id', '=', workloadId);
  return query.orderBy('workloads.name_key').orderBy('workloads.id').orderBy('lens_reviews.position').execute();
}
