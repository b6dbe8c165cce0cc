import path from 'node:path';
import { BackupError, backupSqlite, restoreSqlite } from '../store/backup';

/** `plumbline backup FILE` and `plumbline restore FILE`, for the SQLite store in PLUMBLINE_DATA_DIR. */

export const BACKUP_USAGE = `usage: plumbline backup FILE
  copies the SQLite database in PLUMBLINE_DATA_DIR (default ./data) to FILE (a new file, mode 0600),
  safely while the server is serving; keep the master key as well (master.key in the data directory,
  or PLUMBLINE_MASTER_KEY): without it the access keys and webhook secrets in the copy cannot be opened
       plumbline restore FILE
  with the server stopped, replaces the database in PLUMBLINE_DATA_DIR with the backup FILE
PostgreSQL stores (PLUMBLINE_DATABASE_URL) are backed up with pg_dump: see the README.`;

type Env = Record<string, string | undefined>;

/** Runs `plumbline backup` or `plumbline restore`; returns the exit code (0 done, 1 failed, 2 bad usage). */
export async function runBackupCommand(verb: 'backup' | 'restore', args: string[], out: (s: string) => void, err: (s: string) => void, env: Env): Promise<number> {
  const [file, ...extra] = args;
  if (file === 'help' || file === '--help') return out(BACKUP_USAGE), 0;
  if (file === undefined || file.startsWith('--') || extra.length > 0) return err(`plumbline ${verb}: one FILE is required\n${BACKUP_USAGE}`), 2;
  if (env.PLUMBLINE_DATABASE_URL) {
    return err(`plumbline ${verb}: PLUMBLINE_DATABASE_URL is set: back up and restore PostgreSQL with pg_dump and pg_restore (see the README)`), 1;
  }
  const dataDir = path.resolve(env.PLUMBLINE_DATA_DIR ?? './data');
  try {
    if (verb === 'backup') {
      const { pages, migrations } = await backupSqlite(dataDir, file);
      out(`Backed up ${path.join(dataDir, 'plumbline.db')} to ${file} (${pages} pages, schema version ${migrations}).`);
      out(`Keep the master key with it (${env.PLUMBLINE_MASTER_KEY ? 'PLUMBLINE_MASTER_KEY' : path.join(dataDir, 'master.key')}), but not in the same place.`);
    } else {
      const { pages, migrations } = await restoreSqlite(dataDir, file);
      out(`Restored ${file} into ${path.join(dataDir, 'plumbline.db')} (${pages} pages, schema version ${migrations}); start the server with the master key the backup was made with.`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    err(`plumbline ${verb}: ${error.message}`);
    return 1;
  }
}
