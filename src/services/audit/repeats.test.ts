import { describe, expect, it } from 'vitest';
import type { AuditOutcome } from '../../domain/audit/build';
import { AuditCall } from './call';
import { RepeatedFailures, type RepeatSummary } from './repeats';

/** Which failures are recorded, which are counted as repeats, and the summaries written. */

const WINDOW = 60_000;
const sink = { recordChange: async () => {}, changeCommitted: () => {}, recordLater: () => {} };
const principal = (accessKeyId: string) => ({ accountId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accessKeyId }) as never;

function call(time: number, { key = 'AKIAONE', ip = '10.0.0.1', event = 'ListLenses' } = {}): AuditCall {
  const c = new AuditCall(sink, `req-${time}`, time, ip, 'test');
  c.principal = principal(key);
  c.eventName = event;
  return c;
}
const failure = (errorCode: string) => ({ errorCode, errorMessage: errorCode });

function setup() {
  let now = 0;
  const written: Array<{ call: AuditCall; outcome: AuditOutcome; repeats: RepeatSummary }> = [];
  const repeats = new RepeatedFailures(WINDOW, () => now, (c, outcome, summary) => written.push({ call: c, outcome, repeats: summary }));
  return { repeats, written, at: (t: number) => (now = t) };
}

describe('repeated failures', () => {
  it('records the first failure, counts repeats of the same key, address and error, and writes one summary when the window ends', () => {
    const { repeats, written, at } = setup();
    expect(repeats.admit(call(1000), failure('AccessDeniedException'))).toBe(true);
    for (let t = 2000; t < 12_000; t += 1000) expect(repeats.admit(call(t, { event: t === 5000 ? 'GetWorkload' : 'ListLenses' }), failure('AccessDeniedException'))).toBe(false);
    // Another error code, key or address is another failure.
    expect(repeats.admit(call(3000), failure('ValidationException'))).toBe(true);
    expect(repeats.admit(call(3000, { key: 'AKIATWO' }), failure('AccessDeniedException'))).toBe(true);
    expect(repeats.admit(call(3000, { ip: '10.0.0.2' }), failure('AccessDeniedException'))).toBe(true);
    at(WINDOW);
    repeats.closeEnded();
    expect(written).toEqual([]);
    at(WINDOW + 1000);
    repeats.closeEnded();
    expect(written).toHaveLength(1);
    expect(written[0].repeats).toEqual({ repeatCount: 10, first: 2000, last: 11_000, eventNames: ['ListLenses', 'GetWorkload'] });
    expect(written[0].call.requestId).toBe('req-11000');
    // The window ended: the next failure is recorded again.
    expect(repeats.admit(call(WINDOW + 2000), failure('AccessDeniedException'))).toBe(true);
  });

  it('ends a key\'s windows when a call of it succeeds, writing the repeats so far', () => {
    const { repeats, written } = setup();
    expect(repeats.admit(call(1000), failure('AccessDeniedException'))).toBe(true);
    repeats.succeeded(call(1500, { key: 'AKIATWO' }));
    expect(repeats.admit(call(2000), failure('AccessDeniedException'))).toBe(false);
    repeats.succeeded(call(3000));
    expect(written.map((w) => w.repeats.repeatCount)).toEqual([1]);
    expect(repeats.admit(call(4000), failure('AccessDeniedException'))).toBe(true);
    repeats.stop();
    expect(written).toHaveLength(1);
  });

  it('records every failure when the window is 0', () => {
    const repeats = new RepeatedFailures(0, () => 0, () => {});
    expect([1, 2, 3].map((t) => repeats.admit(call(t), failure('AccessDeniedException')))).toEqual([true, true, true]);
  });
});
