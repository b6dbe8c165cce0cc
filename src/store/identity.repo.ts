import type { Selectable } from 'kysely';
import type { Db, Trx } from './database';
import type { Database } from './tables';
import { keysetPage } from './keyset-page';

/** Users, their policies, organizations and OUs. SQL only; services decide who may call these. */

type Conn = Db | Trx;

export interface UserRow {
  account_id: string;
  user_name: string;
  user_id: string;
  password_hash: string | null;
  password_changed_at: number | null;
  created_at: number;
}

export async function findAccount(db: Conn, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAccount(db: Conn, account: { id: string; organizationId: string | null; unitId: string | null; createdAt: number }) {
  await db
    .insertInto('accounts')
    .values({ id: account.id, organization_id: account.organizationId, organizational_unit_id: account.unitId, created_at: account.createdAt })
    .execute();
}

export async function setAccountOrganization(db: Conn, id: string, organizationId: string) {
  await db.updateTable('accounts').set({ organization_id: organizationId }).where('id', '=', id).where('organization_id', 'is', null).execute();
}

/** Accounts in id order, from after `afterId`. */
export async function listAccounts(db: Conn, afterId: string | undefined, limit: number) {
  return keysetPage(db.selectFrom('accounts').selectAll(), 'id', afterId, limit);
}

export async function findUser(db: Conn, accountId: string, userName: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .select(['account_id', 'user_name', 'user_id', 'password_hash', 'password_changed_at', 'created_at'])
    .where('account_id', '=', accountId)
    .where('name_key', '=', userName.toLowerCase())
    .executeTakeFirst();
}

export async function insertUser(db: Conn, user: { accountId: string; userName: string; userId: string; passwordHash: string | null; createdAt: number }) {
  await db
    .insertInto('users')
    .values({
      account_id: user.accountId,
      user_name: user.userName,
      name_key: user.userName.toLowerCase(),
      user_id: user.userId,
      password_hash: user.passwordHash,
      password_changed_at: user.passwordHash ? user.createdAt : null,
      created_at: user.createdAt,
    })
    .execute();
}

export async function setPasswordHash(db: Conn, accountId: string, userName: string, hash: string | null, at: number) {
  await db
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: hash ? at : null })
    .where('account_id', '=', accountId)
    .where('user_name', '=', userName)
    .execute();
}

/** Users of an account in name order, from after `afterName`. */
export async function listUsers(db: Conn, accountId: string, afterName: string | undefined, limit: number): Promise<UserRow[]> {
  const users = db
    .selectFrom('users')
    .select(['account_id', 'user_name', 'user_id', 'password_hash', 'password_changed_at', 'created_at'])
    .where('account_id', '=', accountId);
  return keysetPage(users, 'name_key', afterName, limit);
}

/** Tables of what belongs to one user (keys, policies), keyed by account and user name. */
type UserTable = 'access_keys' | 'user_policies' | 'user_managed_policies';

/** One user's rows of `table`: only `columns`, ordered by `orderBy`. */
function userRows<T extends UserTable, C extends keyof Selectable<Database[T]> & string>(
  db: Conn,
  table: T,
  accountId: string,
  userName: string,
  columns: C[],
  orderBy: C[],
): Promise<Pick<Selectable<Database[T]>, C>[]> {
  // One query for every such table: they share the columns it filters on.
  let query = db
    .selectFrom(table as UserTable)
    .select(columns as never)
    .where('account_id', '=', accountId)
    .where('user_name', '=', userName);
  for (const column of orderBy) query = query.orderBy(column as never);
  return query.$castTo<Pick<Selectable<Database[T]>, C>>().execute();
}

/** Removes the user with its keys and policies; returns the access key ids it had. */
export async function deleteUser(db: Conn, accountId: string, userName: string): Promise<string[]> {
  const keys = await userKeys(db, accountId, userName);
  for (const table of ['access_keys', 'user_policies', 'user_managed_policies', 'users'] as const) {
    await db.deleteFrom(table).where('account_id', '=', accountId).where('user_name', '=', userName).execute();
  }
  return keys.map((k) => k.access_key_id);
}

export function userKeys(db: Conn, accountId: string, userName: string) {
  return userRows(db, 'access_keys', accountId, userName, ['access_key_id', 'status', 'created_at'], ['created_at', 'access_key_id']);
}

export async function findKeyOwner(db: Conn, accessKeyId: string) {
  return db.selectFrom('access_keys').select(['account_id', 'user_name']).where('access_key_id', '=', accessKeyId).executeTakeFirst();
}

export async function putUserPolicy(db: Conn, policy: { accountId: string; userName: string; policyName: string; document: string; at: number }) {
  await db
    .insertInto('user_policies')
    .values({ account_id: policy.accountId, user_name: policy.userName, policy_name: policy.policyName, document: policy.document, updated_at: policy.at })
    .onConflict((oc) => oc.columns(['account_id', 'user_name', 'policy_name']).doUpdateSet({ document: policy.document, updated_at: policy.at }))
    .execute();
}

/** Deletes one of a user's policy rows (an inline policy by name, a managed one by ARN); true if there was one. */
async function deletePolicyRow(db: Conn, accountId: string, userName: string, row: { table: 'user_policies'; policy_name: string } | { table: 'user_managed_policies'; policy_arn: string }): Promise<boolean> {
  const [column, value] = row.table === 'user_policies' ? (['policy_name', row.policy_name] as const) : (['policy_arn', row.policy_arn] as const);
  const result = await db
    .deleteFrom(row.table)
    .where('account_id', '=', accountId)
    .where('user_name', '=', userName)
    .where(column as 'policy_name', '=', value)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function deleteUserPolicy(db: Conn, accountId: string, userName: string, policyName: string): Promise<boolean> {
  return deletePolicyRow(db, accountId, userName, { table: 'user_policies', policy_name: policyName });
}

export function listUserPolicies(db: Conn, accountId: string, userName: string) {
  return userRows(db, 'user_policies', accountId, userName, ['policy_name', 'document', 'updated_at'], ['policy_name']);
}

export async function attachManagedPolicy(db: Conn, accountId: string, userName: string, policyArn: string, at: number) {
  await db
    .insertInto('user_managed_policies')
    .values({ account_id: accountId, user_name: userName, policy_arn: policyArn, attached_at: at })
    .onConflict((oc) => oc.columns(['account_id', 'user_name', 'policy_arn']).doNothing())
    .execute();
}

export function detachManagedPolicy(db: Conn, accountId: string, userName: string, policyArn: string): Promise<boolean> {
  return deletePolicyRow(db, accountId, userName, { table: 'user_managed_policies', policy_arn: policyArn });
}

export async function listManagedPolicyArns(db: Conn, accountId: string, userName: string): Promise<string[]> {
  const rows = await userRows(db, 'user_managed_policies', accountId, userName, ['policy_arn'], ['policy_arn']);
  return rows.map((r) => r.policy_arn);
}

/**
 * Everything that decides a user's calls, in one query: inline documents
 * (kind 'inline') and attached managed policy ARNs (kind 'managed').
 */
export async function userPolicySources(db: Conn, accountId: string, userName: string) {
  return db
    .selectFrom('user_policies')
    .select((eb) => [eb.val('inline').as('kind'), 'document as value'])
    .where('account_id', '=', accountId)
    .where('user_name', '=', userName)
    .unionAll(
      db
        .selectFrom('user_managed_policies')
        .select((eb) => [eb.val('managed').as('kind'), 'policy_arn as value'])
        .where('account_id', '=', accountId)
        .where('user_name', '=', userName),
    )
    .execute();
}

/** A workload's ARN and tags in one query (no rows: no such workload). */
export async function workloadArnAndTags(db: Conn, workloadId: string) {
  return db
    .selectFrom('workloads')
    .leftJoin('tags', 'tags.resource_arn', 'workloads.arn')
    .select(['workloads.arn', 'tags.tag_key', 'tags.tag_value'])
    .where('workloads.id', '=', workloadId)
    .execute();
}

export async function findOrganization(db: Conn, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganization(db: Conn, org: { id: string; managementAccountId: string; createdAt: number }) {
  await db.insertInto('organizations').values({ id: org.id, management_account_id: org.managementAccountId, created_at: org.createdAt }).execute();
}

export async function findOrganizationalUnit(db: Conn, id: string) {
  return db.selectFrom('organizational_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganizationalUnit(db: Conn, unit: { id: string; organizationId: string; name: string; createdAt: number }) {
  await db
    .insertInto('organizational_units')
    .values({ id: unit.id, organization_id: unit.organizationId, name: unit.name, created_at: unit.createdAt })
    .execute();
}
