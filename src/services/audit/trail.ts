import { randomUUID } from 'node:crypto';
import { buildAuditRecord, cloudTrailTime, type AuditOutcome } from '../../domain/audit/build';
import type { AuditRecord } from '../../domain/audit/record';
import { insertAuditRows, insertJournalRows, insertJournalRowsNow, moveJournalRows, type AuditRow } from '../../store/audit.repo';
import type { Store, Trx } from '../../store/database';
import { NOT_IMMEDIATE, type ImmediateTx } from '../../store/immediate';
import { enqueueEventsFor, mayRaiseEvents } from '../events/outbox';
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
}

// Past this many unwritten records (the store is down), the oldest are dropped rather than the process.
const MAX_PENDING = 50_000;
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
  private readonly repeats: RepeatedFailures;
  /** Shown with the trail's size: repeats of one failure within it are one record. */
  readonly repeatWindowSeconds: number;

  constructor(
    private readonly store: Store,
    private readonly options: AuditTrailOptions,
  ) {
    this.flushMs = options.flushMs ?? 200;
    this.maxBatch = options.maxBatch ?? 500;
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
    await enqueueEventsFor(trx, record);
  }

  recordChangeNow(tx: ImmediateTx, call: AuditCall, response: unknown): void {
    if (!call.principal || !call.eventName) return;
    // Queuing events is left to recordChange (the general path); most stores have no event targets.
    if (mayRaiseEvents(tx.db, call.eventName)) throw NOT_IMMEDIATE;
    this.repeats.succeeded(call);
    const record = this.record(call, { response });
    insertJournalRowsNow(tx, rowsOf(record, call.eventTime));
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
        for (const record of events) await enqueueEventsFor(trx, record);
      });
    } catch (error) {
      (this.options.onError ?? ((e) => process.stderr.write(`audit trail: cannot write ${rows.length} records: ${String(e)}\n`)))(error);
      this.rows = [...rows, ...this.rows].slice(-MAX_PENDING);
      this.events = [...events, ...this.events].slice(-MAX_PENDING);
      this.journalPending = true;
      if (!this.timer) this.timer = setTimeout(() => void this.flush(), Math.max(this.flushMs, 1000)).unref();
    }
  }

  /** Writes what is waiting and stops the timer (on app close, before the store closes). */
  async close(): Promise<void> {
    this.repeats.stop();
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
