import { describe, expect, it } from 'vitest';
import { ThrottlingError } from '../domain/errors';
import { DEFAULT_THROTTLE, Throttle } from './throttle';

/** The token buckets on a clock of the test's own, and the refusal when the event loop is behind. */

describe('Throttle', () => {
  it('lets a burst of twice the rate through, then refills at the rate; keys and kinds are apart', () => {
    let now = 0;
    const throttle = new Throttle({ ...DEFAULT_THROTTLE, read: 5, maxDelayMs: 0 }, () => now);
    for (let i = 0; i < 10; i++) throttle.take('read', 'AKIAONE');
    expect(() => throttle.take('read', 'AKIAONE')).toThrow(ThrottlingError);
    throttle.take('read', 'AKIATWO');
    throttle.take('write', 'AKIAONE');
    now += 200; // one token at 5 per second
    throttle.take('read', 'AKIAONE');
    expect(() => throttle.take('read', 'AKIAONE')).toThrow(/Rate exceeded: too many read calls for this access key/);
    throttle.stop();
  });

  it('spends failures without refusing them, and then refuses the address before checking', () => {
    const throttle = new Throttle({ ...DEFAULT_THROTTLE, unauthenticated: 1, maxDelayMs: 0 }, () => 0);
    throttle.refuseIfEmpty('unauthenticated', '10.0.0.1');
    for (let i = 0; i < 5; i++) throttle.spend('unauthenticated', '10.0.0.1');
    expect(() => throttle.refuseIfEmpty('unauthenticated', '10.0.0.1')).toThrow(/too many unauthenticated or failed calls from this address/);
    throttle.refuseIfEmpty('unauthenticated', '10.0.0.2');
    throttle.stop();
  });

  it('refuses new calls while the event loop runs behind its bound', async () => {
    const throttle = new Throttle({ ...DEFAULT_THROTTLE, maxDelayMs: 100 });
    throttle.enter();
    throttle.leave();
    // Hold the event loop well past the bound; the sampling timer, due long before this one, fires first.
    const until = performance.now() + 600;
    while (performance.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(() => throttle.enter()).toThrow(/The server is busy \(answering \d+ ms behind\)/);
    throttle.stop();
  });

  it('refuses within one long turn of the event loop, before the sampling timer can fire', async () => {
    const throttle = new Throttle({ ...DEFAULT_THROTTLE, maxDelayMs: 100 });
    // A fresh sample: the timer is due 100 ms from now.
    await new Promise((resolve) => setTimeout(resolve, 150));
    // One turn that serves calls back to back for up to a second without yielding, as a burst of synchronous SQLite calls does.
    const started = performance.now();
    let served = 0;
    let refusal: unknown;
    while (performance.now() - started < 1000) {
      try {
        throttle.enter();
        throttle.leave();
        served++;
      } catch (error) {
        refusal = error;
        break;
      }
    }
    expect(refusal).toBeInstanceOf(ThrottlingError);
    expect((refusal as Error).message).toMatch(/The server is busy \(answering \d+ ms behind\)/);
    // Refused once the timer was overdue by the bound: at most its period plus the bound into the turn (with slack for a busy machine).
    expect(performance.now() - started).toBeLessThan(100 + 100 + 300);
    expect(served).toBeGreaterThan(0);
    // The loop caught up: calls are taken on again.
    await new Promise((resolve) => setTimeout(resolve, 250));
    throttle.enter();
    throttle.leave();
    throttle.stop();
  });
});
