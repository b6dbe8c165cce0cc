import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  claimDueRows,
  claimHolders,
  releaseClaimsOf,
  renewClaims,
  markAttemptFailed,
  markDelivered,
  pruneOutbox,
  releaseRows,
  targetsById,
  updateTarget,
  type EventTargetRow,
  type OutboxRow,
} from '../../store/events.repo';
import { appendToFile, postWebhook, targetFile, type DeliveryResult } from './delivery';
import type { EventsRuntime } from './runtime';

/**
 * Delivers the outbox in the background: every poll, each enabled target without a
 * delivery under way claims its due rows and sends them one after another. Targets
 * are independent, so a slow or failing one delays only itself; after a failure the
 * target rests until its row is due again (exponential backoff), then tries again.
 * Nothing here runs inside an API call.
 */

const BATCH = 10;
const PRUNE_EVERY_MS = 60_000;
/** A claim outlives one attempt's timeout by this much; it is renewed before each attempt that could outlast it. */
const LEASE_MARGIN_MS = 5_000;

/** Who holds a claim: host, process id and a part of this dispatcher's own (several may share a process). */
export function newClaimant(): string {
  return `${hostname().slice(0, 80)}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims no live process can hold: those whose lease ended, those with no holder
 * recorded, and those of processes on this host that no longer run (after a crash
 * or SIGKILL; on SQLite every holder is on this host, so after a restart that is all
 * of them). Claims of processes on other hosts end with their lease, which is sized
 * to one delivery's timeout.
 */
export function staleClaimants(holders: Array<{ by: string | null; until: number }>, now: number, self: string): Array<string | null> {
  const host = hostname().slice(0, 80);
  return holders
    .filter(({ by, until }) => {
      if (by === null || until < now) return true;
      if (by === self) return false;
      const [holderHost, pid] = by.split('/');
      return holderHost === host && Number(pid) !== process.pid && !alive(Number(pid));
    })
    .map((h) => h.by);
}

export class Dispatcher {
  private timer: NodeJS.Timeout | undefined;
  private readonly busy = new Map<string, Promise<void>>();
  private readonly restingUntil = new Map<string, number>();
  /** Failures in a row per target: how long it rests grows with them, whichever rows failed. */
  private readonly failures = new Map<string, number>();
  private readonly stopping = new AbortController();
  private lastPrune = 0;
  /** This dispatcher's name on the rows it claims. */
  readonly claimant = newClaimant();

  constructor(
    private readonly runtime: EventsRuntime,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** At start: frees the claims of processes that are gone, so their rows are delivered now rather than when the lease ends. */
  async releaseStaleClaims(): Promise<number> {
    const db = this.runtime.store.db;
    return releaseClaimsOf(db, staleClaimants(await claimHolders(db), this.runtime.now(), this.claimant));
  }

  start(): void {
    this.timer = setInterval(() => this.poll(), this.runtime.settings.pollMs);
    this.timer.unref();
  }

  /** Stops polling, aborts requests under way (their rows stay due) and waits for the workers. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await Promise.allSettled(this.busy.values());
  }

  /** One round: a worker for every idle, rested target of the cache. */
  poll(): void {
    if (this.stopping.signal.aborted) return;
    const now = this.runtime.now();
    for (const target of this.runtime.allTargets()) {
      if (this.busy.has(target.id) || (this.restingUntil.get(target.id) ?? 0) > now) continue;
      const work = this.drain(target.id)
        .catch(this.onError)
        .finally(() => this.busy.delete(target.id));
      this.busy.set(target.id, work);
    }
    if (this.runtime.hasTargets && now - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now;
      pruneOutbox(this.runtime.store.db, now - this.runtime.settings.deliveredRetentionMs).catch(this.onError);
    }
  }

  private async drain(targetId: string): Promise<void> {
    const { store, settings } = this.runtime;
    // One attempt's timeout and a margin: a process that dies holds its rows no longer than that.
    const lease = settings.webhookTimeoutMs + LEASE_MARGIN_MS;
    for (;;) {
      const now = this.runtime.now();
      const rows = await claimDueRows(store.db, store.dialect, targetId, now, { until: now + lease, by: this.claimant }, BATCH);
      if (rows.length === 0) return;
      const [target] = await targetsById(store.db, [targetId]);
      if (!target || !target.enabled) return releaseRows(store.db, rows.map((r) => r.id));
      let claimedUntil = now + lease;
      for (let i = 0; i < rows.length; i++) {
        if (this.stopping.signal.aborted) return releaseRows(store.db, rows.slice(i).map((r) => r.id));
        const at = this.runtime.now();
        if (claimedUntil - at < settings.webhookTimeoutMs + LEASE_MARGIN_MS / 2) {
          claimedUntil = at + lease;
          await renewClaims(store.db, rows.slice(i).map((r) => r.id), claimedUntil, this.claimant);
        }
        const delivered = await this.attempt(target, rows[i]);
        if (!delivered) return releaseRows(store.db, rows.slice(i + 1).map((r) => r.id));
      }
      if (rows.length < BATCH) return;
    }
  }

  /** One attempt of one row; true when delivered. */
  private async attempt(target: EventTargetRow, row: OutboxRow): Promise<boolean> {
    const { store, settings, box } = this.runtime;
    const attempt = row.attempts + 1;
    const startedAt = this.runtime.now();
    let result: DeliveryResult;
    if (target.type === 'webhook') {
      result = await postWebhook({
        url: target.url!,
        secret: box.open(target.secret_sealed!),
        body: row.payload,
        eventId: row.event_id,
        attempt,
        timeoutMs: settings.webhookTimeoutMs,
        signal: this.stopping.signal,
        now: startedAt,
      });
      // Stopped mid-request: not the endpoint's fault, and the row stays due for the next start.
      if (!result.ok && this.stopping.signal.aborted) {
        await releaseRows(store.db, [row.id]);
        return false;
      }
    } else {
      result = await appendToFile(targetFile(settings.filesDir, target.account_id, target.path!), row.payload);
    }
    const at = this.runtime.now();
    if (result.ok) {
      this.restingUntil.delete(target.id);
      this.failures.delete(target.id);
      await markDelivered(store.db, row.id, at, attempt);
      await updateTarget(store.db, target.id, { last_attempt_at: at, last_status: result.status, last_error: null, last_success_at: at });
      return true;
    }
    const retryAt = attempt >= settings.maxAttempts ? null : at + backoff(settings.retryBaseMs, settings.retryMaxMs, attempt);
    const failures = (this.failures.get(target.id) ?? 0) + 1;
    this.failures.set(target.id, failures);
    this.restingUntil.set(target.id, at + backoff(settings.retryBaseMs, settings.retryMaxMs, failures));
    await markAttemptFailed(store.db, row.id, attempt, result.error, retryAt);
    await updateTarget(store.db, target.id, { last_attempt_at: at, last_status: result.status, last_error: result.error });
    return false;
  }
}

/** base, 2 base, 4 base ... up to max, plus up to 10% so that processes do not retry in step. */
export function backoff(baseMs: number, maxMs: number, attempt: number): number {
  const wait = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(wait * (1 + Math.random() * 0.1));
}
