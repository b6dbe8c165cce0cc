import {
  AssociateLensesCommand,
  CreateLensVersionCommand,
  CreateWorkloadCommand,
  GetLensReviewCommand,
  ImportLensCommand,
  ListLensesCommand,
  ListWorkloadsCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, createTestUser } from '../support/identities';
import { startInstances, type Instances } from '../support/instances';
import { smallLens } from '../support/lens-files';
import { postgresEnabled } from '../support/stores';
import { until, WebhookReceiver } from '../support/webhook-receiver';

/**
 * Three Plumbline instances on one PostgreSQL database behave as one service: what
 * one instance changes, the others act on at once (or, for what they cache, within
 * one second).
 */

const READ_ONLY = 'arn:aws:iam::aws:policy/WellArchitectedConsoleReadOnlyAccess';

/** Milliseconds until `refused` holds on every client, checked as fast as calls return. */
async function timeUntilRefused(clients: WellArchitectedClient[], call: (client: WellArchitectedClient) => Promise<unknown>): Promise<number> {
  const started = Date.now();
  for (const client of clients) {
    await until(
      () =>
        call(client).then(
          () => undefined,
          (error: { name: string }) => (error.name === 'AccessDeniedException' ? true : Promise.reject(error)),
        ),
      'the change to reach every instance',
      5_000,
    );
  }
  return Date.now() - started;
}

describe.runIf(postgresEnabled)('three instances on one PostgreSQL database', () => {
  let instances: Instances;
  let receiver: WebhookReceiver;
  const root = (i: number) => instances.at(i).client;
  beforeAll(async () => {
    instances = await startInstances(3, { PLUMBLINE_EVENTS_POLL_MS: '10' });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await instances?.close();
    await receiver?.close();
  });

  it('applies a custom lens imported and published on one instance on another at once', async () => {
    const { LensArn } = await root(0).send(new ImportLensCommand({ JSONString: smallLens('Shared across instances'), ClientRequestToken: randomUUID() }));
    await root(0).send(new CreateLensVersionCommand({ LensAlias: LensArn, LensVersion: '1.0', ClientRequestToken: randomUUID() }));
    const { WorkloadId } = await root(1).send(
      new CreateWorkloadCommand({ WorkloadName: 'Custom lens elsewhere', Description: 'instances', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: ['us-east-1'] }),
    );
    await root(1).send(new AssociateLensesCommand({ WorkloadId, LensAliases: [LensArn!] }));
    const { LensReview } = await root(2).send(new GetLensReviewCommand({ WorkloadId, LensAlias: LensArn }));
    expect(LensReview).toMatchObject({ LensArn, LensVersion: '1.0' });
    expect(LensReview!.RiskCounts).toMatchObject({ UNANSWERED: 2 });
  });

  it("uses an IAM user's key on another instance at once, and refuses it on every instance within a second of its deletion", async () => {
    const user = await createTestUser(instances.at(0), 'roamer', { managed: ['WellArchitectedConsoleFullAccess'] });
    const clients = [1, 2, 0].map((i) => instances.at(i).clientFor(user.credentials));
    // Each instance has the key cached once it served a call signed with it.
    for (const client of clients) expect((await client.send(new ListWorkloadsCommand({}))).WorkloadSummaries).toBeDefined();
    await adminCall(instances.at(0), { method: 'DELETE', path: `/users/roamer/access-keys/${user.credentials.accessKeyId}` });
    const elapsed = await timeUntilRefused(clients, (client) => client.send(new ListWorkloadsCommand({})));
    expect(elapsed).toBeLessThan(1_000);
  });

  it('applies a detached policy and a deleted user on every instance within a second', async () => {
    const user = await createTestUser(instances.at(1), 'reader', { managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    const clients = [0, 2, 1].map((i) => instances.at(i).clientFor(user.credentials));
    for (const client of clients) await client.send(new ListLensesCommand({}));
    await adminCall(instances.at(1), { method: 'DELETE', path: '/users/reader/attached-policies', query: { PolicyArn: READ_ONLY } });
    expect(await timeUntilRefused(clients, (client) => client.send(new ListLensesCommand({})))).toBeLessThan(1_000);

    const other = await createTestUser(instances.at(2), 'departing', { managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    const its = [0, 1].map((i) => instances.at(i).clientFor(other.credentials));
    for (const client of its) await client.send(new ListLensesCommand({}));
    await adminCall(instances.at(2), { method: 'DELETE', path: '/users/departing' });
    expect(await timeUntilRefused(its, (client) => client.send(new ListLensesCommand({})))).toBeLessThan(1_000);
  });

  it('delivers an event raised on one instance exactly once, with every instance delivering', async () => {
    const started = Date.now();
    await adminCall(instances.at(0), { method: 'POST', path: '/event-targets', body: { Name: 'Everywhere', Type: 'webhook', Url: `${receiver.url}/everywhere` } });
    // The new target reaches every instance's cache within a second.
    await until(() => ([1, 2].every((i) => instances.at(i).built.services.events?.targetsOf('111122223333')?.length) ? true : undefined), 'every instance to know the target');
    expect(Date.now() - started).toBeLessThan(1_000);
    const mine = (r: { path: string }) => r.path === '/hook/everywhere';
    const created = await root(2).send(
      new CreateWorkloadCommand({ WorkloadName: 'Evented', Description: 'instances', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: ['us-east-1'] }),
    );
    const [event] = await receiver.waitFor(1, mine);
    expect((event.json.detail.responseElements as { WorkloadId: string }).WorkloadId).toBe(created.WorkloadId);
    // A later event through another instance comes after it; the first was sent once.
    await root(1).send(new CreateWorkloadCommand({ WorkloadName: 'Evented later', Description: 'instances', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: ['us-east-1'] }));
    await receiver.waitFor(2, mine);
    await until(async () => {
      const { Deliveries } = await adminCall<{ Deliveries: Array<{ Status: string }> }>(instances.at(1), {
        method: 'GET',
        path: `/event-targets/${(await adminCall<{ EventTargets: Array<{ TargetId: string }> }>(instances.at(1), { method: 'GET', path: '/event-targets' })).EventTargets[0].TargetId}/deliveries`,
      });
      return Deliveries.length === 2 && Deliveries.every((d) => d.Status === 'DELIVERED') ? true : undefined;
    }, 'both deliveries to be marked delivered');
    const ids = receiver.requests.filter(mine).map((r) => r.json.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});
