import type { Selectable } from 'kysely';
import type { Db, Trx } from './database';
import type { Database } from './tables';

/** Tables of resources an account owns that are deleted by marking `deleted_at`. */
type SoftDeleted = 'custom_lenses' | 'profiles';

/** The account's rows of `table` that are not deleted, oldest first (ties by ARN). */
export function liveRowsOf<T extends SoftDeleted>(db: Db | Trx, table: T, accountId: string): Promise<Selectable<Database[T]>[]> {
  // One query for every such table: they share the columns it reads.
  return db
    .selectFrom(table as SoftDeleted)
    .selectAll()
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('arn')
    .execute() as Promise<Selectable<Database[T]>[]>;
}
