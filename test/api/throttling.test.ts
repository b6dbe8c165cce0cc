import { ListLensesCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { afterEach, describe, expect, it } from 'vitest';
import { kindOfOperation } from '../../src/api/throttle';
import type { WireError } from '../support/api-errors';
import { adminCall, createTestUser } from '../support/identities';
import { ROOT_KEY, startServer, TEST_REGION, type TestServer } from '../support/server';
import { signedFetch } from '../support/signed-fetch';

/**
 * Throttling (issue 16): token buckets per access key for reads, writes and expensive
 * calls, per address for failed signatures, and a bound on requests in progress. Over
 * a limit a call gets a 429 ThrottlingException in the wire format at once - a burst
 * is answered in full, never left to time out.
 */

const READS_PER_SECOND = 5;
const BURST = READS_PER_SECOND * 2;

/** Every call's outcome: 'ok', or the error's name (with its status and message). */
async function outcomes(calls: Array<Promise<unknown>>): Promise<Array<'ok' | WireError>> {
  return Promise.all(calls.map((call) => call.then(() => 'ok' as const, (error: WireError) => error)));
}

describe('throttling (sqlite)', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers a burst past the read rate with ThrottlingExceptions, every call answered; other keys are unaffected', async () => {
    server = await startServer('sqlite', { PLUMBLINE_THROTTLE_READS: String(READS_PER_SECOND) });
    const other = await createTestUser(server, 'bystander', { managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    const started = Date.now();
    const results = await outcomes(Array.from({ length: 10 * BURST }, () => server!.client.send(new ListLensesCommand({}))));
    const elapsedSeconds = (Date.now() - started) / 1000;

    const passed = results.filter((r) => r === 'ok').length;
    const throttled = results.filter((r): r is WireError => r !== 'ok');
    expect(throttled.length).toBeGreaterThan(0);
    for (const error of throttled) {
      expect(error.name, error.message).toBe('ThrottlingException');
      expect(error.$metadata.httpStatusCode).toBe(429);
      expect(error.message).toMatch(/^Rate exceeded: too many read calls for this access key/);
    }
    // The bucket's burst, plus what it refilled while the burst ran.
    expect(passed).toBeGreaterThanOrEqual(BURST);
    expect(passed).toBeLessThanOrEqual(BURST + Math.ceil(elapsedSeconds * READS_PER_SECOND) + 1);
    // Another access key has its own bucket.
    await other.client.send(new ListLensesCommand({}));
  });

  it('refuses an address whose signatures keep failing, before checking more of them', async () => {
    server = await startServer('sqlite', { PLUMBLINE_THROTTLE_UNAUTHENTICATED: '5' });
    const wrong = new WellArchitectedClient({ endpoint: server.url, region: TEST_REGION, credentials: { ...ROOT_KEY, secretAccessKey: 'not-the-secret-key-at-all' }, maxAttempts: 1 });
    const started = Date.now();
    const results = await outcomes(Array.from({ length: 40 }, () => wrong.send(new ListLensesCommand({}))));
    const refilled = Math.ceil(((Date.now() - started) / 1000) * 5);
    const names = results.map((r) => (r === 'ok' ? 'ok' : r.name));
    expect(names.filter((n) => n === 'ok')).toEqual([]);
    // The burst of 10 (and what refilled meanwhile) is checked and refused as a bad signature; the rest are throttled unchecked.
    const checked = names.filter((n) => n !== 'ThrottlingException');
    expect(checked.length).toBeGreaterThanOrEqual(10);
    expect(checked.length).toBeLessThanOrEqual(10 + refilled);
    expect(new Set(checked)).toEqual(new Set(['AccessDeniedException']));
    const throttled = results.find((r): r is WireError => r !== 'ok' && r.name === 'ThrottlingException')!;
    expect(throttled.message).toMatch(/too many unauthenticated or failed calls from this address/);
  });

  it('refuses at once what comes past the bound on requests in progress', async () => {
    server = await startServer('sqlite', { PLUMBLINE_MAX_IN_FLIGHT: '2' });
    await adminCall(server, { method: 'POST', path: '/users', body: { UserName: 'busy' } });
    // Setting a password waits for a scrypt hash off the main thread, so these calls overlap.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signedFetch(server!.url, { method: 'PUT', path: '/_plumbline/admin/users/busy/password', body: JSON.stringify({ Password: `a long enough password ${i}` }) })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    const busy = answers.filter((a) => a.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(busy[0].headers.get('x-amzn-ErrorType')).toBe('ThrottlingException');
    expect(busy[0].json?.Message).toMatch(/The server is busy \(2 requests in progress\)/);
    // Once they are done, calls go through again: every request that entered also left.
    await server.client.send(new ListLensesCommand({}));
  });

  it('sorts operations into reads, writes and expensive calls', () => {
    expect(['GetWorkload', 'ListAnswers'].map(kindOfOperation)).toEqual(['read', 'read']);
    expect(['UpdateAnswer', 'CreateWorkload', 'DeleteLens'].map(kindOfOperation)).toEqual(['write', 'write', 'write']);
    expect(['GetLensReviewReport', 'ImportLens', 'ExportLens', 'GetConsolidatedReport'].map(kindOfOperation)).toEqual(['expensive', 'expensive', 'expensive', 'expensive']);
  });
});
