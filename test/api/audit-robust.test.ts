import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditCall } from '../../src/services/audit/call';
import { AuditTrail } from '../../src/services/audit/trail';
import { rootArn } from '../../src/services/principal';
import { listDeadLetters } from '../../src/store/audit-dead-letters.repo';
import { openStore, type Store } from '../../src/store/database';
import { createPostgresDatabase, postgresEnabled } from '../support/stores';
import { TcpProxy } from '../support/tcp-proxy';

/**
 * The audit trail is never stalled by one record: a record PostgreSQL refuses (a NUL
 * character, which its text type cannot hold) is set aside in audit_dead_letters and
 * every other record of its batch is stored; records made while the database is away
 * wait, in order, up to a bound, and are stored once it is back.
 */

const ACCOUNT = '111122223333';

describe.runIf(postgresEnabled)('audit trail robustness on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let proxy: TcpProxy;
  let store: Store;
  let dataDir: string;
  const logged: string[] = [];

  beforeAll(async () => {
    database = await createPostgresDatabase();
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(database.url).port || 5432) });
    const url = new URL(database.url);
    url.port = String(proxy.port);
    dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-audit-'));
    store = await openStore({ databaseUrl: url.toString(), dataDir, onProblem: (m) => logged.push(m) });
  });
  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let sequence = 0;
  function record(trail: AuditTrail, eventName: string, request: Record<string, unknown>): string {
    const requestId = `req-${++sequence}`;
    const call = new AuditCall(trail, requestId, 1_700_000_000_000 + sequence, '127.0.0.1', 'test');
    call.principal = { accountId: ACCOUNT, arn: rootArn(ACCOUNT), accessKeyId: 'PLMBTESTROOTKEY000001' };
    call.eventName = eventName;
    call.request = request;
    trail.recordLater(call, { response: {} });
    return requestId;
  }
  const storedRequestIds = async () =>
    (await store.db.selectFrom('audit_records').select('record').orderBy('event_time').execute()).map((r) => (JSON.parse(r.record) as { requestID: string }).requestID);

  it('sets a refused record aside and stores every other record of its batch', async () => {
    const trail = new AuditTrail(store, { region: 'us-east-1', flushMs: 60_000, log: (m) => logged.push(m), onError: () => {} });
    const good = [record(trail, 'ListWorkloads', {}), record(trail, 'GetWorkload', { WorkloadId: 'a' })];
    // A resource named with a NUL: PostgreSQL refuses the row (its resource_arn column holds it raw).
    record(trail, 'GetLens\u0000', { LensAlias: 'ab\u0000cd' });
    good.push(record(trail, 'ListLenses', {}), record(trail, 'ListProfiles', {}));
    await trail.flush();
    expect(await storedRequestIds()).toEqual(good);
    const [letter, ...more] = await listDeadLetters(store.db, 10);
    expect(more).toEqual([]);
    expect(JSON.parse(letter.rowJson)).toMatchObject({ event_name: 'GetLens\u0000' });
    expect(letter.error).toMatch(/0x00|\\u0000|null character/i);
    expect(trail.status()).toMatchObject({ deadLettered: 1, waiting: 0, dropped: 0 });
    expect(logged.some((m) => m.includes(letter.eventId) && m.includes('set aside'))).toBe(true);
    // Later batches are not held back.
    const later = record(trail, 'ListWorkloads', {});
    await trail.close();
    expect(await storedRequestIds()).toContain(later);
  });

  it('keeps records in order while the database is away and stores them when it is back; past the bound the oldest go', async () => {
    await store.db.deleteFrom('audit_records').execute();
    const trail = new AuditTrail(store, { region: 'us-east-1', flushMs: 60_000, maxPending: 6, log: (m) => logged.push(m), onError: () => {} });
    await proxy.cut();
    const made = Array.from({ length: 8 }, (_, i) => record(trail, 'ListWorkloads', { n: i }));
    await trail.flush();
    expect(trail.status()).toMatchObject({ waiting: 6, dropped: 2 });
    const more = record(trail, 'ListLenses', {});
    await trail.flush();
    expect(trail.status()).toMatchObject({ waiting: 6, dropped: 3 });
    await proxy.restore();
    await trail.close();
    expect(await storedRequestIds()).toEqual([...made.slice(3), more]);
    expect(trail.status()).toMatchObject({ waiting: 0, dropped: 3, deadLettered: 0 });
  });
});
