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
 * key adds at most two records per window, however many calls it makes. A call of
 * the same access key from the same address that succeeds ends its windows: failures
 * after it are new, not repeats (and a caller without the secret never succeeds).
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

const keyOf = (call: AuditCall) => `${call.principal!.accountId} ${call.principal!.accessKeyId} ${call.sourceIp}`;

export class RepeatedFailures {
  /** Open windows by access key and address, then by error code. */
  private readonly open = new Map<string, Map<string, Window>>();
  private windows = 0;
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
    const key = keyOf(call);
    let byError = this.open.get(key);
    const window = byError?.get(outcome.errorCode);
    if (window && call.eventTime < window.start + this.windowMs) {
      if (window.count === 0) window.first = call.eventTime;
      window.count++;
      window.last = call.eventTime;
      window.call = call;
      window.outcome = outcome;
      if (window.eventNames.size < MAX_EVENT_NAMES) window.eventNames.add(call.eventName!);
      return false;
    }
    if (window) this.close(key, outcome.errorCode);
    if (this.windows >= MAX_OPEN) this.closeAll();
    byError = this.open.get(key);
    if (!byError) this.open.set(key, (byError = new Map()));
    byError.set(outcome.errorCode, { start: call.eventTime, count: 0, first: 0, last: 0, eventNames: new Set(), call, outcome });
    this.windows++;
    this.arm();
    return true;
  }

  /** A call of this key and address succeeded: its failures so far are written, later ones start anew. */
  succeeded(call: AuditCall): void {
    // Nothing open, the common case: no key built.
    if (this.windows === 0) return;
    const byError = this.open.get(keyOf(call));
    if (byError) for (const code of [...byError.keys()]) this.close(keyOf(call), code);
  }

  /** Writes the summaries of windows that have ended. */
  closeEnded(): void {
    const now = this.now();
    for (const [key, byError] of this.open) {
      for (const [code, window] of [...byError]) if (window.start + this.windowMs <= now) this.close(key, code);
    }
  }

  /** Writes every summary, ended or not (on close). */
  closeAll(): void {
    for (const [key, byError] of this.open) for (const code of [...byError.keys()]) this.close(key, code);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.closeAll();
  }

  private close(key: string, errorCode: string): void {
    const byError = this.open.get(key);
    const window = byError?.get(errorCode);
    if (!byError || !window) return;
    byError.delete(errorCode);
    if (byError.size === 0) this.open.delete(key);
    this.windows--;
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
