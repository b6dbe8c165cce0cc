import type SQLite from 'better-sqlite3';
import { Transaction, type DatabaseConnection } from 'kysely';
import type { Db, Trx } from './database';
import type pg from 'pg';
import { postgresPoolOf, PostgresUnit, trackUnit } from './postgres-unit';
import { sqliteFileOf } from './prepared';

/**
 * One unit of work: every read and write of a service call in one transaction,
 * whichever store is behind it. Services call this (through read() and
 * mutate()) and never see how the store runs it.
 *
 * On PostgreSQL it is Kysely's transaction on a pooled client. On SQLite it
 * holds the store's single connection exactly as Kysely's transaction does (the
 * driver's lock, so no other call's statement can land inside it) but begins,
 * commits and rolls back through statements prepared once on the
 * better-sqlite3 connection, and its work runs there directly (the prepared
 * queries of ./prepared.ts see a transaction and skip the executor). Kysely's
 * own transaction sends BEGIN and COMMIT through its executor on every call,
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

/**
 * A Kysely transaction object whose queries run on `connection`. SQLite has one
 * connection, so one object serves every unit; only a unit holding the
 * connection is given it.
 */
const transactions = new WeakMap<DatabaseConnection, Trx>();

function transactionOn(db: Db, connection: DatabaseConnection): Trx {
  let trx = transactions.get(connection);
  if (!trx) {
    trx = newTransaction(db, connection);
    transactions.set(connection, trx);
  }
  return trx;
}

function newTransaction(db: Db, connection: DatabaseConnection): Trx {
  const executor = db.getExecutor().withConnectionProvider({ provideConnection: (consume) => consume(connection) });
  // The dialect's driver is never asked for anything by a Transaction (it refuses transaction() and connection()).
  return new Transaction({ config: {}, executor, dialect: {}, driver: {} } as unknown as ConstructorParameters<typeof Transaction<never>>[0]) as Trx;
}

export function unitOfWork<T>(db: Db, kind: UnitKind, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const adapter = db.getExecutor().adapter;
  const pool = postgresPoolOf(adapter);
  if (pool) return postgresUnitOfWork(db, pool, kind, fn);
  const file = sqliteFileOf(adapter);
  if (!file) return db.transaction().execute(fn);
  return db.getExecutor().provideConnection(async (connection) => {
    const s = statementsOf(file);
    const trx = transactionOn(db, connection);
    (kind === 'write' ? s.write : s.read).run();
    try {
      const value = await fn(trx);
      s.commit.run();
      return value;
    } catch (error) {
      // A failed COMMIT may already have ended the transaction.
      if (file.inTransaction) s.rollback.run();
      throw error;
    }
  });
}

async function postgresUnitOfWork<T>(db: Db, pool: pg.Pool, kind: UnitKind, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const unit = new PostgresUnit(client);
  const trx = newTransaction(db, unit);
  trackUnit(trx, unit);
  const transactional = kind === 'write';
  let begun = false;
  let broken = false;
  try {
    if (transactional) {
      await client.query('begin');
      begun = true;
    }
    const value = await fn(trx);
    await unit.flush();
    if (transactional) await client.query('commit');
    return value;
  } catch (error) {
    if (begun) {
      // A connection that cannot even roll back is not given back to the pool for reuse.
      await client.query('rollback').catch(() => {
        broken = true;
      });
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
