import type SQLite from 'better-sqlite3';
import type { Db } from './database';
import { sqliteFileOf, type ImmediateConn } from './prepared';

/**
 * Immediate transactions: on SQLite, a transaction that runs from BEGIN to
 * COMMIT in one synchronous call, its statements straight on the connection as
 * prepared statements, with no promise or await in between - the way a bare
 * better-sqlite3 program writes. The hottest change (UpdateAnswer) takes this
 * path; the same change through Kysely's transaction pays for a few dozen
 * awaits and the transaction machinery, more than SQLite takes to run it.
 *
 * It runs only when it cannot meet another transaction: on SQLite, and when no
 * transaction is open on the connection. Kysely holds its single connection
 * across the awaits of its transactions; one of those begun and waiting leaves
 * the connection in a transaction, and this answers NOT_RUN instead. Running
 * start to end without yielding, it cannot be interleaved with anything else.
 *
 * Work inside it that finds it cannot finish here (a case only the general
 * path handles) throws NOT_IMMEDIATE: everything is rolled back and the caller
 * answers NOT_RUN, to take its general path.
 */

export type ImmediateTx = ImmediateConn;

/** Answered when the transaction did not run (or was rolled back by NOT_IMMEDIATE): nothing changed. */
export const NOT_RUN: unique symbol = Symbol('not run immediately');

/** Thrown inside an immediate transaction to roll it back and answer NOT_RUN. */
export const NOT_IMMEDIATE = Object.freeze({ notImmediate: true });

interface Statements {
  begin: SQLite.Statement;
  commit: SQLite.Statement;
  rollback: SQLite.Statement;
}

const statements = new WeakMap<SQLite.Database, Statements>();

function statementsOf(file: SQLite.Database): Statements {
  let s = statements.get(file);
  if (!s) {
    // IMMEDIATE takes the write lock at once, so a write never has to upgrade a read lock.
    s = { begin: file.prepare('begin immediate'), commit: file.prepare('commit'), rollback: file.prepare('rollback') };
    statements.set(file, s);
  }
  return s;
}

export function immediateTransaction<T>(db: Db, fn: (tx: ImmediateTx) => T): T | typeof NOT_RUN {
  const adapter = db.getExecutor().adapter;
  const file = sqliteFileOf(adapter);
  if (!file || file.inTransaction) return NOT_RUN;
  const s = statementsOf(file);
  s.begin.run();
  let value: T;
  try {
    value = fn({ db, adapter, file });
    s.commit.run();
  } catch (error) {
    // A failed COMMIT may already have ended the transaction.
    if (file.inTransaction) s.rollback.run();
    if (error === NOT_IMMEDIATE) return NOT_RUN;
    throw error;
  }
  return value;
}
