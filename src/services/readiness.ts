import { hostname } from 'node:os';
import { countDeadLetters } from '../store/audit-dead-letters.repo';
import { pingStore, type Store } from '../store/database';
import type { AuditTrailStatus } from './audit/trail';

/**
 * Whether this instance can serve calls now, for load balancers: the store answers.
 * Liveness (the process runs) is /_plumbline/health; this is readiness.
 */
export interface Readiness {
  ready: boolean;
  /** Which process answered (host/pid): behind a load balancer or with PLUMBLINE_WORKERS, tells them apart. */
  instance: string;
  store: string;
  /** Why not ready. */
  reason?: string;
  audit: AuditTrailStatus & {
    /** Rows in audit_dead_letters (every instance's), when the store answered. */
    deadLetterRows?: number;
  };
}

const instance = `${hostname()}/${process.pid}`;

export async function readiness(store: Store, audit: { status(): AuditTrailStatus }): Promise<Readiness> {
  const status = audit.status();
  try {
    await pingStore(store.db);
    return { ready: true, instance, store: store.dialect, audit: { ...status, deadLetterRows: await countDeadLetters(store.db) } };
  } catch (error) {
    return { ready: false, instance, store: store.dialect, reason: `The store is unreachable: ${error instanceof Error ? error.message : String(error)}`, audit: status };
  }
}
