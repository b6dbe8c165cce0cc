import type { AuditOutcome } from '../../domain/audit/build';
import type { AuditCall } from './call';

/**
 * Repeated failures become one record. Without this anyone who knows an access key
 * id (not its secret) could add a record per request by signing wrongly, and a
 * caller with no permissions one per denied call, as fast as the server answers.
 *
 * A failure opens a window for its key: the caller's access key, source address and
 * error code. The first failure is recorded as usual; repeats within the window are
 * only counted, and when the window ends one more record (the last repeat's)
 * carries the count, the first and last times and the operations tried. So each
 * key adds at most two records per window, however many calls it makes.
 */

export interface RepeatSummary {
  repeatCount: number;
  /** Epoch milliseconds of the first and last repeat. */
  first: number;
  last: number;
  eventNames: string[];
}

interface Window {
  start: number;
  count: number;
  first: number;
  last: number;
  eventNames: Set<string>;
  call: AuditCall;
  outcome: AuditOutcome;
}

// Operations listed in one summary; a flood across every operation lists the first ones.
const MAX_EVENT_NAMES = 20;
// Open windows kept at once; past it all are closed (written) rather than memory grown.
const MAX_OPEN = 10_000;

export class RepeatedFailures {
  private readonly open = new Map<string, Window>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
    /** Writes the record that stands for a window's repeats. */
    private readonly emit: (call: AuditCall, outcome: AuditOutcome, repeats: RepeatSummary) => void,
  ) {}

  /** True when this failure is to be recorded as usual; false when it was counted as a repeat. */
  admit(call: AuditCall, outcome: AuditOutcome & { errorCode: string }): boolean {
    if (this.windowMs <= 0) return true;
    const p = call.principal!;
    const key = `${p.accountId} ${p.accessKeyId} ${call.sourceIp} ${outcome.errorCode}`;
    const window = this.open.get(key);
    if (window && call.eventTime < window.start + this.windowMs) {
      if (window.count === 0) window.first = call.eventTime;
      window.count++;
      window.last = call.eventTime;
      window.call = call;
      window.outcome = outcome;
      if (window.eventNames.size < MAX_EVENT_NAMES) window.eventNames.add(call.eventName!);
      return false;
    }
    if (window) this.close(key, window);
    if (this.open.size >= MAX_OPEN) this.closeAll();
    this.open.set(key, { start: call.eventTime, count: 0, first: 0, last: 0, eventNames: new Set(), call, outcome });
    this.arm();
    return true;
  }

  /** Writes the summaries of windows that have ended. */
  closeEnded(): void {
    const now = this.now();
    for (const [key, window] of this.open) if (window.start + this.windowMs <= now) this.close(key, window);
  }

  /** Writes every summary, ended or not (on close). */
  closeAll(): void {
    for (const [key, window] of this.open) this.close(key, window);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.closeAll();
  }

  private close(key: string, window: Window): void {
    this.open.delete(key);
    if (window.count > 0) {
      this.emit(window.call, window.outcome, { repeatCount: window.count, first: window.first, last: window.last, eventNames: [...window.eventNames] });
    }
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.closeEnded();
      if (this.open.size > 0) this.arm();
    }, this.windowMs).unref();
  }
}
