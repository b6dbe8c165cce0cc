import { describe, expect, it } from 'vitest';
import { ConnectionLock } from './sqlite-lock';

describe('the SQLite connection lock', () => {
  it('is taken at once when free, and by waiters one at a time in arrival order', async () => {
    const lock = new ConnectionLock();
    expect(lock.take()).toBe(true);
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) => {
      const taken = lock.take();
      expect(taken).not.toBe(true);
      return (taken as Promise<void>).then(() => {
        order.push(n);
        lock.release();
      });
    });
    lock.release();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    // Free again once the last waiter released it.
    expect(lock.take()).toBe(true);
  });

  it('never lets a newcomer in between a release and the next waiter', async () => {
    const lock = new ConnectionLock();
    lock.take();
    const waiting = lock.take() as Promise<void>;
    lock.release();
    // Handed to the waiter: still held for anyone arriving now.
    expect(lock.take()).not.toBe(true);
    await waiting;
  });
});
