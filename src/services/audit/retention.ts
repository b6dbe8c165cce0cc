import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { auditAccounts, purgeAuditRows } from '../../store/audit.repo';
import { releaseLease, tryLease } from '../../store/leases.repo';
import type { Store } from '../../store/database';

/** Records older than the retention period go, in small deletes, so the purge never holds the store for long. */

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_BATCH = 1000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Deletes every record older than `days` days before `now`; answers how many went. 0 days keeps everything. */
export async function purgeExpiredRecords(store: Store, now: number, days: number, renew?: () => Promise<boolean>): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = now - days * DAY_MS;
  let purged = 0;
  for (const accountId of await auditAccounts(store.db)) {
    // Lost the lease (this process stalled past it): another process purges now.
    if (renew && !(await renew())) break;
    for (;;) {
      const deleted = await purgeAuditRows(store.db, accountId, cutoff, PURGE_BATCH);
      purged += deleted;
      if (deleted < PURGE_BATCH) break;
    }
  }
  return purged;
}

/** Long enough for a purge of any size to renew it between batches; a process that dies mid-purge blocks others no longer. */
const LEASE_MS = 5 * 60 * 1000;

/**
 * The purge under a lease, so that of several processes on one store one purges at
 * a time (the others skip that round); the lease is renewed between accounts.
 */
export async function purgeUnderLease(store: Store, now: number, days: number, holder: string): Promise<number | undefined> {
  if (days <= 0) return 0;
  if (!(await tryLease(store.db, PURGE_LEASE, holder, Date.now(), Date.now() + LEASE_MS))) return undefined;
  try {
    return await purgeExpiredRecords(store, now, days, () => tryLease(store.db, PURGE_LEASE, holder, Date.now(), Date.now() + LEASE_MS));
  } finally {
    await releaseLease(store.db, PURGE_LEASE, holder);
  }
}

const PURGE_LEASE = 'audit-retention-purge';

export interface RetentionTask {
  /** Stops the timer and waits for a purge under way. */
  stop(): Promise<void>;
}

/** Purges now and then every hour, until stopped; the timer does not keep the process alive. */
export function startRetention(store: Store, days: number, now: () => number, onError: (error: unknown) => void): RetentionTask {
  if (days <= 0) return { stop: async () => {} };
  const holder = `${hostname().slice(0, 80)}/${process.pid}/${randomBytes(4).toString('hex')}`;
  let running: Promise<unknown> | undefined;
  const run = () => {
    running ??= purgeUnderLease(store, now(), days, holder)
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
