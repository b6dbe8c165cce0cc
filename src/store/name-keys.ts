import type { Selectable } from 'kysely';
import type { Db, Trx } from './database';
import type { Database } from './tables';

/**
 * Resources whose names are unique within their owner, compared by name key (the
 * name without spaces and case): the column of the owner, and the column naming a row.
 */
const namedBy = {
  workloads: { owner: 'account_id', id: 'id' },
  custom_lenses: { owner: 'account_id', id: 'arn' },
  profiles: { owner: 'account_id', id: 'arn' },
  milestones: { owner: 'workload_id', id: 'number' },
} as const;

type Named = keyof typeof namedBy;
type Holder<T extends Named> = Pick<Selectable<Database[T]>, Extract<(typeof namedBy)[T]['id'], keyof Selectable<Database[T]>>>;

/** The row (only its naming column) among `owner`'s rows of `table` that holds `nameKey`, if any. */
export function nameKeyHolder<T extends Named>(
  db: Db | Trx,
  table: T,
  owner: string,
  nameKey: string,
): Promise<Holder<T> | undefined> {
  // One query for every such table: the columns differ only by name.
  const { owner: ownerColumn, id } = namedBy[table as Named];
  return db
    .selectFrom(table as Named)
    .select(id)
    .where(ownerColumn, '=', owner)
    .where('name_key', '=', nameKey)
    .executeTakeFirst() as Promise<Holder<T> | undefined>;
}
