import {
  CreateWorkloadCommand,
  GetWorkloadCommand,
  ListWorkloadsCommand,
  UpdateAnswerCommand,
  UpdateWorkloadCommand,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/domain/audit/record';
import { AuditCall, callContext } from '../../src/services/audit/call';
import { mutate } from '../../src/services/context';
import { rootArn } from '../../src/services/principal';
import { expectError, type WireError } from '../support/api-errors';
import { adminCall, adminError, createTestAccount, createTestUser, type Credentials, type TestUser } from '../support/identities';
import { defaultRoot } from '../support/accounts';
import { accept, shareWorkload } from '../support/shares';
import { ROOT_KEY, startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { signedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * The audit trail: a CloudTrail-shaped record of every API call, allowed,
 * denied or failed, with free text redacted; a change and its record commit
 * together; lookups through the admin API by account, principal, event name,
 * resource and time, newest first and paginated.
 */

const OTHER_ACCOUNT = '444455556666';

interface Page {
  Records: AuditRecord[];
  NextToken?: string;
}

const lookup = (server: TestServer, query: Record<string, string> = {}, as?: Credentials) =>
  adminCall<Page>(server, { method: 'GET', path: '/audit', query, as });

async function lookupAll(server: TestServer, query: Record<string, string>, as?: Credentials): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  let next: string | undefined;
  do {
    const page = await lookup(server, next ? { ...query, NextToken: next } : query, as);
    records.push(...page.Records);
    next = page.NextToken;
  } while (next);
  return records;
}

const byRequest = async (server: TestServer, requestId: string | undefined, as?: Credentials) => {
  expect(requestId).toBeTruthy();
  return (await lookupAll(server, {}, as)).filter((r) => r.requestID === requestId);
};

/** The SDK keeps the x-amzn-RequestId of a failed call in the error's metadata too. */
const requestIdOf = (error: WireError) => (error.$metadata as { requestId?: string }).requestId;

const workloadInput = (name: string) => ({
  WorkloadName: name,
  Description: 'Checkout and payment flows',
  ReviewOwner: 'jane@example.com',
  Environment: 'PRODUCTION' as const,
  Lenses: ['wellarchitected'],
  AwsRegions: ['us-east-1'],
});

describe.each(storeKinds())('audit trail (%s)', (kind) => {
  let server: TestServer;
  let noPolicy: TestUser;
  let otherRoot: Credentials;
  let workloadId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    noPolicy = await createTestUser(server, 'mateojackson');
    otherRoot = await createTestAccount(server, OTHER_ACCOUNT);
  });
  afterAll(() => server?.close());

  it('records an allowed change as CloudTrail does, with free text redacted', async () => {
    const created = await server.client.send(new CreateWorkloadCommand({ ...workloadInput('Retail Website - North America'), ClientRequestToken: 'token-audit-1' }));
    workloadId = created.WorkloadId!;
    // Committed with the change: in the store when the answer arrives, before any batch or lookup.
    // One statement, so a batch moving the journal meanwhile cannot hide or double the row.
    const { db } = server.built.services.store;
    const mentions = `%${created.$metadata.requestId}%`;
    const stored = await db
      .selectFrom('audit_journal')
      .select('event_id')
      .where('record', 'like', mentions)
      .unionAll(db.selectFrom('audit_records').select('event_id').where('record', 'like', mentions))
      .execute();
    expect(stored).toHaveLength(1);
    const [record, ...more] = await byRequest(server, created.$metadata.requestId);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      eventVersion: '1.08',
      userIdentity: { type: 'Root', principalId: TEST_ACCOUNT, arn: rootArn(TEST_ACCOUNT), accountId: TEST_ACCOUNT, accessKeyId: ROOT_KEY.accessKeyId },
      eventSource: 'wellarchitected.amazonaws.com',
      eventName: 'CreateWorkload',
      awsRegion: TEST_REGION,
      sourceIPAddress: '127.0.0.1',
      requestParameters: {
        ClientRequestToken: 'token-audit-1',
        WorkloadName: '****',
        Description: '****',
        ReviewOwner: '****',
        Environment: 'PRODUCTION',
        Lenses: ['wellarchitected'],
        AwsRegions: ['us-east-1'],
      },
      responseElements: { WorkloadId: workloadId, WorkloadArn: created.WorkloadArn },
      readOnly: false,
      eventType: 'AwsApiCall',
      recipientAccountId: TEST_ACCOUNT,
      resources: [created.WorkloadArn],
    });
    expect(record.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(record.eventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(record.userAgent).toContain('aws-sdk-js');
    expect(record.errorCode).toBeUndefined();
    expect(JSON.stringify(record)).not.toContain('Retail Website');
  });

  it('redacts answers and notes as the EventBridge sample shows', async () => {
    const answered = await server.client.send(
      new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: ['ops_priorities_ext_cust_needs'], Notes: 'secret plans' }),
    );
    const [record] = await byRequest(server, answered.$metadata.requestId);
    expect(record.requestParameters).toEqual({
      WorkloadId: workloadId,
      LensAlias: 'wellarchitected',
      QuestionId: 'priorities',
      SelectedChoices: '****',
      Notes: '****',
    });
    expect(record.responseElements).toMatchObject({ WorkloadId: workloadId, LensAlias: 'wellarchitected', Answer: '****' });
    expect(JSON.stringify(record)).not.toContain('secret plans');
    expect(JSON.stringify(record)).not.toContain('ops_priorities_ext_cust_needs');
  });

  it('records reads as read-only, without their answers', async () => {
    const listed = await server.client.send(new ListWorkloadsCommand({ WorkloadNamePrefix: 'Retail' }));
    const [record] = await byRequest(server, listed.$metadata.requestId);
    expect(record).toMatchObject({ eventName: 'ListWorkloads', readOnly: true, requestParameters: { WorkloadNamePrefix: '****' }, responseElements: null });
  });

  it('records a denied call with the user and the error, in the user\'s account', async () => {
    const denied = await expectError(noPolicy.client.send(new CreateWorkloadCommand(workloadInput('Denied workload'))), 'AccessDeniedException');
    const [record] = await byRequest(server, requestIdOf(denied));
    expect(record).toMatchObject({
      eventName: 'CreateWorkload',
      userIdentity: { type: 'IAMUser', arn: noPolicy.arn, accountId: TEST_ACCOUNT, userName: 'mateojackson', accessKeyId: noPolicy.credentials.accessKeyId },
      errorCode: 'AccessDeniedException',
      errorMessage: denied.message,
      requestParameters: { WorkloadName: '****' },
      responseElements: null,
    });
    expect(record.userIdentity.principalId).toMatch(/^AIDA/);
    const byUser = await lookupAll(server, { UserName: 'mateojackson' });
    expect(byUser.map((r) => r.requestID)).toContain(requestIdOf(denied));
    expect(byUser.every((r) => r.userIdentity.arn === noPolicy.arn)).toBe(true);
  });

  it('records calls that fail validation or find nothing', async () => {
    const invalid = await signedFetch(server.url, { method: 'POST', path: '/workloads', body: JSON.stringify({ ...workloadInput('ab'), ClientRequestToken: 'token-audit-2' }) });
    expect(invalid.status).toBe(400);
    const [validation] = await byRequest(server, invalid.headers.get('x-amzn-RequestId')!);
    // The members that broke the model's rules are not bound, so the record keeps the others.
    expect(validation).toMatchObject({ eventName: 'CreateWorkload', errorCode: 'ValidationException', requestParameters: { Description: '****', Environment: 'PRODUCTION' } });
    expect(validation.errorMessage).toContain('WorkloadName');

    const missing = await expectError(server.client.send(new GetWorkloadCommand({ WorkloadId: 'f'.repeat(32) })), 'ResourceNotFoundException');
    const [notFound] = await byRequest(server, requestIdOf(missing));
    expect(notFound).toMatchObject({ eventName: 'GetWorkload', readOnly: true, errorCode: 'ResourceNotFoundException', requestParameters: { WorkloadId: 'f'.repeat(32) } });
  });

  it('leaves only a failure record when a change is refused inside its transaction, and changes nothing', async () => {
    const before = (await server.client.send(new ListWorkloadsCommand({}))).WorkloadSummaries!.length;
    const conflict = await expectError(server.client.send(new CreateWorkloadCommand(workloadInput('Retail Website - North America'))), 'ConflictException');
    const records = await byRequest(server, requestIdOf(conflict));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ eventName: 'CreateWorkload', errorCode: 'ConflictException', responseElements: null });
    expect((await server.client.send(new ListWorkloadsCommand({}))).WorkloadSummaries).toHaveLength(before);
  });

  it('rolls the change and its record back together when the transaction fails after both were written', async () => {
    const { services, audit } = server.built;
    const principal = { accountId: TEST_ACCOUNT, arn: rootArn(TEST_ACCOUNT), accessKeyId: ROOT_KEY.accessKeyId };
    const description = async () => (await server.client.send(new GetWorkloadCommand({ WorkloadId: workloadId }))).Workload!.Description;
    const original = await description();
    const change = (trx: Parameters<Parameters<typeof mutate>[2]>[0]) =>
      trx.updateTable('workloads').set({ description: 'changed inside the transaction' }).where('id', '=', workloadId).execute();

    // The record is written, then queuing its events fails: neither the change nor the record may stay.
    const sinkFails = new AuditCall(
      { recordChange: async (trx, call, response) => { await audit.recordChange(trx, call, response); throw new Error('cannot queue the events'); }, changeCommitted: () => {}, recordLater: () => {} },
      'req-failed-record',
      Date.now(),
      '127.0.0.1',
      'test',
    );
    sinkFails.eventName = 'UpdateWorkload';
    sinkFails.request = { WorkloadId: workloadId };
    sinkFails.principal = principal;
    await expect(mutate(callContext(services, sinkFails), { principal, operation: 'UpdateWorkload' }, change)).rejects.toThrow('cannot queue');

    expect(await description()).toBe(original);
    const ids = (await lookupAll(server, { EventName: 'UpdateWorkload' })).map((r) => r.requestID);
    expect(ids).not.toContain('req-failed-record');
  });

  it('records a replayed request once more without a second change', async () => {
    const again = await server.client.send(new CreateWorkloadCommand({ ...workloadInput('Retail Website - North America'), ClientRequestToken: 'token-audit-1' }));
    expect(again.WorkloadId).toBe(workloadId);
    const [record] = await byRequest(server, again.$metadata.requestId);
    expect(record).toMatchObject({ eventName: 'CreateWorkload', responseElements: { WorkloadId: workloadId } });
    expect(record.errorCode).toBeUndefined();
  });

  it('records a call with a bad signature only in the trail of the key it names', async () => {
    const forged = await signedFetch(server.url, { method: 'POST', path: '/workloadsSummaries', body: '{}', credentials: { ...ROOT_KEY, secretAccessKey: 'not-the-secret-at-all' } });
    expect(forged.status).toBe(403);
    const [record] = await byRequest(server, forged.headers.get('x-amzn-RequestId')!);
    // The record holds the error the caller was sent, type and message.
    const sent = JSON.parse(forged.text) as { Message: string };
    expect(record).toMatchObject({ eventName: 'ListWorkloads', errorCode: forged.headers.get('x-amzn-ErrorType'), errorMessage: sent.Message, requestParameters: null, userIdentity: { accountId: TEST_ACCOUNT } });
    expect(record.errorCode).toBe('AccessDeniedException');
    const unknown = await signedFetch(server.url, { method: 'POST', path: '/workloadsSummaries', body: '{}', credentials: { accessKeyId: 'PLMBNOSUCHKEY0000001', secretAccessKey: 'whatever-secret' } });
    expect(unknown.status).toBe(403);
    const everywhere = [...(await lookupAll(server, {})), ...(await lookupAll(server, {}, otherRoot))];
    expect(everywhere.map((r) => r.requestID)).not.toContain(unknown.headers.get('x-amzn-RequestId'));
  });

  it('puts a recipient\'s call on a shared workload in both trails', async () => {
    const other = { accountId: OTHER_ACCOUNT, sharedWith: OTHER_ACCOUNT, client: server.clientFor(otherRoot), credentials: otherRoot };
    await shareWorkload(defaultRoot(server), workloadId, other, 'CONTRIBUTOR');
    await accept(other, workloadId);
    const answered = await other.client.send(new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: [] }));
    const [ownerView] = await byRequest(server, answered.$metadata.requestId);
    const [callerView] = await byRequest(server, answered.$metadata.requestId, otherRoot);
    expect(ownerView).toEqual(callerView);
    expect(ownerView).toMatchObject({ recipientAccountId: TEST_ACCOUNT, userIdentity: { accountId: OTHER_ACCOUNT }, resources: [`arn:aws:wellarchitected:${TEST_REGION}:${TEST_ACCOUNT}:workload/${workloadId}`] });
  });

  it('filters by event name, resource, read-only and time, newest first, in stable pages', async () => {
    for (const n of [1, 2, 3]) {
      await server.client.send(new UpdateWorkloadCommand({ WorkloadId: workloadId, Description: `revision ${n}` }));
    }
    // Lookups are calls too: each leaves its own record, which the pages compared leave out.
    const notLookups = (records: Array<{ eventName: string; eventID: string }>) => records.filter((r) => r.eventName !== 'ListAuditRecords').map((r) => r.eventID);
    const all = await lookupAll(server, {});
    const times = all.map((r) => Date.parse(r.eventTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const paged = await lookupAll(server, { MaxResults: '2' });
    expect(notLookups(paged)).toEqual(notLookups(all));
    expect(new Set(paged.map((r) => r.eventID)).size).toBe(paged.length);

    const updates = await lookupAll(server, { EventName: 'UpdateWorkload' });
    expect(updates.filter((r) => !r.errorCode)).toHaveLength(3);
    expect(updates.every((r) => r.eventName === 'UpdateWorkload')).toBe(true);

    const workloadArn = `arn:aws:wellarchitected:${TEST_REGION}:${TEST_ACCOUNT}:workload/${workloadId}`;
    const onWorkload = await lookupAll(server, { ResourceArn: workloadArn });
    expect(new Set(onWorkload.map((r) => r.eventName))).toEqual(new Set(['CreateWorkload', 'UpdateAnswer', 'UpdateWorkload', 'CreateWorkloadShare', 'GetWorkload']));
    expect(onWorkload.every((r) => r.resources?.[0] === workloadArn)).toBe(true);

    const reads = await lookupAll(server, { ReadOnly: 'true' });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.readOnly)).toBe(true);

    const newest = Math.floor(times[0] / 1000);
    const future = await lookupAll(server, { StartTime: String(newest + 1) });
    expect(notLookups(future)).toEqual([]);
    const upToNewest = await lookupAll(server, { EndTime: String(newest) });
    expect(notLookups(upToNewest)).toEqual(notLookups(all));

    const bad = await adminError(lookup(server, { StartTime: 'yesterday', MaxResults: '0' }));
    expect(bad.type).toBe('ValidationException');
    expect(bad.body.Fields?.map((f) => f.Name)).toEqual(expect.arrayContaining(['StartTime']));
  });

  it('shows each account only its own trail; the default account\'s root may name any', async () => {
    const otherTrail = await lookupAll(server, {}, otherRoot);
    expect(otherTrail.length).toBeGreaterThan(0);
    expect(otherTrail.every((r) => r.userIdentity.accountId === OTHER_ACCOUNT || r.recipientAccountId === OTHER_ACCOUNT)).toBe(true);
    expect(otherTrail.some((r) => r.userIdentity.accountId === TEST_ACCOUNT && r.recipientAccountId === TEST_ACCOUNT)).toBe(false);

    expect((await adminError(lookup(server, { AccountId: TEST_ACCOUNT }, otherRoot))).type).toBe('AccessDeniedException');
    const fullAccess = await createTestUser(server, 'auditor', { managed: ['WellArchitectedConsoleFullAccess'] });
    expect((await adminError(lookup(server, {}, fullAccess.credentials))).type).toBe('AccessDeniedException');

    const asAdmin = await lookupAll(server, { AccountId: OTHER_ACCOUNT });
    expect(asAdmin.map((r) => r.eventID)).toEqual((await lookupAll(server, {}, otherRoot)).map((r) => r.eventID));
  });
});
