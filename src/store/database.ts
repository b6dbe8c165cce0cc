import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, type Migration, type Transaction } from 'kysely';
import pg from 'pg';
import * as core from './migrations/0001-core';
import * as customLenses from './migrations/0002-custom-lenses';
import * as identity from './migrations/0003-identity';
import * as sharing from './migrations/0004-sharing';
import * as profilesTemplates from './migrations/0005-profiles-templates';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { registerSqliteConnection } from './prepared';
import { POSTGRES_POOL_SIZE } from './pool-size';
import { registerPostgresPool } from './postgres-unit';
import { ConnectionLock, LockedSqliteDialect } from './sqlite-lock';
import { registerSqliteLock } from './unit-of-work';
import { createPgPool, isStoreUnreachable, retryWhileUnreachable } from './pg-resilience';
import * as audit from './migrations/0006-audit';
import * as events from './migrations/0007-events';
import * as consoleSessions from './migrations/0008-console-sessions';
import * as checkResults from './migrations/0009-check-results';
import * as globalSettings from './migrations/0010-global-settings';
import * as lensNameKeys from './migrations/0011-lens-name-keys';
import * as operationsState from './migrations/0012-operations-state';
import * as signInLimits from './migrations/0013-sign-in-limits';
import * as workloadRiskFlags from './migrations/0014-workload-risk-flags';
import * as milestoneChecks from './migrations/0015-milestone-checks';
import type { Database } from './tables';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

const migrations: Record<string, Migration> = { '0001-core': core, '0002-custom-lenses': customLenses, '0003-identity': identity, '0004-sharing': sharing, '0005-profiles-templates': profilesTemplates, '0006-audit': audit, '0007-events': events, '0008-console-sessions': consoleSessions, '0009-check-results': checkResults, '0010-global-settings': globalSettings, '0011-lens-name-keys': lensNameKeys, '0012-operations-state': operationsState, '0013-sign-in-limits': signInLimits, '0014-workload-risk-flags': workloadRiskFlags, '0015-milestone-checks': milestoneChecks };

// int8 columns hold epoch milliseconds, well inside Number's exact range.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Kysely prepares every query anew; with better-sqlite3 that is a large share of
 * a request. Statements are reusable, so keep them by SQL text.
 */
function withStatementCache(file: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = file.prepare.bind(file);
  // An own property, not a Proxy: a Proxy's trap ran on every use of the connection.
  file.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= 2000) cache.clear();
      cache.set(sql, statement);
    }
    return statement;
  }) as SQLite.Database['prepare'];
  return file;
}

export interface StoreOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Other processes use the same SQLite file (PLUMBLINE_WORKERS above 1). */
  sharedFile?: boolean;
  /** Told of lost connections and of each wait for the database at start-up (stderr when absent). */
  onProblem?: (message: string) => void;
  /** Ends the wait for the database at start-up (a SIGTERM before the server listens). */
  signal?: AbortSignal;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  let db: Db;
  let dialect: Dialect;
  let checkpointer: Checkpointer | undefined;
  if (options.databaseUrl) {
    dialect = 'postgres';
    // A connection that the server drops (restart, failover, admin) must not crash the
    // process, idle or in a call: src/store/pg-resilience.ts.
    const pool = createPgPool(options.databaseUrl, POSTGRES_POOL_SIZE, options.onProblem ?? ((message) => process.stderr.write(`${message}\n`)));
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    registerPostgresPool(db, pool);
  } else {
    dialect = 'sqlite';
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    // Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database file's mode.
    closeSync(openSync(path.join(options.dataDir, 'plumbline.db'), 'a', 0o600));
    const file = new SQLite(path.join(options.dataDir, 'plumbline.db'));
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = NORMAL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    // The checkpoint thread below keeps the WAL small; should it fall behind, this
    // connection checkpoints itself at ~40 MB (rather than SQLite's 4 MB: each
    // checkpoint syncs the database file, and at the default they dominated the
    // cost of small writes).
    file.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    const lock = new ConnectionLock();
    db = new Kysely<Database>({ dialect: new LockedSqliteDialect({ database: withStatementCache(file) }, lock, Boolean(options.sharedFile)) });
    registerSqliteConnection(db, file);
    registerSqliteLock(db, file, lock);
    // Checkpoints run on their own thread, off the requests' path (src/store/checkpointer.ts).
    checkpointer = startCheckpointer(path.join(options.dataDir, 'plumbline.db'), (message) => process.stderr.write(`SQLite: ${message}\n`));
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'plumbline_migrations',
    migrationLockTableName: 'plumbline_migrations_lock',
  });
  const close = async () => {
    await checkpointer?.stop();
    await db.destroy();
  };
  // Start-up waits for PostgreSQL (it may start after us, or be restarting). Several
  // instances starting together migrate once: Kysely's PostgreSQL adapter holds an
  // advisory lock (pg_advisory_lock) around the migrations, and those that wait
  // find nothing left to do.
  const { error } = await retryWhileUnreachable(
    async () => {
      const result = await migrator.migrateToLatest();
      if (result.error && isStoreUnreachable(result.error)) throw result.error;
      return result;
    },
    {
      signal: options.signal,
      onWait: (e, ms) =>
        (options.onProblem ?? ((message) => process.stderr.write(`${message}\n`)))(
          `Waiting for the database (${e instanceof Error ? e.message : String(e)}); next try in ${ms} ms`,
        ),
    },
  ).catch((e: unknown) => ({ error: e }));
  if (error) {
    await close();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return { db, dialect, close };
}

/** True when the error is a unique-constraint violation in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Asks the database the smallest question there is: resolves once it answers, rejects while it cannot be reached. */
export async function pingStore(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
