import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints on a thread of their own, as SQLite's documentation suggests
 * for busy writers. A checkpoint copies the WAL's pages into the database file
 * and syncs it; run by the connection that commits (SQLite's automatic
 * checkpoint), it stalls whichever request's COMMIT crosses the threshold, and
 * all requests behind it. Here a worker thread, with a connection of its own,
 * runs a PASSIVE checkpoint every `intervalMs`: it never waits for a lock and
 * never blocks the server's connection, and the WAL stays small, so that reads
 * and commits stay cheap. The server's connection keeps its automatic
 * checkpoint as a safety net (at WAL_AUTOCHECKPOINT_PAGES), should this thread
 * fall behind or stop.
 *
 * The worker is a few lines of plain JavaScript evaluated in the thread, so it
 * runs the same under tsx, vitest and plain Node.
 */

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
const db = new Database(workerData.file);
let timer;
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
  timer = setTimeout(tick, workerData.intervalMs);
};
timer = setTimeout(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the thread and closes its connection (before the store's own connection closes). */
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, onError: (message: string) => void, intervalMs = 100): Checkpointer {
  const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { sqlitePath, file, intervalMs } });
  // The thread never keeps the process alive on its own.
  worker.unref();
  let reported = false;
  const report = (message: string) => {
    // Once: a failing checkpoint fails the same way every tick.
    if (reported) return;
    reported = true;
    onError(message);
  };
  worker.on('message', (message: { error?: string }) => {
    if (message.error) report(`WAL checkpoint failed (the store checkpoints as it commits instead): ${message.error}`);
  });
  worker.on('error', (error) => report(`the WAL checkpoint thread stopped (the store checkpoints as it commits instead): ${error.message}`));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      // A thread that does not stop in time is ended.
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
