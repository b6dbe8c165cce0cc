import type { SelectQueryBuilder } from 'kysely';

/**
 * One page of a keyset-paged list: the query's rows whose `key` comes after
 * `after` (all of them from the start when it is undefined), in `key` order, at
 * most `limit`. The key is a column the query's table is ordered and unique by
 * (within the query's other conditions), so a page's last key starts the next.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  key: string & keyof DB[TB],
  after: string | number | undefined,
  limit: number,
): Promise<O[]> {
  // Kysely cannot check a column name chosen by the caller against the generic table: the callers' types do.
  const ordered = query.orderBy(key as never).limit(limit);
  return (after === undefined ? ordered : ordered.where(key as never, '>', after as never)).execute();
}
