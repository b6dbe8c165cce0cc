import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, storeKinds } from '../../test/support/stores';
import { openStore, type Store } from './database';
import { arg, prepared } from './prepared';
import { unitOfWork } from './unit-of-work';

const insertAccount = prepared((db) => db.insertInto('accounts').values({ id: arg(0), organization_id: null, organizational_unit_id: null, created_at: arg(1) }));
const accountTime = prepared((db) => db.updateTable('accounts').set({ created_at: arg(1) }).where('id', '=', arg(0)));
const accountById = prepared((db) => db.selectFrom('accounts').select(['id', 'created_at']).where('id', '=', arg(0)));

const createdAt = async (store: Store, id: string) =>
  (await store.db.selectFrom('accounts').select('created_at').where('id', '=', id).executeTakeFirst())?.created_at;

describe.each(storeKinds())('units of work on %s', (kind) => {
  let dir: string;
  let store: Store;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-unit-'));
    const pg = kind === 'postgres' ? await createPostgresDatabase() : undefined;
    drop = pg?.drop;
    store = await openStore({ dataDir: dir, databaseUrl: pg?.url });
  });
  afterAll(async () => {
    await store.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits every write, and the unit reads its own writes before it ends', async () => {
    const seen = await unitOfWork(store.db, 'write', async (trx) => {
      await insertAccount.run(trx, '100000000001', 1);
      // Two writes to one table in a row, then a read of both.
      await accountTime.run(trx, '100000000001', 2);
      await accountTime.run(trx, '100000000001', 3);
      return accountById.first(trx, '100000000001');
    });
    expect(Number(seen?.created_at)).toBe(3);
    expect(Number(await createdAt(store, '100000000001'))).toBe(3);
  });

  it('rolls everything back when the work throws, held writes included', async () => {
    await expect(
      unitOfWork(store.db, 'write', async (trx) => {
        await insertAccount.run(trx, '100000000002', 1);
        await trx.insertInto('accounts').values({ id: '100000000003', organization_id: null, organizational_unit_id: null, created_at: 1 }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await createdAt(store, '100000000002')).toBeUndefined();
    expect(await createdAt(store, '100000000003')).toBeUndefined();
  });

  it('rolls back the whole unit when a held write fails when it is finally sent', async () => {
    await expect(
      unitOfWork(store.db, 'write', async (trx) => {
        await insertAccount.run(trx, '100000000004', 1);
        // The same key again: refused by the primary key, at the latest on commit.
        await insertAccount.run(trx, '100000000004', 2);
      }),
    ).rejects.toThrow();
    expect(await createdAt(store, '100000000004')).toBeUndefined();
  });

  it('keeps concurrent units apart: read-modify-write never loses an update', async () => {
    await unitOfWork(store.db, 'write', (trx) => insertAccount.run(trx, '100000000005', 0));
    const lockedRead = prepared((db) => db.selectFrom('accounts').select('created_at').where('id', '=', arg(0)).forUpdate());
    const read = kind === 'postgres' ? lockedRead : accountById;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        unitOfWork(store.db, 'write', async (trx) => {
          const row = await read.first(trx, '100000000005');
          await accountTime.run(trx, '100000000005', Number(row!.created_at) + 1);
        }),
      ),
    );
    expect(Number(await createdAt(store, '100000000005'))).toBe(20);
  });
});
