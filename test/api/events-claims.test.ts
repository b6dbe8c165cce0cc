import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateWorkloadCommand, type WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall } from '../support/identities';
import { startProcess } from '../support/process-server';
import { startServer, type TestServer } from '../support/server';
import { createPostgresDatabase, storeKinds } from '../support/stores';
import { until, WebhookReceiver } from '../support/webhook-receiver';

/**
 * Claims on events (issue 20, item 5): a process killed in the middle of a delivery
 * leaves a claim no live process holds; the next start releases it and the event
 * goes out within moments, not when the lease ends. A claimed event shows who holds
 * it and until when. After a target's outage its events arrive in the order their
 * changes were made.
 */

interface Delivery {
  EventId: string;
  Status: string;
  Claim?: { ClaimedBy: string; ClaimedUntil: number };
}

const createWorkload = (client: WellArchitectedClient, name: string) =>
  client.send(new CreateWorkloadCommand({ WorkloadName: name, Description: 'claims', Environment: 'PREPRODUCTION', Lenses: ['wellarchitected'] }));

describe.each(storeKinds())('event claims (%s)', (kind) => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('shows a claim while delivering, and releases the claim of a killed process at the next start', async () => {
    const database = kind === 'postgres' ? await createPostgresDatabase() : undefined;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plumbline-claims-'));
    // A lease of 65 s (the webhook timeout and a margin): the redelivery below must not wait for it.
    const env = {
      PLUMBLINE_DATA_DIR: dataDir,
      PLUMBLINE_EVENTS_POLL_MS: '20',
      PLUMBLINE_EVENTS_WEBHOOK_TIMEOUT_MS: '60000',
      ...(database ? { PLUMBLINE_DATABASE_URL: database.url } : {}),
    };
    const first = await startProcess(env);
    try {
      const { EventTarget } = await adminCall<{ EventTarget: { TargetId: string } }>(first.asTestServer(), {
        method: 'POST',
        path: '/event-targets',
        body: { Name: `Claims ${kind}`, Type: 'webhook', Url: `${receiver.url}/${kind}` },
      });
      const mine = (r: { path: string }) => r.path === `/hook/${kind}`;
      receiver.answer = (request) => (mine(request) && receiver.requests.filter(mine).length === 0 ? 'hang' : 200);
      await createWorkload(first.client, `Claimed ${kind}`);
      const [inFlight] = await receiver.waitFor(1, mine);
      const deliveries = () =>
        adminCall<{ Deliveries: Delivery[] }>(first.asTestServer(), { method: 'GET', path: `/event-targets/${EventTarget.TargetId}/deliveries` }).then((r) => r.Deliveries);
      const [claimed] = await deliveries();
      expect(claimed).toMatchObject({ EventId: inFlight.json.id, Status: 'PENDING', Claim: { ClaimedBy: expect.stringContaining(`/${first.child.pid}/`) } });
      expect(claimed.Claim!.ClaimedUntil).toBeGreaterThan(Date.now() / 1000 + 50);

      first.child.kill('SIGKILL');
      await first.exited;
      const startedAt = Date.now();
      const second = await startProcess(env);
      try {
        const [again] = await receiver.waitFor(2, mine);
        const redelivered = receiver.requests.filter(mine)[1];
        expect(again.json.id).toBe(inFlight.json.id);
        expect(redelivered.json.id).toBe(inFlight.json.id);
        // Well inside the 65 s lease: the claim was released at start.
        expect(Date.now() - startedAt).toBeLessThan(30_000);
        const after = await until(async () => {
          const list = await adminCall<{ Deliveries: Delivery[] }>(second.asTestServer(), { method: 'GET', path: `/event-targets/${EventTarget.TargetId}/deliveries` });
          return list.Deliveries[0]?.Status === 'DELIVERED' ? list.Deliveries[0] : undefined;
        }, 'the delivery to be marked delivered');
        expect(after.Claim).toBeUndefined();
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('after a target outage', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer(kind, { PLUMBLINE_EVENTS_POLL_MS: '10', PLUMBLINE_EVENTS_RETRY_BASE_MS: '30', PLUMBLINE_EVENTS_RETRY_MAX_MS: '60' });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('delivers a target its events in the order of their changes', async () => {
      const route = `/hook/order-${kind}`;
      await adminCall(server, { method: 'POST', path: '/event-targets', body: { Name: 'Ordered', Type: 'webhook', Url: `${receiver.url}/order-${kind}` } });
      // The endpoint is down for its first four requests.
      receiver.answer = (request) => (request.path === route && receiver.requests.filter((r) => r.path === route).length < 4 ? 500 : 200);
      const names = Array.from({ length: 6 }, (_, i) => `Ordered ${i}`);
      const ids: string[] = [];
      for (const name of names) ids.push((await createWorkload(server.client, name)).WorkloadId!);
      await receiver.waitFor(4 + names.length, (r) => r.path === route);
      const requests = receiver.requests.filter((r) => r.path === route);
      const workloadOf = (r: (typeof requests)[number]) => (r.json.detail.responseElements as { WorkloadId: string }).WorkloadId;
      expect([...new Set(requests.map(workloadOf))]).toEqual(ids);
      // Every request after the outage, one per event, in order.
      expect(requests.slice(4).map(workloadOf)).toEqual(ids);
    });
  });
});
