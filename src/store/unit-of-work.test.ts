import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { storeKinds, storeOfTests } from '../../test/support/stores';
import type { Store, Trx } from './database';
import { arg, prepared } from './prepared';
import { postgresUnitOf } from './postgres-unit';
import { unitOfWork } from './unit-of-work';

const insertAccount = prepared((db) => db.insertInto('accounts').values({ id: arg(0), organization_id: null, organizational_unit_id: null, created_at: arg(1) }));
const accountTime = prepared((db) => db.updateTable('accounts').set({ created_at: arg(1) }).where('id', '=', arg(0)));
const accountById = prepared((db) => db.selectFrom('accounts').select(['id', 'created_at']).where('id', '=', arg(0)));

const createdAt = async (store: Store, id: string) =>
  (await store.db.selectFrom('accounts').select('created_at').where('id', '=', id).executeTakeFirst())?.created_at;

describe.each(storeKinds())('units of work on %s', (kind) => {
  const opened = storeOfTests(kind, 'plumbline-unit-');

  it('commits every write, and the unit reads its own writes before it ends', async () => {
    const seen = await unitOfWork(opened.store.db, 'write', async (trx) => {
      await insertAccount.run(trx, '100000000001', 1);
      // Two writes to one table in a row, then a read of both.
      await accountTime.run(trx, '100000000001', 2);
      await accountTime.run(trx, '100000000001', 3);
      return accountById.first(trx, '100000000001');
    });
    expect(Number(seen?.created_at)).toBe(3);
    expect(Number(await createdAt(opened.store, '100000000001'))).toBe(3);
  });

  it('rolls everything back when the work throws, held writes included', async () => {
    await expect(
      unitOfWork(opened.store.db, 'write', async (trx) => {
        await insertAccount.run(trx, '100000000002', 1);
        await trx.insertInto('accounts').values({ id: '100000000003', organization_id: null, organizational_unit_id: null, created_at: 1 }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await createdAt(opened.store, '100000000002')).toBeUndefined();
    expect(await createdAt(opened.store, '100000000003')).toBeUndefined();
  });

  it('rolls back the whole unit when a held write fails when it is finally sent', async () => {
    await expect(
      unitOfWork(opened.store.db, 'write', async (trx) => {
        await insertAccount.run(trx, '100000000004', 1);
        // The same key again: refused by the primary key, at the latest on commit.
        await insertAccount.run(trx, '100000000004', 2);
      }),
    ).rejects.toThrow();
    expect(await createdAt(opened.store, '100000000004')).toBeUndefined();
  });

  it('keeps concurrent units apart: read-modify-write never loses an update', async () => {
    await unitOfWork(opened.store.db, 'write', (trx) => insertAccount.run(trx, '100000000005', 0));
    const lockedRead = prepared((db) => db.selectFrom('accounts').select('created_at').where('id', '=', arg(0)).forUpdate());
    const read = kind === 'postgres' ? lockedRead : accountById;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        unitOfWork(opened.store.db, 'write', async (trx) => {
          const row = await read.first(trx, '100000000005');
          await accountTime.run(trx, '100000000005', Number(row!.created_at) + 1);
        }),
      ),
    );
    expect(Number(await createdAt(opened.store, '100000000005'))).toBe(20);
  });

  it('reads issued with a lock see what the lock\'s previous holder committed', async () => {
    // Row 7 is the lock; row 8 a counter that only holders of the lock change.
    await unitOfWork(opened.store.db, 'write', async (trx) => {
      await insertAccount.run(trx, '100000000007', 0);
      await insertAccount.run(trx, '100000000008', 0);
    });
    const lockedRead = prepared((db) => db.selectFrom('accounts').select('created_at').where('id', '=', arg(0)).forUpdate());
    const lock = kind === 'postgres' ? lockedRead : accountById;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        unitOfWork(opened.store.db, 'write', async (trx) => {
          const [, counter] = await Promise.all([lock.first(trx, '100000000007'), accountById.first(trx, '100000000008')]);
          await accountTime.run(trx, '100000000008', Number(counter!.created_at) + 1);
        }),
      ),
    );
    expect(Number(await createdAt(opened.store, '100000000008'))).toBe(20);
  });

  it('answers reads issued together exactly as one by one, and fails them together', async () => {
    await unitOfWork(opened.store.db, 'write', (trx) => insertAccount.run(trx, '100000000009', 1_700_000_000_123));
    const one = (trx: Trx) => [accountById.first(trx, '100000000009'), trx.selectFrom('accounts').select(['organization_id', 'id']).where('id', '=', '100000000009').executeTakeFirst()];
    const apart = await unitOfWork(opened.store.db, 'read', async (trx) => [await one(trx)[0], await one(trx)[1]]);
    const together = await unitOfWork(opened.store.db, 'read', (trx) => Promise.all(one(trx)));
    expect(together).toEqual(apart);
    expect(together[1]).toEqual({ organization_id: null, id: '100000000009' });
    await expect(
      unitOfWork(opened.store.db, 'read', (trx) => Promise.all([accountById.first(trx, '100000000009'), sql`select x from no_such_table`.execute(trx)])),
    ).rejects.toThrow(/no_such_table/);
  });

  it.runIf(kind === 'postgres')('sends a change that reads once and writes once in two packets, BEGIN and COMMIT included', async () => {
    await unitOfWork(opened.store.db, 'write', (trx) => insertAccount.run(trx, '100000000010', 1));
    let packets = 0;
    await unitOfWork(opened.store.db, 'write', async (trx) => {
      const stream = (postgresUnitOf(trx)!.client as unknown as { connection: { stream: { _writev: (...a: unknown[]) => unknown; _write: (...a: unknown[]) => unknown } } }).connection.stream;
      for (const method of ['_writev', '_write'] as const) {
        const original = stream[method].bind(stream);
        stream[method] = (...a: unknown[]) => (packets++, original(...a));
      }
      const lockedRead = prepared((db) => db.selectFrom('accounts').select('created_at').where('id', '=', arg(0)).forUpdate());
      const [row] = await Promise.all([lockedRead.first(trx, '100000000010'), accountById.first(trx, '100000000010'), accountById.first(trx, '100000000001')]);
      await accountTime.run(trx, '100000000010', Number(row!.created_at) + 1);
    });
    expect(packets).toBe(2);
    expect(Number(await createdAt(opened.store, '100000000010'))).toBe(2);
  });

  it.runIf(kind === 'postgres')('reads the same query twice in one batch, the first time it meets the connection', async () => {
    // A statement text no other test uses: parsed in this batch, once, though sent twice.
    const lockedTwice = prepared((db) => db.selectFrom('accounts').select(['id', 'created_at']).where('id', '=', arg(0)).forUpdate().limit(1));
    const rows = await unitOfWork(opened.store.db, 'write', (trx) => Promise.all([lockedTwice.first(trx, '100000000001'), lockedTwice.first(trx, '100000000010')]));
    expect(rows.map((r) => r?.id)).toEqual(['100000000001', '100000000010']);
  });

  it('sends nothing once a unit has failed: a read still waiting to leave is dropped, and no connection stays in a transaction', async () => {
    await unitOfWork(opened.store.db, 'write', (trx) => insertAccount.run(trx, '100000000011', 1));
    // The work fails while one of its reads waits for the next tick to be sent: the unit
    // rolls back and gives its connection back before that tick.
    let late: unknown;
    await expect(
      unitOfWork(opened.store.db, 'write', (trx) => {
        const read = accountById.first(trx, '100000000011');
        read.catch((error: unknown) => (late = error));
        return Promise.all([read, Promise.reject(new Error('failed before the read left'))]);
      }),
    ).rejects.toThrow('failed before the read left');
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (kind === 'postgres') {
      expect(String(late)).toMatch(/unit of work has ended/);
      // The pool hands out the connection given back last: were it left in the failed unit's
      // transaction, this statement would run in it, and its transaction would predate it.
      const { rows } = await sql<{ inherited: boolean }>`select transaction_timestamp() < statement_timestamp() as inherited`.execute(opened.store.db);
      expect(rows[0].inherited).toBe(false);
    }
    // The pool's connections serve the next units as usual.
    await unitOfWork(opened.store.db, 'write', (trx) => accountTime.run(trx, '100000000011', 2));
    expect(Number(await createdAt(opened.store, '100000000011'))).toBe(2);
  });
});
