import type SQLite from 'better-sqlite3';
import type { Compilable, CompiledQuery, DialectAdapter } from 'kysely';
import type { Db, Trx } from './database';
import { nameStatement, postgresPoolOf, postgresUnitOf } from './postgres-unit';

/**
 * Hot queries, built with Kysely once per store and run with new parameters.
 *
 * Building and compiling a Kysely query, then passing it through Kysely's
 * executor, costs more JavaScript than SQLite takes to run a small statement;
 * on the paths called thousands of times a second (UpdateAnswer) it was most of
 * the store's time. A prepared query is written with the query builder as usual,
 * with `arg(i)` where the i-th argument goes; it is compiled on first use for
 * each store (so PostgreSQL gets `$n` placeholders and SQLite `?`), and then:
 *
 * - inside a transaction on SQLite, it runs on the transaction's connection as a
 *   better-sqlite3 prepared statement, without the executor. Kysely's SQLite
 *   driver has one connection and holds it for the whole transaction, so a
 *   statement run on it there is part of that transaction, as through Kysely;
 * - on PostgreSQL it is a named prepared statement, and inside a unit of work
 *   its writes are held and sent together (./postgres-unit.ts);
 * - otherwise (outside a transaction, where the connection may belong to
 *   another call's transaction) it goes through Kysely's executor as a compiled
 *   query, only without building and compiling it again.
 */

type Conn = Db | Trx;

const sqliteHandles = new WeakMap<DialectAdapter, SQLite.Database>();

/** Called by openStore: statements of prepared queries on this store may use `file` directly. */
export function registerSqliteConnection(db: Db, file: SQLite.Database): void {
  sqliteHandles.set(db.getExecutor().adapter, file);
}

/** The better-sqlite3 connection behind a SQLite store (by its adapter), or undefined for PostgreSQL. */
export const sqliteFileOf = (adapter: DialectAdapter): SQLite.Database | undefined => sqliteHandles.get(adapter);

const ARG = '\u0000plumbline-arg:';

/** Where the i-th argument goes in a prepared query (typed loosely so any column accepts it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const arg = (index: number): any => `${ARG}${index}`;

interface Compiled {
  query: CompiledQuery<unknown>;
  /** Per parameter: the argument index it takes, or -1 for a constant kept from compilation. */
  slots: number[];
  statement?: SQLite.Statement;
}

export interface PreparedQuery<Row> {
  /** Every row. */
  rows(db: Conn, ...args: unknown[]): Promise<Row[]>;
  /** The first row, if any. */
  first(db: Conn, ...args: unknown[]): Promise<Row | undefined>;
  /** Runs a statement that returns no rows. */
  run(db: Conn, ...args: unknown[]): Promise<void>;
}

export function prepared<Row>(build: (db: Conn) => Compilable<Row>): PreparedQuery<Row> {
  const byStore = new WeakMap<DialectAdapter, Compiled>();

  const compiledFor = (db: Conn, adapter: DialectAdapter): Compiled => {
    let compiled = byStore.get(adapter);
    if (!compiled) {
      const query = build(db).compile() as CompiledQuery<unknown>;
      const slots = query.parameters.map((p) => (typeof p === 'string' && p.startsWith(ARG) ? Number(p.slice(ARG.length)) : -1));
      compiled = { query, slots };
      byStore.set(adapter, compiled);
      if (postgresPoolOf(adapter)) nameStatement(query.sql);
    }
    return compiled;
  };

  const parameters = (compiled: Compiled, args: unknown[]): unknown[] =>
    compiled.slots.map((slot, i) => (slot === -1 ? compiled.query.parameters[i] : args[slot]));

  /** The better-sqlite3 statement when this call may use the connection directly. */
  const direct = (db: Conn, adapter: DialectAdapter, compiled: Compiled): SQLite.Statement | undefined => {
    if (!db.isTransaction) return undefined;
    const file = sqliteHandles.get(adapter);
    if (!file) return undefined;
    compiled.statement ??= file.prepare(compiled.query.sql);
    return compiled.statement;
  };

  /**
   * Every row: inside a PostgreSQL unit of work straight from the unit (which sends it
   * with the unit's other reads), elsewhere through Kysely's executor (outside a transaction).
   */
  const viaExecutor = async (db: Conn, compiled: Compiled, args: unknown[]): Promise<Row[]> => {
    const query = { ...compiled.query, parameters: parameters(compiled, args) } as CompiledQuery<Row>;
    const unit = postgresUnitOf(db);
    const result = await (unit ? unit.executeQuery<Row>(query) : db.executeQuery(query));
    return result.rows;
  };

  /*
   * On the direct path the statement runs synchronously and its outcome is
   * handed back as an already-settled promise: no async frames per call (five
   * queries per UpdateAnswer). A throw still reaches the caller as a rejection.
   */
  const settled = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    rows: (db, ...args) => {
      const adapter = db.getExecutor().adapter;
      const compiled = compiledFor(db, adapter);
      const statement = direct(db, adapter, compiled);
      if (!statement) return viaExecutor(db, compiled, args);
      return settled(() => {
        const params = parameters(compiled, args);
        if (statement.reader) return statement.all(params) as Row[];
        statement.run(params);
        return [];
      });
    },
    first: (db, ...args) => {
      const adapter = db.getExecutor().adapter;
      const compiled = compiledFor(db, adapter);
      const statement = direct(db, adapter, compiled);
      if (!statement) return viaExecutor(db, compiled, args).then((rows) => rows[0]);
      return settled(() => statement.get(parameters(compiled, args)) as Row | undefined);
    },
    run: (db, ...args) => {
      const adapter = db.getExecutor().adapter;
      const compiled = compiledFor(db, adapter);
      const unit = postgresUnitOf(db);
      if (unit) return unit.hold(compiled.query.sql, parameters(compiled, args));
      const statement = direct(db, adapter, compiled);
      if (!statement) return viaExecutor(db, compiled, args).then(() => undefined);
      return settled(() => {
        statement.run(parameters(compiled, args));
      });
    },
  };
}
