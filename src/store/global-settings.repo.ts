import type { Db, Trx } from './database';
import type { GlobalSettingsTable } from './tables';

type Conn = Db | Trx;

export type GlobalSettingsRow = GlobalSettingsTable;

export async function findGlobalSettings(db: Conn, accountId: string): Promise<GlobalSettingsRow | undefined> {
  return db.selectFrom('global_settings').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export async function putGlobalSettings(db: Conn, row: GlobalSettingsRow): Promise<void> {
  const { account_id: _key, ...changes } = row;
  await db
    .insertInto('global_settings')
    .values(row)
    .onConflict((oc) => oc.column('account_id').doUpdateSet(changes))
    .execute();
}
