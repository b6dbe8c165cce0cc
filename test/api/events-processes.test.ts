import { CreateWorkloadCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../../src/api/app';
import { adminCall } from '../support/identities';
import { ROOT_KEY, startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { postgresEnabled } from '../support/stores';
import { until, WebhookReceiver } from '../support/webhook-receiver';

/**
 * Two Plumbline processes on one PostgreSQL database: a target created through one
 * reaches the other's cache, both deliver the shared outbox, and no event is sent
 * twice (claims skip rows another process holds).
 */

const FAST = { PLUMBLINE_EVENTS_POLL_MS: '10', PLUMBLINE_EVENTS_TARGETS_REFRESH_MS: '50' };

describe.runIf(postgresEnabled)('events with two processes on one PostgreSQL database', () => {
  let server: TestServer;
  let second: BuiltApp;
  let secondClient: WellArchitectedClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    server = await startServer('postgres', FAST);
    second = await buildApp({ config: server.config });
    const address = await second.app.listen({ host: '127.0.0.1', port: 0 });
    secondClient = new WellArchitectedClient({ endpoint: address, region: TEST_REGION, credentials: ROOT_KEY, maxAttempts: 1 });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await second?.app.close();
    await server?.close();
    await receiver?.close();
  });

  it('delivers every event exactly once whichever process took the call', async () => {
    const { EventTarget } = await adminCall<{ EventTarget: { TargetId: string } }>(server, {
      method: 'POST',
      path: '/event-targets',
      body: { Name: 'Shared', Type: 'webhook', Url: receiver.url },
    });
    // The other process learns of the target on its next refresh of the cache.
    await until(() => (second.services.events?.targetsOf(TEST_ACCOUNT)?.length ? true : undefined), 'the second process to cache the target');

    const clients = [server.client, secondClient];
    const calls = Array.from({ length: 12 }, (_, i) =>
      clients[i % 2].send(new CreateWorkloadCommand({ WorkloadName: `Shared ${i}`, Description: 'two processes', Environment: 'PREPRODUCTION', Lenses: ['wellarchitected'] })),
    );
    await Promise.all(calls);
    await receiver.waitFor(12);
    await until(async () => {
      const { Deliveries } = await adminCall<{ Deliveries: Array<{ Status: string; Attempts: number }> }>(server, {
        method: 'GET',
        path: `/event-targets/${EventTarget.TargetId}/deliveries`,
      });
      return Deliveries.length === 12 && Deliveries.every((d) => d.Status === 'DELIVERED') ? true : undefined;
    }, 'all 12 deliveries to be marked delivered');
    const ids = receiver.requests.map((r) => r.json.id);
    expect(new Set(ids).size).toBe(12);
    expect(ids).toHaveLength(12);
  });
});
