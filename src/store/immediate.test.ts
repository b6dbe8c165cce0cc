import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, postgresEnabled } from '../../test/support/stores';
import { openStore, type Store } from './database';
import { immediateTransaction, NOT_IMMEDIATE, NOT_RUN } from './immediate';
import { arg, prepared } from './prepared';

const insertAccount = prepared((db) => db.insertInto('accounts').values({ id: arg(0), organization_id: null, organizational_unit_id: null, created_at: 1 }));
const accountById = prepared((db) => db.selectFrom('accounts').select('id').where('id', '=', arg(0)));

const exists = async (store: Store, id: string) => (await store.db.selectFrom('accounts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe('immediate transactions on SQLite', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-immediate-'));
    store = await openStore({ dataDir: dir });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs start to end at once and commits', async () => {
    const value = immediateTransaction(store.db, (tx) => {
      insertAccount.runNow(tx, '100000000001');
      // Its own writes are visible inside it.
      return accountById.firstNow(tx, '100000000001');
    });
    expect(value).toEqual({ id: '100000000001' });
    expect(await exists(store, '100000000001')).toBe(true);
  });

  it('rolls back and answers NOT_RUN when the work throws NOT_IMMEDIATE', async () => {
    const value = immediateTransaction(store.db, (tx) => {
      insertAccount.runNow(tx, '100000000002');
      throw NOT_IMMEDIATE;
    });
    expect(value).toBe(NOT_RUN);
    expect(await exists(store, '100000000002')).toBe(false);
  });

  it('rolls back and rethrows any other error', async () => {
    expect(() =>
      immediateTransaction(store.db, (tx) => {
        insertAccount.runNow(tx, '100000000003');
        insertAccount.runNow(tx, '100000000003');
      }),
    ).toThrow(/UNIQUE/);
    expect(await exists(store, '100000000003')).toBe(false);
    // The connection is usable afterwards, outside any transaction.
    expect(immediateTransaction(store.db, (tx) => accountById.firstNow(tx, '100000000001'))).toEqual({ id: '100000000001' });
  });

  it('does not run while a Kysely transaction is open on the connection, which then finishes untouched', async () => {
    let release!: () => void;
    const waiting = new Promise<void>((resolve) => (release = resolve));
    let begun!: () => void;
    const inside = new Promise<void>((resolve) => (begun = resolve));
    const open = store.db.transaction().execute(async (trx) => {
      await insertAccount.run(trx, '100000000004');
      begun();
      await waiting;
      await insertAccount.run(trx, '100000000005');
    });
    await inside;
    let ran = false;
    const value = immediateTransaction(store.db, (tx) => {
      ran = true;
      insertAccount.runNow(tx, '100000000006');
    });
    expect(value).toBe(NOT_RUN);
    expect(ran).toBe(false);
    release();
    await open;
    expect(await exists(store, '100000000004')).toBe(true);
    expect(await exists(store, '100000000005')).toBe(true);
    expect(await exists(store, '100000000006')).toBe(false);
  });
});

describe.skipIf(!postgresEnabled)('immediate transactions on PostgreSQL', () => {
  it('never run: PostgreSQL changes take the general path', async () => {
    const database = await createPostgresDatabase();
    const store = await openStore({ databaseUrl: database.url, dataDir: mkdtempSync(path.join(tmpdir(), 'plumbline-immediate-pg-')) });
    try {
      let ran = false;
      expect(immediateTransaction(store.db, () => (ran = true))).toBe(NOT_RUN);
      expect(ran).toBe(false);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
