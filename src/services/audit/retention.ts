import { auditAccounts, purgeAuditRows } from '../../store/audit.repo';
import type { Store } from '../../store/database';

/** Records older than the retention period go, in small deletes, so the purge never holds the store for long. */

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_BATCH = 1000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Deletes every record older than `days` days before `now`; answers how many went. 0 days keeps everything. */
export async function purgeExpiredRecords(store: Store, now: number, days: number): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = now - days * DAY_MS;
  let purged = 0;
  for (const accountId of await auditAccounts(store.db)) {
    for (;;) {
      const deleted = await purgeAuditRows(store.db, accountId, cutoff, PURGE_BATCH);
      purged += deleted;
      if (deleted < PURGE_BATCH) break;
    }
  }
  return purged;
}

export interface RetentionTask {
  /** Stops the timer and waits for a purge under way. */
  stop(): Promise<void>;
}

/** Purges now and then every hour, until stopped; the timer does not keep the process alive. */
export function startRetention(store: Store, days: number, now: () => number, onError: (error: unknown) => void): RetentionTask {
  if (days <= 0) return { stop: async () => {} };
  let running: Promise<unknown> | undefined;
  const run = () => {
    running ??= purgeExpiredRecords(store, now(), days)
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, PURGE_EVERY_MS).unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
