import type { Db, Dialect, Trx } from './database';

type Conn = Db | Trx;

export async function ensureAccount(db: Conn, id: string, createdAt: number): Promise<void> {
  await db
    .insertInto('accounts')
    .values({ id, organization_id: null, organizational_unit_id: null, created_at: createdAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function findAccessKey(db: Conn, accessKeyId: string) {
  return db.selectFrom('access_keys').selectAll().where('access_key_id', '=', accessKeyId).where('status', '=', 'Active').executeTakeFirst();
}

export async function findRootKeys(db: Conn, accountId: string) {
  return db.selectFrom('access_keys').selectAll().where('account_id', '=', accountId).where('user_name', 'is', null).execute();
}

export async function insertAccessKey(
  db: Conn,
  key: { accessKeyId: string; accountId: string; userName: string | null; secretSealed: string; createdAt: number },
): Promise<void> {
  await db
    .insertInto('access_keys')
    .values({
      access_key_id: key.accessKeyId,
      account_id: key.accountId,
      user_name: key.userName,
      secret_sealed: key.secretSealed,
      status: 'Active',
      created_at: key.createdAt,
    })
    .execute();
}

export async function deleteAccessKey(db: Conn, accessKeyId: string): Promise<void> {
  await db.deleteFrom('access_keys').where('access_key_id', '=', accessKeyId).execute();
}

/** The root key named by the environment: its secret and owner as configured now. */
export async function resealRootKey(db: Conn, key: { accessKeyId: string; accountId: string; secretSealed: string }): Promise<void> {
  await db
    .updateTable('access_keys')
    .set({ secret_sealed: key.secretSealed, account_id: key.accountId, user_name: null })
    .where('access_key_id', '=', key.accessKeyId)
    .execute();
}

/** Holds the account's row until the transaction ends (PostgreSQL; SQLite's writers take turns already). */
export async function lockAccount(trx: Trx, dialect: Dialect, accountId: string): Promise<void> {
  if (dialect === 'postgres') await trx.selectFrom('accounts').select('id').where('id', '=', accountId).forUpdate().execute();
}
