import { chmodSync, closeSync, existsSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { secureDataDir } from './data-dir';

/**
 * Backups of the SQLite store with SQLite's online backup API (through better-sqlite3),
 * safe while a server is serving the same file: the copy is read in one step, inside
 * one read transaction, so it is the database as of one commit, and in WAL mode
 * that read does not hold up the server's writes. (Copied in many small steps, every
 * write by the server would restart the copy, which under steady load never ends.)
 */

export const DATABASE_FILE = 'plumbline.db';

// better-sqlite3 takes the number of pages per step from the progress callback.
const ALL_PAGES = 0x7fffffff;

export class BackupError extends Error {}

/** Opens a database file and checks that it is a whole Plumbline database; returns its migration count. */
function checkPlumblineDatabase(file: string): number {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged: ${String(integrity)}`);
    const table = db.prepare(`select name from sqlite_master where type = 'table' and name = 'plumbline_migrations'`).get();
    if (!table) throw new BackupError(`${file} is not a Plumbline database (it has no plumbline_migrations table)`);
    return (db.prepare('select count(*) as n from plumbline_migrations').get() as { n: number }).n;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be read as a Plumbline database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

async function copyDatabase(from: string, to: string): Promise<number> {
  const source = new SQLite(from, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const { totalPages } = await source.backup(to, { progress: () => ALL_PAGES });
    return totalPages;
  } finally {
    source.close();
  }
}

/** Copies the data directory's database to `destination` (a new file, mode 0600) while it may be in use. */
export async function backupSqlite(dataDir: string, destination: string): Promise<{ pages: number; migrations: number }> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError(`There is no Plumbline database at ${source} (PLUMBLINE_DATA_DIR)`);
  if (existsSync(destination)) throw new BackupError(`${destination} already exists: name a new file`);
  if (!existsSync(path.dirname(path.resolve(destination)))) throw new BackupError(`The directory of ${destination} does not exist`);
  // Created private before a single page lands in it.
  closeSync(openSync(destination, 'wx', 0o600));
  try {
    const pages = await copyDatabase(source, destination);
    return { pages, migrations: checkPlumblineDatabase(destination) };
  } catch (error) {
    rmSync(destination, { force: true });
    throw error;
  }
}

/**
 * Replaces the data directory's database with a backup. For a stopped server: a
 * running one would go on with caches of the data replaced under it. The copy goes
 * through the same API, so a -wal file left beside the old database is taken in and
 * overwritten rather than replayed over the restored pages.
 */
export async function restoreSqlite(dataDir: string, backup: string): Promise<{ pages: number; migrations: number }> {
  const migrations = checkPlumblineDatabase(backup);
  secureDataDir(dataDir);
  const target = path.join(dataDir, DATABASE_FILE);
  closeSync(openSync(target, 'a', 0o600));
  const pages = await copyDatabase(backup, target);
  chmodSync(target, 0o600);
  return { pages, migrations };
}
