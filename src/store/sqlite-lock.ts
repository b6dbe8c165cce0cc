import type SQLite from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type QueryResult, type SqliteDialectConfig } from 'kysely';

/**
 * Who holds a SQLite store's one connection: Kysely's driver for its queries
 * and transactions, and the store's units of work (./unit-of-work.ts). Kysely's
 * own lock wakes every waiter whenever it is released (all but one go back to
 * waiting), which under concurrent calls cost more than the calls; this one
 * hands the connection to the next waiter in arrival order, and to a caller
 * that finds it free at once, without a promise.
 */
export class ConnectionLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  /** true when taken at once; otherwise a promise settled when it is this caller's turn. */
  take(): true | Promise<void> {
    if (!this.held) {
      this.held = true;
      return true;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    // Handed over still held: nobody can slip in between.
    if (next) next();
    else this.held = false;
  }
}

class LockedSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly lock: ConnectionLock,
    private readonly immediate: boolean,
  ) {
    super(config);
  }

  // With several processes on one file (PLUMBLINE_WORKERS), a transaction that reads and then
  // writes cannot wait for another process's write lock (SQLite answers SQLITE_BUSY at once,
  // busy_timeout or not, to avoid a deadlock): it begins IMMEDIATE, taking the write lock first
  // and waiting for it up to busy_timeout. One process alone keeps SQLite's deferred BEGIN.
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.immediate) await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    else await super.beginTransaction(connection);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const taken = this.lock.take();
    if (taken !== true) await taken;
    // Kysely's lock inside is always free now.
    return super.acquireConnection();
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.lock.release();
  }
}

/** Kysely's SQLite dialect with the connection under `lock`. */
export class LockedSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly lock: ConnectionLock,
    private readonly immediate = false,
  ) {
    super(settings);
  }

  override createDriver(): SqliteDriver {
    return new LockedSqliteDriver(this.settings, this.lock, this.immediate);
  }
}

/** The connection as a unit of work holding the lock runs Kysely's queries on it (as Kysely's driver does). */
export function sqliteConnection(file: SQLite.Database): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const statement = file.prepare(query.sql);
      const parameters = query.parameters as unknown[];
      if (statement.reader) return { rows: statement.all(parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    },
    streamQuery() {
      throw new Error('streaming queries are not used inside a unit of work');
    },
  };
}
