import {
  claimDueRows,
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

export class Dispatcher {
  private timer: NodeJS.Timeout | undefined;
  private readonly busy = new Map<string, Promise<void>>();
  private readonly restingUntil = new Map<string, number>();
  /** Failures in a row per target: how long it rests grows with them, whichever rows failed. */
  private readonly failures = new Map<string, number>();
  private readonly stopping = new AbortController();
  private lastPrune = 0;

  constructor(
    private readonly runtime: EventsRuntime,
    private readonly onError: (error: unknown) => void,
  ) {}

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
    // Long enough for a whole batch of timeouts: another process must not take the rows meanwhile.
    const lease = BATCH * settings.webhookTimeoutMs + 30_000;
    for (;;) {
      const now = this.runtime.now();
      const rows = await claimDueRows(store.db, store.dialect, targetId, now, now + lease, BATCH);
      if (rows.length === 0) return;
      const [target] = await targetsById(store.db, [targetId]);
      if (!target || !target.enabled) return releaseRows(store.db, rows.map((r) => r.id));
      for (let i = 0; i < rows.length; i++) {
        if (this.stopping.signal.aborted) return releaseRows(store.db, rows.slice(i).map((r) => r.id));
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
