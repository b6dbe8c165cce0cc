import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  CreateWorkloadCommand,
  GetWorkloadCommand,
  ListWorkloadsCommand,
  UpdateAnswerCommand,
  type WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/api-errors';
import { adminCall, adminError, createTestAccount, type Credentials } from '../support/identities';
import { startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';
import { until, WebhookReceiver, type ReceivedRequest } from '../support/webhook-receiver';

/**
 * Events of the user guide's "EventBridge" chapter delivered to targets an
 * administrator configures: signed webhooks and NDJSON files, filtered by
 * patterns, retried with backoff, kept in the outbox across a restart, and the
 * delivery state shown by the admin API.
 */

const OTHER_ACCOUNT = '444455556666';
const FAST = {
  PLUMBLINE_EVENTS_POLL_MS: '20',
  PLUMBLINE_EVENTS_RETRY_BASE_MS: '30',
  PLUMBLINE_EVENTS_RETRY_MAX_MS: '200',
  PLUMBLINE_EVENTS_MAX_ATTEMPTS: '3',
  PLUMBLINE_EVENTS_WEBHOOK_TIMEOUT_MS: '3000',
};

interface Target {
  TargetId: string;
  Name: string;
  Enabled: boolean;
  FilePath?: string;
  Pattern?: unknown;
  Delivery: { Backlog: number; FailedCount: number; DeliveredCount: number; LastStatus?: string; LastError?: string; LastAttemptAt?: number; LastSuccessAt?: number };
}
interface Delivery {
  EventId: string;
  EventName: string;
  Status: string;
  Attempts: number;
  LastError?: string;
}

describe.each(storeKinds())('events (%s)', (kind) => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let otherRoot: Credentials;

  beforeAll(async () => {
    server = await startServer(kind, FAST);
    receiver = await WebhookReceiver.start();
    otherRoot = await createTestAccount(server, OTHER_ACCOUNT);
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  const createTarget = (body: Record<string, unknown>, as?: Credentials) =>
    adminCall<{ EventTarget: Target; Secret?: string }>(server, { method: 'POST', path: '/event-targets', body, as });
  const getTarget = (id: string) => adminCall<{ EventTarget: Target }>(server, { method: 'GET', path: `/event-targets/${id}` }).then((r) => r.EventTarget);
  const deleteTarget = (id: string, as?: Credentials) => adminCall(server, { method: 'DELETE', path: `/event-targets/${id}`, as });
  const deliveries = (id: string) =>
    adminCall<{ Deliveries: Delivery[] }>(server, { method: 'GET', path: `/event-targets/${id}/deliveries` }).then((r) => r.Deliveries);
  /** A target's own hook path, so each test tells its requests from the others'. */
  const hook = (name: string) => `${receiver.url}/${name}`;
  const to = (name: string) => (request: ReceivedRequest) => request.path === `/hook/${name}`;

  const createWorkload = (client: WellArchitectedClient, name: string) =>
    client.send(new CreateWorkloadCommand({ WorkloadName: name, Description: 'Events under test', Environment: 'PREPRODUCTION', Lenses: ['wellarchitected'], ReviewOwner: 'ops' }));
  const updateAnswer = (workloadId: string) =>
    server.client.send(
      new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: ['ops_priorities_ext_cust_needs'] }),
    );

  it('posts CreateWorkload and UpdateAnswer events shaped like the samples, signed with the target secret', async () => {
    const { EventTarget: target, Secret } = await createTarget({ Name: 'Everything', Type: 'webhook', Url: hook('all') });
    expect(Secret).toMatch(/^[0-9a-f]{64}$/);
    expect(target).toMatchObject({ Name: 'Everything', Enabled: true, Delivery: { Backlog: 0, FailedCount: 0, DeliveredCount: 0 } });
    const { WorkloadId } = await createWorkload(server.client, 'Events webhook');
    await updateAnswer(WorkloadId!);
    const [created, answered] = await receiver.waitFor(2, to('all'));

    expect(created.json).toMatchObject({
      version: '0',
      'detail-type': 'AWS API Call via CloudTrail',
      source: 'aws.wellarchitected',
      account: TEST_ACCOUNT,
      region: TEST_REGION,
      detail: { eventName: 'CreateWorkload', eventSource: 'wellarchitected.amazonaws.com', readOnly: false, recipientAccountId: TEST_ACCOUNT },
    });
    expect(created.json.time).toBe(created.json.detail.eventTime);
    expect(Array.isArray(created.json.resources)).toBe(true);
    expect(answered.json.detail).toMatchObject({ eventName: 'UpdateAnswer', requestParameters: { WorkloadId, QuestionId: 'priorities' } });
    for (const request of [created, answered]) {
      const expected = `sha256=${createHmac('sha256', Secret!).update(request.body).digest('hex')}`;
      expect(request.headers['x-plumbline-signature']).toBe(expected);
      expect(request.headers['x-plumbline-event-id']).toBe(request.json.id);
      expect(Math.abs(Number(request.headers['x-plumbline-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(request.headers['content-type']).toBe('application/json');
    }

    const state = await until(async () => {
      const t = await getTarget(target.TargetId);
      return t.Delivery.DeliveredCount === 2 ? t : undefined;
    }, 'the delivery state to show both deliveries');
    expect(state.Delivery).toMatchObject({ Backlog: 0, FailedCount: 0, LastStatus: 'HTTP 200' });
    expect(state.Delivery.LastSuccessAt).toBeGreaterThan(0);
    await deleteTarget(target.TargetId);
  });

  it('sends nothing for read-only and failed calls, and only matching events to a filtered target', async () => {
    const { EventTarget: all } = await createTarget({ Name: 'All of them', Type: 'webhook', Url: hook('unfiltered') });
    const { EventTarget: filtered } = await createTarget({
      Name: 'Creations only',
      Type: 'webhook',
      Url: hook('filtered'),
      Pattern: { source: ['aws.wellarchitected'], detail: { eventName: [{ prefix: 'Create' }], requestParameters: { Environment: ['PREPRODUCTION'] } } },
    });
    expect(filtered.Pattern).toMatchObject({ detail: { eventName: [{ prefix: 'Create' }] } });
    const { WorkloadId } = await createWorkload(server.client, 'Events filtered');
    await server.client.send(new GetWorkloadCommand({ WorkloadId }));
    await server.client.send(new ListWorkloadsCommand({}));
    await expectError(
      server.client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: 'wellarchitected', QuestionId: 'no-such-question', SelectedChoices: [] })),
      'ValidationException',
    );
    await expectError(
      server.client.send(new UpdateAnswerCommand({ WorkloadId: 'f'.repeat(32), LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: [] })),
      'ResourceNotFoundException',
    );
    await updateAnswer(WorkloadId!);

    // The outbox rows commit with their changes, so the lists are complete now. Creating
    // the second target is a change of Plumbline's own API: it raises an event too.
    expect((await deliveries(all.TargetId)).map((d) => d.EventName).sort()).toEqual(['CreateEventTarget', 'CreateWorkload', 'UpdateAnswer']);
    expect((await deliveries(filtered.TargetId)).map((d) => d.EventName)).toEqual(['CreateWorkload']);
    const [only] = await receiver.waitFor(1, to('filtered'));
    expect(only.json.detail.eventName).toBe('CreateWorkload');
    await receiver.waitFor(3, to('unfiltered'));
    await deleteTarget(all.TargetId);
    await deleteTarget(filtered.TargetId);
  });

  it('gives each account only its own events; another account cannot see or change a target', async () => {
    const { EventTarget: mine } = await createTarget({ Name: 'Mine', Type: 'webhook', Url: hook('mine') });
    const { EventTarget: theirs } = await createTarget({ Name: 'Theirs', Type: 'webhook', Url: hook('theirs') }, otherRoot);
    await createWorkload(server.clientFor(otherRoot), 'Other account workload');
    const [received] = await receiver.waitFor(1, to('theirs'));
    expect(received.json.account).toBe(OTHER_ACCOUNT);
    expect(await deliveries(mine.TargetId)).toEqual([]);

    expect((await adminError(deleteTarget(mine.TargetId, otherRoot))).type).toBe('ResourceNotFoundException');
    const denied = await adminError(adminCall(server, { method: 'GET', path: '/event-targets', query: { AccountId: TEST_ACCOUNT }, as: otherRoot }));
    expect(denied.type).toBe('AccessDeniedException');
    await deleteTarget(mine.TargetId);
    await deleteTarget(theirs.TargetId, otherRoot);
  });

  it('retries a failing webhook with backoff, then delivers; gives up after the last attempt and keeps the failure visible', async () => {
    receiver.answer = (request) => {
      if (to('down')(request)) return 503;
      // The first request to the flaky endpoint fails, the next ones succeed.
      return to('flaky')(request) && receiver.requests.filter(to('flaky')).length === 0 ? 500 : 200;
    };
    const { EventTarget: flaky } = await createTarget({ Name: 'Flaky', Type: 'webhook', Url: hook('flaky'), Pattern: { detail: { eventName: ['CreateWorkload'] } } });
    const { EventTarget: down } = await createTarget({ Name: 'Down', Type: 'webhook', Url: hook('down'), Pattern: { detail: { eventName: ['CreateWorkload'] } } });
    await createWorkload(server.client, 'Events retried');

    const [first, second] = await receiver.waitFor(2, to('flaky'));
    expect(second.json.id).toBe(first.json.id);
    expect([first.headers['x-plumbline-delivery-attempt'], second.headers['x-plumbline-delivery-attempt']]).toEqual(['1', '2']);
    const [delivered] = await until(async () => {
      const list = await deliveries(flaky.TargetId);
      return list[0]?.Status === 'DELIVERED' ? list : undefined;
    }, 'the flaky delivery to succeed');
    expect(delivered.Attempts).toBe(2);

    const [failed] = await until(async () => {
      const list = await deliveries(down.TargetId);
      return list[0]?.Status === 'FAILED' ? list : undefined;
    }, 'the delivery to the endpoint that is down to be given up');
    expect(failed).toMatchObject({ Attempts: 3, LastError: expect.stringContaining('HTTP 503') });
    expect(receiver.requests.filter(to('down'))).toHaveLength(3);
    expect((await getTarget(down.TargetId)).Delivery).toMatchObject({ Backlog: 0, FailedCount: 1, LastStatus: 'HTTP 503' });

    // Once the endpoint works again, the given-up delivery can be sent again.
    receiver.answer = () => 200;
    expect(await adminCall(server, { method: 'POST', path: `/event-targets/${down.TargetId}/redrive` })).toEqual({ RequeuedCount: 1 });
    await receiver.waitFor(4, to('down'));
    await until(async () => ((await getTarget(down.TargetId)).Delivery.DeliveredCount === 1 ? true : undefined), 'the redriven delivery');
    await deleteTarget(flaky.TargetId);
    await deleteTarget(down.TargetId);
  });

  it('delivers after a restart what was not delivered when the server stopped', async () => {
    receiver.answer = (request) => (to('restart')(request) && receiver.requests.filter(to('restart')).length === 0 ? 'hang' : 200);
    const { EventTarget: target } = await createTarget({ Name: 'Across restarts', Type: 'webhook', Url: hook('restart') });
    await createWorkload(server.client, 'Events across a restart');
    // The first attempt hangs: the server stops in the middle of it.
    const [hung] = await receiver.waitFor(1, to('restart'));
    await server.restart();
    const requests = await receiver.waitFor(2, to('restart'));
    expect(requests[1].json.id).toBe(hung.json.id);
    const [delivery] = await until(async () => {
      const list = await deliveries(target.TargetId);
      return list[0]?.Status === 'DELIVERED' ? list : undefined;
    }, 'the delivery after the restart');
    expect(delivery.EventName).toBe('CreateWorkload');
    receiver.answer = () => 200;
    await deleteTarget(target.TargetId);
  });

  it('appends one JSON line per event to a file target', async () => {
    const { EventTarget: target, Secret } = await createTarget({ Name: 'Log file', Type: 'file', Path: 'wa/events.ndjson' });
    expect(Secret).toBeUndefined();
    expect(target.FilePath).toMatch(new RegExp(`${TEST_ACCOUNT}/wa/events\\.ndjson$`));
    const { WorkloadId } = await createWorkload(server.client, 'Events to a file');
    await updateAnswer(WorkloadId!);
    const lines = await until(async () => {
      const text = await readFile(target.FilePath!, 'utf8').catch(() => '');
      const found = text.split('\n').filter(Boolean);
      return found.length >= 2 ? found : undefined;
    }, 'two lines in the events file');
    expect(lines.map((line) => (JSON.parse(line) as { detail: { eventName: string } }).detail.eventName)).toEqual(['CreateWorkload', 'UpdateAnswer']);
    await deleteTarget(target.TargetId);
  });

  it('checks targets when saved, naming the bad field', async () => {
    const typo = await adminError(createTarget({ Name: 'Typo', Type: 'webhook', Url: hook('x'), Pattern: { detail: { eventNam: ['UpdateAnswer'] } } }));
    expect(typo.type).toBe('ValidationException');
    expect(typo.body.Fields?.[0]).toMatchObject({ Name: 'Pattern.detail.eventNam' });
    const unknownAction = await adminError(createTarget({ Name: 'Typo', Type: 'webhook', Url: hook('x'), Pattern: { detail: { eventName: ['UpdateAnswers'] } } }));
    expect(unknownAction.body.Fields?.[0]).toMatchObject({ Name: 'Pattern.detail.eventName[0]', Message: expect.stringContaining('UpdateAnswers is not an action') });
    const mixed = await adminError(createTarget({ Name: 'Bad', Type: 'file', Path: '../etc/passwd', Url: 'http://x' }));
    expect(mixed.body.Fields?.map((f) => f.Name).sort()).toEqual(['Path', 'Url']);
    const noUrl = await adminError(createTarget({ Name: 'No url', Type: 'webhook', Url: 'ftp://example.com' }));
    expect(noUrl.body.Fields).toEqual([{ Name: 'Url', Message: 'must use http or https' }]);

    const { EventTarget: target } = await createTarget({ Name: 'Editable', Type: 'webhook', Url: hook('editable'), Enabled: false });
    expect((await adminError(createTarget({ Name: 'EDITABLE', Type: 'webhook', Url: hook('editable') }))).type).toBe('ConflictException');
    const { EventTarget: updated } = await adminCall<{ EventTarget: Target }>(server, {
      method: 'PUT',
      path: `/event-targets/${target.TargetId}`,
      body: { Enabled: true, Pattern: JSON.stringify({ detail: { eventName: ['DeleteWorkload'] } }) },
    });
    expect(updated).toMatchObject({ Enabled: true, Pattern: { detail: { eventName: ['DeleteWorkload'] } } });
    const cleared = await adminCall<{ EventTarget: Target }>(server, { method: 'PUT', path: `/event-targets/${target.TargetId}`, body: { Pattern: null } });
    expect(cleared.EventTarget.Pattern).toBeUndefined();
    const { EventTargets } = await adminCall<{ EventTargets: Target[] }>(server, { method: 'GET', path: '/event-targets', query: { MaxResults: '10' } });
    expect(EventTargets.map((t) => t.Name)).toContain('Editable');
    await deleteTarget(target.TargetId);
    expect((await adminError(getTarget(target.TargetId))).type).toBe('ResourceNotFoundException');
  });
});
