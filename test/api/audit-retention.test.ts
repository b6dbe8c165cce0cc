import { ListWorkloadsCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { AuditCall } from '../../src/services/audit/call';
import { purgeExpiredRecords, startRetention } from '../../src/services/audit/retention';
import { AuditTrail } from '../../src/services/audit/trail';
import { rootArn } from '../../src/services/principal';
import type { Store } from '../../src/store/database';
import { ROOT_KEY, startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/** Keeping the audit trail: old records purged in batches, the read buffer written in batches and on close. */

const DAY = 24 * 60 * 60 * 1000;

const count = async (store: Store) =>
  Number((await store.db.selectFrom('audit_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** A read call of the default account's root, as the API layer would record it. */
function readCall(trail: AuditTrail, at: number, requestId: string) {
  const call = new AuditCall(trail, requestId, at, '127.0.0.1', 'test');
  call.principal = { accountId: TEST_ACCOUNT, arn: rootArn(TEST_ACCOUNT), accessKeyId: ROOT_KEY.accessKeyId };
  call.eventName = 'ListWorkloads';
  call.request = {};
  return call;
}

describe('audit settings', () => {
  it('keeps records 90 days unless told otherwise, 0 meaning for ever', () => {
    expect(loadConfig({}).auditRetentionDays).toBe(90);
    expect(loadConfig({ PLUMBLINE_AUDIT_RETENTION_DAYS: '0' }).auditRetentionDays).toBe(0);
    expect(() => loadConfig({ PLUMBLINE_AUDIT_RETENTION_DAYS: '-1' })).toThrow('PLUMBLINE_AUDIT_RETENTION_DAYS');
    expect(() => loadConfig({ PLUMBLINE_AUDIT_RETENTION_DAYS: 'a week' })).toThrow('PLUMBLINE_AUDIT_RETENTION_DAYS');
  });
});

describe.each(storeKinds())('audit retention and batching (%s)', (kind) => {
  let server: TestServer;
  let store: Store;

  beforeAll(async () => {
    server = await startServer(kind);
    store = server.built.services.store;
  });
  afterAll(() => server?.close());

  it('writes reads in batches: at the batch size, on flush, and on close', async () => {
    const before = await count(store);
    const trail = new AuditTrail(store, { region: TEST_REGION, flushMs: 60_000, maxBatch: 3 });
    const now = Date.now();
    trail.recordLater(readCall(trail, now, 'batch-1'), { response: {} });
    trail.recordLater(readCall(trail, now, 'batch-2'), { response: {} });
    expect(await count(store)).toBe(before);
    trail.recordLater(readCall(trail, now, 'batch-3'), { response: {} });
    await trail.flush();
    expect(await count(store)).toBe(before + 3);
    trail.recordLater(readCall(trail, now, 'batch-4'), { response: {} });
    await trail.close();
    expect(await count(store)).toBe(before + 4);
  });

  it('purges records older than the retention period, in batches, and keeps everything with 0 days', async () => {
    await server.client.send(new ListWorkloadsCommand({}));
    const trail = new AuditTrail(store, { region: TEST_REGION });
    const now = Date.now();
    // 2,500 old records: more than one purge batch.
    for (let i = 0; i < 2500; i++) trail.recordLater(readCall(trail, now - 100 * DAY - i, `old-${i}`), { response: {} });
    await trail.close();
    await server.built.audit.flush();
    const total = await count(store);
    expect(await purgeExpiredRecords(store, now, 0)).toBe(0);
    expect(await purgeExpiredRecords(store, now, 90)).toBe(2500);
    expect(await count(store)).toBe(total - 2500);
    // What is left is recent: a purge 91 days on takes all of it.
    expect(await purgeExpiredRecords(store, now + 91 * DAY, 90)).toBe(total - 2500);
  });

  it('purges at start and stops its timer on close', async () => {
    const trail = new AuditTrail(store, { region: TEST_REGION });
    trail.recordLater(readCall(trail, Date.now() - 10 * DAY, 'ten-days-old'), { response: {} });
    trail.recordLater(readCall(trail, Date.now(), 'today'), { response: {} });
    await trail.close();
    const before = await count(store);
    const errors: unknown[] = [];
    const task = startRetention(store, 7, Date.now, (e) => errors.push(e));
    await task.stop();
    expect(errors).toEqual([]);
    expect(await count(store)).toBe(before - 1);
  });
});
