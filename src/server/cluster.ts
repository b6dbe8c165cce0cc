import cluster, { type Worker } from 'node:cluster';
import type { BuiltApp } from '../api/app';
import type { Config } from '../config';
import { serve } from './serve';

/**
 * PLUMBLINE_WORKERS=N runs N worker processes sharing the port (node:cluster: the
 * primary accepts connections and hands them to the workers in turn), so that one
 * machine's cores serve calls. Both stores work: SQLite in WAL mode lets several
 * processes read and write one file, and every cross-process concern (event claims,
 * cache versions, the retention purge) goes through the store as it does for
 * several PostgreSQL instances.
 *
 * The first worker starts alone (it migrates the store and creates the root key);
 * the others follow once it listens. A worker that dies is replaced. SIGTERM to the
 * primary stops every worker gracefully and then the primary.
 */

const RESTART_DELAY_MS = 1_000;

type OnListening = (address: string, built: BuiltApp) => void;

export async function runWorkers(config: Config, onListening: OnListening): Promise<void> {
  if (config.workers <= 1) return serve(config, { onListening });
  if (cluster.isWorker) {
    // Only the first worker tells what it listens on and prints generated credentials.
    const first = process.env.PLUMBLINE_WORKER_INDEX === '0';
    return serve(config, { onListening: first ? onListening : undefined });
  }
  runPrimary(config);
}

function runPrimary(config: Config): void {
  let stopping = false;
  const indexes = new Map<Worker, number>();
  const fork = (index: number): Worker => {
    const worker = cluster.fork({ PLUMBLINE_WORKER_INDEX: String(index) });
    indexes.set(worker, index);
    return worker;
  };
  fork(0).once('listening', () => {
    for (let i = 1; i < config.workers; i++) fork(i);
    process.stderr.write(`Plumbline: ${config.workers} worker processes share port ${config.port}\n`);
  });
  cluster.on('exit', (worker, code, signal) => {
    const index = indexes.get(worker) ?? 0;
    indexes.delete(worker);
    if (stopping) {
      if (indexes.size === 0) process.exit(0);
      return;
    }
    process.stderr.write(`Plumbline: worker ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another\n`);
    setTimeout(() => fork(index), RESTART_DELAY_MS).unref();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (indexes.size === 0) process.exit(0);
    for (const worker of indexes.keys()) worker.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
