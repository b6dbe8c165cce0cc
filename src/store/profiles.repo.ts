import type { Selectable } from 'kysely';
import type { ProfileSelections } from '../domain/profile/profile-template';
import type { Risk } from '../domain/review/risk';
import { countRows } from './count-rows';
import type { Db, Dialect, Trx } from './database';
import { liveRowsOf } from './live-rows';
import { nameKeyHolder } from './name-keys';
import type { ProfilesTable } from './tables';
import { arg, prepared } from './prepared';

type Conn = Db | Trx;

export interface ProfileRecord {
  arn: string;
  accountId: string;
  name: string;
  description: string;
  latestVersion: number;
  deletedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface WorkloadProfileRecord {
  workloadId: string;
  profileArn: string;
  profileVersion: number;
}

const toProfile = (row: Selectable<ProfilesTable>): ProfileRecord => ({
  arn: row.arn,
  accountId: row.account_id,
  name: row.name,
  description: row.description,
  latestVersion: row.latest_version,
  deletedAt: row.deleted_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function insertProfile(db: Conn, p: ProfileRecord, nameKey: string): Promise<void> {
  await db
    .insertInto('profiles')
    .values({
      arn: p.arn,
      account_id: p.accountId,
      name: p.name,
      name_key: nameKey,
      description: p.description,
      latest_version: p.latestVersion,
      deleted_at: null,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    })
    .execute();
}

export async function updateProfile(db: Conn, p: ProfileRecord): Promise<void> {
  await db
    .updateTable('profiles')
    .set({ description: p.description, latest_version: p.latestVersion, updated_at: p.updatedAt })
    .where('arn', '=', p.arn)
    .execute();
}

/** Keeps the row (workloads on it are told it is gone) and frees its name. */
export async function markProfileDeleted(db: Conn, arn: string, at: number): Promise<void> {
  await db.updateTable('profiles').set({ deleted_at: at, name_key: null, updated_at: at }).where('arn', '=', arn).execute();
}

/** With `lock`, holds the row on PostgreSQL so concurrent updates make versions one at a time. */
export async function findProfile(db: Conn, arn: string, lock?: Dialect): Promise<ProfileRecord | undefined> {
  let query = db.selectFrom('profiles').selectAll().where('arn', '=', arn);
  if (lock === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toProfile(row) : undefined;
}

export function findProfileByNameKey(db: Conn, accountId: string, nameKey: string) {
  return nameKeyHolder(db, 'profiles', accountId, nameKey);
}

/** The account's profiles that are not deleted, oldest first. */
export async function listLiveProfiles(db: Conn, accountId: string): Promise<ProfileRecord[]> {
  return (await liveRowsOf(db, 'profiles', accountId)).map(toProfile);
}

export async function insertProfileVersion(db: Conn, arn: string, version: number, selections: ProfileSelections, at: number): Promise<void> {
  await db.insertInto('profile_versions').values({ profile_arn: arn, version, selections: JSON.stringify(selections), created_at: at }).execute();
}

export async function findProfileSelections(db: Conn, arn: string, version: number): Promise<ProfileSelections | undefined> {
  const row = await db
    .selectFrom('profile_versions')
    .select(['selections'])
    .where('profile_arn', '=', arn)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? (JSON.parse(row.selections) as ProfileSelections) : undefined;
}

const toWorkloadProfile = (row: { workload_id: string; profile_arn: string; profile_version: number }): WorkloadProfileRecord => ({
  workloadId: row.workload_id,
  profileArn: row.profile_arn,
  profileVersion: row.profile_version,
});

const workloadProfileRow = prepared((db) => db.selectFrom('workload_profiles').selectAll().where('workload_id', '=', arg(0)));

export async function findWorkloadProfile(db: Conn, workloadId: string): Promise<WorkloadProfileRecord | undefined> {
  const row = await workloadProfileRow.first(db, workloadId);
  return row ? toWorkloadProfile(row) : undefined;
}

export async function listWorkloadProfilesOf(db: Conn, workloadIds: string[]): Promise<WorkloadProfileRecord[]> {
  if (!workloadIds.length) return [];
  return (await db.selectFrom('workload_profiles').selectAll().where('workload_id', 'in', workloadIds).execute()).map(toWorkloadProfile);
}

export async function putWorkloadProfile(db: Conn, wp: WorkloadProfileRecord): Promise<void> {
  const values = { workload_id: wp.workloadId, profile_arn: wp.profileArn, profile_version: wp.profileVersion };
  await db
    .insertInto('workload_profiles')
    .values(values)
    .onConflict((oc) => oc.column('workload_id').doUpdateSet({ profile_arn: wp.profileArn, profile_version: wp.profileVersion }))
    .execute();
}

export async function deleteWorkloadProfile(db: Conn, workloadId: string): Promise<void> {
  await db.deleteFrom('workload_profiles').where('workload_id', '=', workloadId).execute();
}

export function countWorkloadsOnProfile(db: Conn, arn: string): Promise<number> {
  return countRows(db.selectFrom('workload_profiles').where('profile_arn', '=', arn));
}

/** The account's workloads with a profile (optionally one workload), with the profile's state, in workload name order. */
export async function listProfiledWorkloads(db: Conn, accountId: string, workloadId?: string) {
  let query = db
    .selectFrom('workload_profiles as wp')
    .innerJoin('workloads as w', 'w.id', 'wp.workload_id')
    .innerJoin('profiles as p', 'p.arn', 'wp.profile_arn')
    .select(['w.id', 'w.name', 'wp.profile_arn', 'wp.profile_version', 'p.name as profile_name', 'p.latest_version', 'p.deleted_at'])
    .where('w.account_id', '=', accountId);
  if (workloadId) query = query.where('w.id', '=', workloadId);
  return query.orderBy('w.name_key').orderBy('w.id').execute();
}

/** The risk of each answered question of one lens on these workloads, keyed `<workload id>/<question id>`. */
export async function listFrameworkRisksOf(db: Conn, workloadIds: string[], lensKey: string): Promise<Map<string, Risk>> {
  if (!workloadIds.length) return new Map();
  const rows = await db
    .selectFrom('answers')
    .select(['workload_id', 'question_id', 'risk'])
    .where('workload_id', 'in', workloadIds)
    .where('lens_key', '=', lensKey)
    .execute();
  return new Map(rows.map((r) => [`${r.workload_id}/${r.question_id}`, r.risk as Risk]));
}
