import { randomUUID } from 'node:crypto';
import { buildAuditRecord, cloudTrailTime, type AuditOutcome } from '../../domain/audit/build';
import type { AuditRecord } from '../../domain/audit/record';
import { insertAuditRows, insertJournalRows, moveJournalRows, type AuditRow } from '../../store/audit.repo';
import type { Store, Trx } from '../../store/database';
import { insertDeadLetter } from '../../store/audit-dead-letters.repo';
import { isStoreUnreachable } from '../../store/pg-resilience';
import { enqueueEventsFor } from '../events/outbox';
import type { EventsRuntime } from '../events/runtime';
import type { AuditCall, AuditSink } from './call';
import { RepeatedFailures } from './repeats';

export interface AuditTrailOptions {
  region: string;
  /** How long a record of a read or a failure may wait for its batch. */
  flushMs?: number;
  /** A batch this large is written at once. */
  maxBatch?: number;
  /** Repeats of one failure within this many milliseconds become one record (./repeats.ts); 0 records each. */
  repeatWindowMs?: number;
  now?: () => number;
  /** Told when a batch cannot be written (its records are kept for the next try, up to a bound). */
  onError?: (error: unknown) => void;
  /** Where records set aside or dropped are logged by event id (stderr when absent). */
  log?: (message: string) => void;
  /** The app's events runtime: which targets exist, for queuing the events of changes. */
  events?: EventsRuntime;
  /** Records kept while the store is unreachable before the oldest are dropped (MAX_PENDING). */
  maxPending?: number;
}

// Past this many unwritten records (the store is down), the oldest are dropped rather than the process.
export const MAX_PENDING = 50_000;

export interface AuditTrailStatus {
  /** Records waiting for their batch (many while the store is unreachable). */
  waiting: number;
  /** Records the store refused, kept in audit_dead_letters, since this process started. */
  deadLettered: number;
  /** Records dropped because more than the bound were waiting for an unreachable store. */
  dropped: number;
  /** Records refused that could not be set aside either (logged). */
  lost: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const MAX_INDEXED_ARN = 1024;

/** One record as rows: the caller's trail, and the resource owner's when that is another account. */
function rowsOf(record: AuditRecord, eventTime: number): AuditRow[] {
  const row: AuditRow = {
    account_id: record.userIdentity.accountId,
    event_id: record.eventID,
    event_time: eventTime,
    event_name: record.eventName,
    principal_arn: record.userIdentity.arn,
    // Bounded for the index (PostgreSQL refuses very long index rows); no real ARN comes near it.
    resource_arn: record.resources?.[0]?.slice(0, MAX_INDEXED_ARN) ?? null,
    read_only: record.readOnly ? 1 : 0,
    error_code: record.errorCode ?? null,
    record: JSON.stringify(record),
  };
  return record.recipientAccountId === row.account_id ? [row] : [row, { ...row, account_id: record.recipientAccountId }];
}

/**
 * Writes audit records. A change's record goes into the change's own
 * transaction (recordChange, called by mutate()), appended to the unindexed
 * journal. Records that carry no change - reads, failures, replays - wait in
 * memory. A batch, one transaction every flushMs or maxBatch records, moves the
 * journal and the waiting records into the indexed audit_records; lookups flush
 * first, so they see every record committed so far.
 */
export class AuditTrail implements AuditSink {
  private rows: AuditRow[] = [];
  /** Successful non-read calls that changed nothing through mutate() (ExportLens): their events go with the batch. */
  private events: AuditRecord[] = [];
  /** The journal may hold rows: ours since the last batch, or (at start) another run's. */
  private journalPending = true;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly flushMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;
  private retryDelayMs = 0;
  private deadLettered = 0;
  private dropped = 0;
  private lost = 0;
  private readonly repeats: RepeatedFailures;
  /** Shown with the trail's size: repeats of one failure within it are one record. */
  readonly repeatWindowSeconds: number;

  constructor(
    private readonly store: Store,
    private options: AuditTrailOptions,
  ) {
    this.flushMs = options.flushMs ?? 200;
    this.maxBatch = options.maxBatch ?? 500;
    this.maxPending = options.maxPending ?? MAX_PENDING;
    this.options = { ...options, log: options.log ?? ((message) => process.stderr.write(`${message}\n`)) };
    this.repeatWindowSeconds = (options.repeatWindowMs ?? 60_000) / 1000;
    this.repeats = new RepeatedFailures(options.repeatWindowMs ?? 60_000, options.now ?? Date.now, (call, outcome, repeats) => {
      const record = this.record(call, outcome);
      record.additionalEventData = {
        repeatCount: repeats.repeatCount,
        firstEventTime: cloudTrailTime(repeats.first),
        lastEventTime: cloudTrailTime(repeats.last),
        eventNames: repeats.eventNames,
      };
      this.push(record, call);
    });
    // Rows a previous run left in the journal are moved soon after start.
    this.schedule();
  }

  private record(call: AuditCall, outcome: AuditOutcome): AuditRecord {
    const p = call.principal!;
    return buildAuditRecord(
      {
        eventId: randomUUID(),
        requestId: call.requestId,
        eventTime: call.eventTime,
        eventName: call.eventName!,
        region: this.options.region,
        sourceIp: call.sourceIp,
        userAgent: call.userAgent,
        caller: { accountId: p.accountId, arn: p.arn, accessKeyId: p.accessKeyId, userName: p.userName, userId: p.userId },
        resourceOwner: call.resourceOwner,
        request: call.request,
      },
      outcome,
    );
  }

  async recordChange(trx: Trx, call: AuditCall, response: unknown): Promise<void> {
    if (!call.principal || !call.eventName) return;
    this.repeats.succeeded(call);
    const record = this.record(call, { response });
    await insertJournalRows(trx, this.store.dialect, rowsOf(record, call.eventTime));
    await enqueueEventsFor(trx, record, this.options.events);
  }

  /** Only once committed: a batch that started earlier might not have seen the journal row. */
  changeCommitted(): void {
    this.journalPending = true;
    this.schedule();
  }

  private schedule(): void {
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushMs).unref();
  }

  recordLater(call: AuditCall, outcome: AuditOutcome): void {
    // Without a caller there is no trail to put the record in.
    if (!call.principal || !call.eventName || call.recorded) return;
    if ('errorCode' in outcome) {
      if (!this.repeats.admit(call, outcome)) return;
    } else {
      this.repeats.succeeded(call);
    }
    this.push(this.record(call, outcome), call);
  }

  private push(record: AuditRecord, call: AuditCall): void {
    for (const row of rowsOf(record, call.eventTime)) this.rows.push(row);
    if (!call.mutating && !record.readOnly && !record.errorCode) this.events.push(record);
    if (this.rows.length >= this.maxBatch) void this.flush();
    else this.schedule();
  }

  /** Writes every waiting record; resolves once they are stored (or kept for the next try). */
  async flush(): Promise<void> {
    this.repeats.closeEnded();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // One batch at a time; records arriving meanwhile go in the next.
    while (this.flushing) await this.flushing;
    if (this.rows.length === 0 && !this.journalPending) return;
    const rows = this.rows;
    const events = this.events;
    this.rows = [];
    this.events = [];
    this.journalPending = false;
    this.flushing = this.write(rows, events).finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  private async write(rows: AuditRow[], events: AuditRecord[]): Promise<void> {
    try {
      await this.store.db.transaction().execute(async (trx) => {
        await moveJournalRows(trx, this.store.dialect);
        await insertAuditRows(trx, this.store.dialect, rows);
        for (const record of events) await enqueueEventsFor(trx, record, this.options.events);
      });
      this.retryDelayMs = this.flushMs;
    } catch (error) {
      if (isStoreUnreachable(error)) return this.keepForLater(rows, events, error);
      // The store refused something in the batch: the journal, the events and the rows
      // go apart, so that one record the store will never take holds back no other.
      this.report(error);
      const left = await this.writeApart(rows, events);
      if (left) this.keepForLater(left.rows, left.events, left.error);
    }
  }

  /** The batch in parts; what is left unwritten when the store became unreachable meanwhile. */
  private async writeApart(rows: AuditRow[], events: AuditRecord[]): Promise<{ rows: AuditRow[]; events: AuditRecord[]; error: unknown } | undefined> {
    const db = this.store.db;
    try {
      await db.transaction().execute((trx) => moveJournalRows(trx, this.store.dialect));
    } catch (error) {
      if (isStoreUnreachable(error)) return { rows, events, error };
      this.report(error);
    }
    for (let i = 0; i < events.length; i++) {
      try {
        await db.transaction().execute((trx) => enqueueEventsFor(trx, events[i], this.options.events));
      } catch (error) {
        if (isStoreUnreachable(error)) return { rows, events: events.slice(i), error };
        this.options.log?.(`audit trail: the events of record ${events[i].eventID} were refused by the store and are not sent: ${messageOf(error)}`);
      }
    }
    // Halves, then quarters, ... in order, down to the single rows the store refuses.
    const ranges: Array<[number, number]> = [[0, rows.length]];
    while (ranges.length) {
      const [start, end] = ranges.shift()!;
      try {
        await db.transaction().execute((trx) => insertAuditRows(trx, this.store.dialect, rows.slice(start, end)));
      } catch (error) {
        if (isStoreUnreachable(error)) return { rows: rows.slice(start), events: [], error };
        if (end - start > 1) {
          const middle = start + Math.floor((end - start) / 2);
          ranges.unshift([start, middle], [middle, end]);
          continue;
        }
        try {
          await this.setAside(rows[start], error);
        } catch (failure) {
          if (isStoreUnreachable(failure)) return { rows: rows.slice(start), events: [], error: failure };
          this.options.log?.(`audit trail: record ${rows[start].event_id} was refused and could not be set aside either; it is lost: ${messageOf(failure)}`);
          this.lost++;
        }
      }
    }
    return undefined;
  }

  private async setAside(row: AuditRow, error: unknown): Promise<void> {
    await insertDeadLetter(this.store.db, {
      eventId: row.event_id,
      setAsideAt: Date.now(),
      // The store's message may quote the refused bytes.
      error: JSON.stringify(messageOf(error)).slice(1, -1),
      rowJson: JSON.stringify(row),
    });
    this.deadLettered++;
    this.options.log?.(`audit trail: record ${row.event_id} (${row.event_name}) was refused by the store and set aside in audit_dead_letters: ${messageOf(error)}`);
  }

  /**
   * The store is unreachable: the records wait, oldest first, and the next try comes
   * after a growing pause (up to 5 s). Past maxPending waiting rows the oldest are
   * dropped and counted, so that an outage cannot exhaust the memory.
   */
  private keepForLater(rows: AuditRow[], events: AuditRecord[], error: unknown): void {
    this.report(error);
    const waiting = [...rows, ...this.rows];
    const over = waiting.length - this.maxPending;
    if (over > 0) {
      this.dropped += over;
      this.options.log?.(`audit trail: ${over} records dropped, the oldest of more than ${this.maxPending} waiting for the store`);
    }
    this.rows = over > 0 ? waiting.slice(over) : waiting;
    this.events = [...events, ...this.events].slice(-this.maxPending);
    this.journalPending = true;
    this.retryDelayMs = Math.min(5_000, Math.max(this.flushMs, this.retryDelayMs * 2));
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.retryDelayMs).unref();
  }

  private report(error: unknown): void {
    (this.options.onError ?? ((e) => this.options.log?.(`audit trail: cannot write records: ${messageOf(e)}`)))(error);
  }

  /** For the readiness answer: what waits, and what was set aside or dropped since start. */
  status(): AuditTrailStatus {
    return { waiting: this.rows.length, deadLettered: this.deadLettered, dropped: this.dropped, lost: this.lost };
  }

  /** Writes what is waiting and stops the timer (on app close, before the store closes). */
  async close(): Promise<void> {
    this.repeats.stop();
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
