import { ListLensesCommand } from '@aws-sdk/client-wellarchitected';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/domain/audit/record';
import { adminCall, adminError, createTestUser, type TestUser } from '../support/identities';
import { ROOT_KEY, startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * A trail that cannot be flooded (issue 16). Failed signatures with a real access key
 * id and calls denied by policy are still recorded, but repeats of one failure (same
 * key, address and error code) within the repeat window are one record when they
 * start and one more with their count when the window ends: at most two records per
 * window, however many calls. Throttling is off here (the test servers' default), so
 * every call reaches the trail. The window is an hour here, so that the flood fits in
 * one window however slow the machine; the bound per window is the same at any length.
 */

const WINDOW_SECONDS = 3600;

const FLOOD = 5_000;
const DENIED = 500;

async function failureRecords(server: TestServer): Promise<AuditRecord[]> {
  await server.built.audit.flush();
  const rows = await server.built.services.store.db
    .selectFrom('audit_records')
    .select('record')
    .where('account_id', '=', TEST_ACCOUNT)
    .where('error_code', 'is not', null)
    .orderBy('event_time')
    .execute();
  return rows.map((r) => JSON.parse(r.record) as AuditRecord);
}

/** Runs `count` calls, `parallel` at a time. */
async function inParallel(count: number, parallel: number, call: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < count) await call(next++);
  }));
}

describe.each(storeKinds())('audit trail under a flood of failures (%s)', (kind) => {
  let server: TestServer;
  let nobody: TestUser;
  beforeAll(async () => {
    server = await startServer(kind, { PLUMBLINE_AUDIT_REPEAT_WINDOW_SECONDS: String(WINDOW_SECONDS) });
    nobody = await createTestUser(server, 'nobody');
  });
  afterAll(() => server?.close());

  it(`keeps ${FLOOD} failed signatures and ${DENIED} denied calls to two records each per window, with their count`, async () => {
    const before = (await failureRecords(server)).length;
    // One request signed with a guessed secret, replayed: what an attacker without the secret can send.
    const url = new URL(server.url);
    const signer = new SignatureV4({ service: 'wellarchitected', region: TEST_REGION, credentials: { accessKeyId: ROOT_KEY.accessKeyId, secretAccessKey: 'guessed-secret-that-is-wrong' }, sha256: Hash.bind(null, 'sha256') });
    const signed = await signer.sign(new HttpRequest({ method: 'GET', protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: '/lenses', headers: { host: url.host } }));
    const headers = { ...signed.headers } as Record<string, string>;
    delete headers.host;
    await inParallel(FLOOD, 32, async () => {
      const answer = await fetch(`${server.url}/lenses`, { headers });
      await answer.arrayBuffer();
      expect(answer.status).toBe(403);
    });
    await inParallel(DENIED, 16, async () => {
      await expect(nobody.client.send(new ListLensesCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    });

    // While the window is open: the first of each failure only.
    const opened = (await failureRecords(server)).slice(before);
    // A failed signature is recorded with the error its caller was sent, as a denial is.
    expect(opened.map((r) => r.errorCode)).toEqual(['AccessDeniedException', 'AccessDeniedException']);

    // When it ends: one more record each, carrying the count of the repeats.
    server.clock.offsetMs = WINDOW_SECONDS * 1000 + 1000;
    const closed = (await failureRecords(server)).slice(before);
    server.clock.offsetMs = 0;
    expect(closed).toHaveLength(4);
    const summaries = closed.filter((r) => r.additionalEventData);
    expect(summaries).toHaveLength(2);
    const signature = summaries.find((r) => r.userIdentity.userName !== 'nobody')!;
    const denied = summaries.find((r) => r.userIdentity.userName === 'nobody')!;
    expect(signature.additionalEventData).toMatchObject({ repeatCount: FLOOD - 1, eventNames: ['ListLenses'] });
    expect(denied.additionalEventData).toMatchObject({ repeatCount: DENIED - 1, eventNames: ['ListLenses'] });
    expect(denied.userIdentity.userName).toBe('nobody');
    expect(Date.parse(signature.additionalEventData!.firstEventTime)).toBeLessThanOrEqual(Date.parse(signature.additionalEventData!.lastEventTime));
  }, 300_000);

  it('shows the trail\'s size and growth to the account\'s root user in the admin API, and to no one else', async () => {
    await server.built.audit.flush();
    const { count } = await server.built.services.store.db
      .selectFrom('audit_records')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('account_id', '=', TEST_ACCOUNT)
      .executeTakeFirstOrThrow();
    const stats = await adminCall(server, { method: 'GET', path: '/audit/stats' });
    expect(stats).toMatchObject({ AccountId: TEST_ACCOUNT, RepeatWindowSeconds: WINDOW_SECONDS });
    // The stats call itself is recorded after it answers.
    expect(stats.Records).toBe(Number(count));
    expect(stats.RecordsLastHour).toBe(Number(count));
    expect(stats.RecordsLastDay).toBe(Number(count));
    expect(stats.ApproximateBytes).toBeGreaterThan(500 * Number(count));
    expect(stats.NewestEventTime).toBeGreaterThanOrEqual(stats.OldestEventTime as number);
    const denied = await adminError(adminCall(server, { method: 'GET', path: '/audit/stats', as: nobody.credentials }));
    expect(denied.status).toBe(403);
  });
});
