import type { Db, Trx } from './database';

type Conn = Db | Trx;

/** Console sessions and the root user's console password (see migration 0008). */

export interface NewConsoleSession {
  accessKeyId: string;
  accountId: string;
  userName: string | null;
  secretSealed: string;
  tokenSha256: string;
  createdAt: number;
  expiresAt: number;
}

export async function insertConsoleSession(db: Conn, s: NewConsoleSession): Promise<void> {
  await db
    .insertInto('console_sessions')
    .values({
      access_key_id: s.accessKeyId,
      account_id: s.accountId,
      user_name: s.userName,
      secret_sealed: s.secretSealed,
      token_sha256: s.tokenSha256,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
      ended_at: null,
    })
    .execute();
}

/**
 * The session with its user's id in one query; `user_id` is null for the root user and
 * for a user deleted since it signed in (the caller tells them apart by `user_name`).
 */
export async function findConsoleSession(db: Conn, accessKeyId: string) {
  return db
    .selectFrom('console_sessions as s')
    .leftJoin('users as u', (join) => join.onRef('u.account_id', '=', 's.account_id').onRef('u.user_name', '=', 's.user_name'))
    .select(['s.access_key_id', 's.account_id', 's.user_name', 's.secret_sealed', 's.token_sha256', 's.expires_at', 's.ended_at', 'u.user_id'])
    .where('s.access_key_id', '=', accessKeyId)
    .executeTakeFirst();
}

export async function endConsoleSession(db: Conn, accessKeyId: string, at: number): Promise<void> {
  await db.updateTable('console_sessions').set({ ended_at: at }).where('access_key_id', '=', accessKeyId).where('ended_at', 'is', null).execute();
}

/** Forgets sessions that expired before `before` (kept a while so their use still says "expired"). */
export async function purgeConsoleSessions(db: Conn, before: number): Promise<void> {
  await db.deleteFrom('console_sessions').where('expires_at', '<', before).execute();
}

export async function findRootPassword(db: Conn, accountId: string) {
  return db.selectFrom('root_console_passwords').select(['password_hash', 'changed_at']).where('account_id', '=', accountId).executeTakeFirst();
}

export async function setRootPassword(db: Conn, accountId: string, passwordHash: string, at: number): Promise<void> {
  await db
    .insertInto('root_console_passwords')
    .values({ account_id: accountId, password_hash: passwordHash, changed_at: at })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ password_hash: passwordHash, changed_at: at }))
    .execute();
}

export async function deleteRootPassword(db: Conn, accountId: string): Promise<boolean> {
  const result = await db.deleteFrom('root_console_passwords').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
