import type { Db, Trx } from './database';

type Conn = Db | Trx;

export async function findIdempotentResult(db: Conn, accountId: string, operation: string, token: string) {
  return db
    .selectFrom('idempotency')
    .select(['fingerprint', 'response'])
    .where('account_id', '=', accountId)
    .where('operation', '=', operation)
    .where('token', '=', token)
    .executeTakeFirst();
}

export async function saveIdempotentResult(
  db: Conn,
  row: { accountId: string; operation: string; token: string; fingerprint: string; response: unknown; createdAt: number },
): Promise<void> {
  await db
    .insertInto('idempotency')
    .values({
      account_id: row.accountId,
      operation: row.operation,
      token: row.token,
      fingerprint: row.fingerprint,
      response: JSON.stringify(row.response ?? null),
      created_at: row.createdAt,
    })
    .execute();
}

/** The result of the call that claimed the token, once it has one (same transaction as the claim). */
export async function setIdempotentResponse(db: Conn, key: { accountId: string; operation: string; token: string }, response: unknown): Promise<void> {
  await db
    .updateTable('idempotency')
    .set({ response: JSON.stringify(response ?? null) })
    .where('account_id', '=', key.accountId)
    .where('operation', '=', key.operation)
    .where('token', '=', key.token)
    .execute();
}
