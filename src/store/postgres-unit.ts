import type { CompiledQuery, DatabaseConnection, DialectAdapter, QueryResult } from 'kysely';
import type pg from 'pg';
import type { Db, Trx } from './database';

/**
 * A unit of work on PostgreSQL (./unit-of-work.ts), counted in round trips,
 * which is what a call costs there: each statement is a write and a read on
 * the socket and a parse, plan and execute in the server.
 *
 * - Statements of the prepared queries (./prepared.ts) are named prepared
 *   statements on each connection: parsed and planned once per connection, not
 *   on every call.
 * - Their writes (statements that return no rows) are held, not sent, and go
 *   together as one statement - each a data-modifying WITH query - when the unit
 *   next reads or commits. A change's writes (an answer, its lens review's and
 *   workload's counts, the audit journal row) are one round trip. Two writes to
 *   the same table never share a statement (PostgreSQL would apply only one of
 *   two updates of a row in one statement), and a held write's error surfaces at
 *   that next read or commit, inside the same transaction, which then rolls back.
 * - A read-only unit runs without BEGIN and COMMIT: under READ COMMITTED (the
 *   default, and Plumbline's) every statement sees its own snapshot either way,
 *   so the two round trips bought nothing.
 */

const pools = new WeakMap<DialectAdapter, pg.Pool>();

/** Called by openStore: units of work on this store check their connections out of `pool`. */
export function registerPostgresPool(db: Db, pool: pg.Pool): void {
  pools.set(db.getExecutor().adapter, pool);
}

export const postgresPoolOf = (adapter: DialectAdapter): pg.Pool | undefined => pools.get(adapter);

// Statement text -> name. Only the prepared queries' texts (and their combinations) are
// named, so the set is bounded by the code, not by the data.
const names = new Map<string, string>();

/** Makes `sql` a named prepared statement on every connection that runs it. */
export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `plumbline_${names.size}`);
}

interface HeldWrite {
  sql: string;
  parameters: readonly unknown[];
  table: string;
}

const WRITE_TARGET = /^(?:insert into|update|delete from) "([^"]+)"/;
const PARAMETER = /\$(\d+)/g;
const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** The held writes as one statement: each a WITH query, their parameters renumbered in order. */
function combined(writes: HeldWrite[]): { sql: string; parameters: unknown[] } {
  let offset = 0;
  const parts = writes.map((w, i) => {
    const shift = offset;
    offset += w.parameters.length;
    return `w${i} as (${w.sql.replace(PARAMETER, (_, n: string) => `$${Number(n) + shift}`)})`;
  });
  return { sql: `with ${parts.join(', ')} select 1`, parameters: writes.flatMap((w) => w.parameters) };
}

export class PostgresUnit implements DatabaseConnection {
  private held: HeldWrite[] = [];

  constructor(readonly client: pg.PoolClient) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    await this.flush();
    return this.send<R>(query.sql, query.parameters);
  }

  streamQuery(): never {
    throw new Error('streaming queries are not used inside a unit of work');
  }

  private async send<R>(sql: string, parameters: readonly unknown[]): Promise<QueryResult<R>> {
    const name = names.get(sql);
    const values = parameters as unknown[];
    const result = await this.client.query(name ? { name, text: sql, values } : { text: sql, values });
    return { rows: (result.rows ?? []) as R[], numAffectedRows: COUNTED.has(result.command) ? BigInt(result.rowCount ?? 0) : undefined };
  }

  /** Holds a write of a prepared query until the unit next reads or commits. */
  async hold(sql: string, parameters: readonly unknown[]): Promise<void> {
    const table = WRITE_TARGET.exec(sql)?.[1];
    if (table === undefined) {
      await this.executeQuery({ sql, parameters } as CompiledQuery);
      return;
    }
    if (this.held.some((w) => w.table === table)) await this.flush();
    this.held.push({ sql, parameters, table });
  }

  /** Sends the held writes, as one statement. */
  async flush(): Promise<void> {
    if (!this.held.length) return;
    const writes = this.held;
    this.held = [];
    if (writes.length === 1) {
      await this.send(writes[0].sql, writes[0].parameters);
      return;
    }
    const statement = combined(writes);
    nameStatement(statement.sql);
    await this.send(statement.sql, statement.parameters);
  }
}

const units = new WeakMap<Trx, PostgresUnit>();

export const postgresUnitOf = (trx: Db | Trx): PostgresUnit | undefined => units.get(trx as Trx);

export function trackUnit(trx: Trx, unit: PostgresUnit): void {
  units.set(trx, unit);
}
