import type SQLite from 'better-sqlite3';
import { Transaction, type DatabaseConnection, type DialectAdapter } from 'kysely';
import type { Db, Trx } from './database';
import type pg from 'pg';
import { postgresPoolOf, PostgresUnit, trackUnit } from './postgres-unit';
import { sqliteConnection, type ConnectionLock } from './sqlite-lock';

/**
 * One unit of work: every read and write of a service call in one transaction,
 * whichever store is behind it. Services call this (through read() and
 * mutate()) and never see how the store runs it.
 *
 * On PostgreSQL it runs on a pooled client, counting round trips
 * (./postgres-unit.ts). On SQLite it holds the store's single connection under
 * the same lock as Kysely's driver (./sqlite-lock.ts: taken at once when free,
 * so no other call's statement can land inside it), and begins, commits and
 * rolls back through statements prepared once on the better-sqlite3
 * connection; its work runs there directly (the prepared queries of
 * ./prepared.ts see a transaction and skip the executor). Kysely's own
 * transaction costs several promises and two executor round trips per call,
 * which on the hottest write (UpdateAnswer) cost more than SQLite takes to run
 * the whole change.
 */

export type UnitKind = 'read' | 'write';

interface Statements {
  read: SQLite.Statement;
  write: SQLite.Statement;
  commit: SQLite.Statement;
  rollback: SQLite.Statement;
}

const statements = new WeakMap<SQLite.Database, Statements>();

function statementsOf(file: SQLite.Database): Statements {
  let s = statements.get(file);
  if (!s) {
    s = {
      read: file.prepare('begin'),
      // IMMEDIATE takes the write lock at once, so a write never has to upgrade a read lock
      // (another process on the same file - PLUMBLINE_WORKERS - could hold one).
      write: file.prepare('begin immediate'),
      commit: file.prepare('commit'),
      rollback: file.prepare('rollback'),
    };
    statements.set(file, s);
  }
  return s;
}

/** A Kysely transaction object whose queries run on `connection` (the one the unit holds). */
function newTransaction(db: Db, connection: DatabaseConnection): Trx {
  const executor = db.getExecutor().withConnectionProvider({ provideConnection: (consume) => consume(connection) });
  // The dialect's driver is never asked for anything by a Transaction (it refuses transaction() and connection()).
  return new Transaction({ config: {}, executor, dialect: {}, driver: {} } as unknown as ConstructorParameters<typeof Transaction<never>>[0]) as Trx;
}

interface SqliteStore {
  file: SQLite.Database;
  lock: ConnectionLock;
  trx?: Trx;
}

const sqliteStores = new WeakMap<DialectAdapter, SqliteStore>();

/** Called by openStore: units of work on this SQLite store take `lock` and run on `file`. */
export function registerSqliteLock(db: Db, file: SQLite.Database, lock: ConnectionLock): void {
  sqliteStores.set(db.getExecutor().adapter, { file, lock });
}

export function unitOfWork<T>(db: Db, kind: UnitKind, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const adapter = db.getExecutor().adapter;
  const pool = postgresPoolOf(adapter);
  if (pool) return postgresUnitOfWork(db, pool, kind, fn);
  const sqlite = sqliteStores.get(adapter);
  if (!sqlite) return db.transaction().execute(fn);
  const taken = sqlite.lock.take();
  if (taken !== true) return taken.then(() => sqliteUnitOfWork(db, sqlite, kind, fn));
  return sqliteUnitOfWork(db, sqlite, kind, fn);
}

/** Runs with the store's lock taken, and releases it. */
async function sqliteUnitOfWork<T>(db: Db, sqlite: SqliteStore, kind: UnitKind, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const { file, lock } = sqlite;
  try {
    const s = statementsOf(file);
    // SQLite has one connection, so one transaction object serves every unit; only a unit holding the lock is given it.
    sqlite.trx ??= newTransaction(db, sqliteConnection(file));
    (kind === 'write' ? s.write : s.read).run();
    try {
      const value = await fn(sqlite.trx);
      s.commit.run();
      return value;
    } catch (error) {
      // A failed COMMIT may already have ended the transaction.
      if (file.inTransaction) s.rollback.run();
      throw error;
    }
  } finally {
    lock.release();
  }
}

async function postgresUnitOfWork<T>(db: Db, pool: pg.Pool, kind: UnitKind, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A write unit's BEGIN and COMMIT travel with its first and last statements (./postgres-unit.ts).
  const unit = new PostgresUnit(client, kind === 'write');
  const trx = newTransaction(db, unit);
  trackUnit(trx, unit);
  let broken = false;
  try {
    const value = await fn(trx);
    await unit.commit();
    return value;
  } catch (error) {
    // A connection that cannot even roll back is not given back to the pool for reuse.
    broken = !(await unit.rollback());
    throw error;
  } finally {
    client.release(broken);
  }
}
