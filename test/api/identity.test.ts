import {
  CreateWorkloadCommand,
  DeleteWorkloadCommand,
  GetLensCommand,
  GetLensReviewCommand,
  GetWorkloadCommand,
  ListLensesCommand,
  ListWorkloadsCommand,
  TagResourceCommand,
  UpdateAnswerCommand,
  UpdateWorkloadCommand,
  type CreateWorkloadCommandInput,
} from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workloadArn } from '../../src/domain/arn';
import { expectError } from '../support/api-errors';
import { adminCall, createTestUser } from '../support/identities';
import { startServer, TEST_ACCOUNT, TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * Identity policies deciding API calls of IAM users ("Identity and access management"
 * in the user guide): the managed policies, explicit Deny over Allow over the implicit
 * deny, resource ARNs, tag conditions and policy variables; denials are 403
 * AccessDeniedException worded as the spec's troubleshooting example.
 */

const denied = (user: string, operation: string, resource: string) =>
  `User: arn:aws:iam::${TEST_ACCOUNT}:user/${user} is not authorized to perform: wellarchitected:${operation} on resource: ${resource}`;

const workloadInput = (name: string, extra: Partial<CreateWorkloadCommandInput> = {}): CreateWorkloadCommandInput => ({
  WorkloadName: name,
  Description: 'A workload under test',
  Environment: 'PREPRODUCTION',
  Lenses: ['wellarchitected'],
  ...extra,
});

describe.each(storeKinds())('identity policies (%s)', (kind) => {
  let server: TestServer;
  let workloadId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    ({ WorkloadId: workloadId } = (await server.client.send(new CreateWorkloadCommand(workloadInput('Owned by root')))) as { WorkloadId: string });
  });
  afterAll(() => server?.close());

  it('lets the read-only managed policy Get and List, and denies changes with the spec message', async () => {
    const reader = await createTestUser(server, 'reader', { managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    expect((await reader.client.send(new GetWorkloadCommand({ WorkloadId: workloadId }))).Workload?.WorkloadName).toBe('Owned by root');
    expect((await reader.client.send(new ListWorkloadsCommand({}))).WorkloadSummaries?.map((w) => w.WorkloadId)).toContain(workloadId);
    expect((await reader.client.send(new GetLensReviewCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected' }))).LensReview).toBeDefined();
    expect((await reader.client.send(new ListLensesCommand({}))).LensSummaries?.length).toBeGreaterThan(0);

    const update = await expectError(
      reader.client.send(new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: [] })),
      'AccessDeniedException',
    );
    expect(update.message).toBe(denied('reader', 'UpdateAnswer', workloadId));
    const create = await expectError(reader.client.send(new CreateWorkloadCommand(workloadInput('Not allowed'))), 'AccessDeniedException');
    expect(create.message).toBe(denied('reader', 'CreateWorkload', '*'));
    // The denied call changed nothing.
    const names = (await server.client.send(new ListWorkloadsCommand({}))).WorkloadSummaries?.map((w) => w.WorkloadName);
    expect(names).not.toContain('Not allowed');
  });

  it('lets the full-access managed policy create, change and delete', async () => {
    const admin = await createTestUser(server, 'fullaccess', { managed: ['WellArchitectedConsoleFullAccess'] });
    const { WorkloadId } = await admin.client.send(new CreateWorkloadCommand(workloadInput('Made by a user')));
    await admin.client.send(new UpdateWorkloadCommand({ WorkloadId, Description: 'Changed by a user' }));
    expect((await server.client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.Description).toBe('Changed by a user');
    await admin.client.send(new DeleteWorkloadCommand({ WorkloadId, ClientRequestToken: 'delete-by-user-1' }));
    await expectError(server.client.send(new GetWorkloadCommand({ WorkloadId })), 'ResourceNotFoundException');
  });

  it('lets an explicit Deny on DeleteWorkload beat full access', async () => {
    const user = await createTestUser(server, 'nodelete', {
      managed: ['WellArchitectedConsoleFullAccess'],
      inline: { NoDelete: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'wellarchitected:DeleteWorkload', Resource: '*' }] } },
    });
    const { WorkloadId } = await user.client.send(new CreateWorkloadCommand(workloadInput('Cannot be deleted by its maker')));
    await user.client.send(new UpdateWorkloadCommand({ WorkloadId, Description: 'still allowed' }));
    const error = await expectError(user.client.send(new DeleteWorkloadCommand({ WorkloadId, ClientRequestToken: 'deny-delete-1' })), 'AccessDeniedException');
    expect(error.message).toBe(denied('nodelete', 'DeleteWorkload', WorkloadId!));
    expect((await server.client.send(new GetWorkloadCommand({ WorkloadId }))).Workload?.WorkloadId).toBe(WorkloadId);
  });

  it('denies everything to a user with no policy', async () => {
    const nobody = await createTestUser(server, 'nobody');
    expect((await expectError(nobody.client.send(new ListLensesCommand({})), 'AccessDeniedException')).message).toBe(denied('nobody', 'ListLenses', '*'));
    expect((await expectError(nobody.client.send(new GetWorkloadCommand({ WorkloadId: workloadId })), 'AccessDeniedException')).message).toBe(
      denied('nobody', 'GetWorkload', workloadId),
    );
    const lens = await expectError(nobody.client.send(new GetLensCommand({ LensAlias: 'serverless' })), 'AccessDeniedException');
    expect(lens.message).toBe(denied('nobody', 'GetLens', 'arn:aws:wellarchitected::aws:lens/serverless'));
  });

  it('takes a policy change into account at once', async () => {
    const user = await createTestUser(server, 'latecomer');
    await expectError(user.client.send(new ListLensesCommand({})), 'AccessDeniedException');
    await adminCall(server, {
      method: 'POST',
      path: '/users/latecomer/attached-policies',
      body: { PolicyArn: 'arn:aws:iam::aws:policy/WellArchitectedConsoleReadOnlyAccess' },
    });
    expect((await user.client.send(new ListLensesCommand({}))).LensSummaries?.length).toBeGreaterThan(0);
    await adminCall(server, {
      method: 'DELETE',
      path: '/users/latecomer/attached-policies',
      query: { PolicyArn: 'arn:aws:iam::aws:policy/WellArchitectedConsoleReadOnlyAccess' },
    });
    await expectError(user.client.send(new ListLensesCommand({})), 'AccessDeniedException');
  });

  it('matches Resource against the workload ARN', async () => {
    const { WorkloadId: other } = await server.client.send(new CreateWorkloadCommand(workloadInput('Not in the policy')));
    const user = await createTestUser(server, 'onewl', {
      inline: {
        OneWorkload: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['wellarchitected:Get*', 'wellarchitected:List*'], Resource: workloadArn(TEST_REGION, TEST_ACCOUNT, workloadId) }],
        },
      },
    });
    expect((await user.client.send(new GetWorkloadCommand({ WorkloadId: workloadId }))).Workload?.WorkloadId).toBe(workloadId);
    await expectError(user.client.send(new GetWorkloadCommand({ WorkloadId: other })), 'AccessDeniedException');
    // Listing has no resource: "*" does not match a workload ARN.
    await expectError(user.client.send(new ListWorkloadsCommand({})), 'AccessDeniedException');
  });

  it('allows UpdateWorkload only where the workload is tagged team = payments', async () => {
    const tagged = async (name: string, team?: string) =>
      (await server.client.send(new CreateWorkloadCommand(workloadInput(name, team ? { Tags: { team } } : {})))).WorkloadId!;
    const payments = await tagged('Payments API', 'payments');
    const search = await tagged('Search API', 'search');
    const untagged = await tagged('Untagged API');
    const user = await createTestUser(server, 'payments-dev', {
      inline: {
        PaymentsOnly: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'wellarchitected:UpdateWorkload', Resource: '*', Condition: { StringEquals: { 'wellarchitected:ResourceTag/team': 'payments' } } },
          ],
        },
      },
    });
    await user.client.send(new UpdateWorkloadCommand({ WorkloadId: payments, Description: 'by the payments team' }));
    expect((await server.client.send(new GetWorkloadCommand({ WorkloadId: payments }))).Workload?.Description).toBe('by the payments team');
    for (const id of [search, untagged]) {
      const error = await expectError(user.client.send(new UpdateWorkloadCommand({ WorkloadId: id, Description: 'not for this user' })), 'AccessDeniedException');
      expect(error.message).toBe(denied('payments-dev', 'UpdateWorkload', id));
    }
    // Retagging the workload moves it out of the user's reach.
    await server.client.send(new TagResourceCommand({ WorkloadArn: workloadArn(TEST_REGION, TEST_ACCOUNT, payments), Tags: { team: 'search' } }));
    // The resource's tags are read per call, not cached with the policies.
    await expectError(user.client.send(new UpdateWorkloadCommand({ WorkloadId: payments, Description: 'no longer' })), 'AccessDeniedException');
  });

  it('reads request tags (aws:RequestTag, aws:TagKeys) and the aws:username variable', async () => {
    const user = await createTestUser(server, 'tagger', {
      inline: {
        OwnWorkloads: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'wellarchitected:CreateWorkload',
              Resource: '*',
              Condition: { StringEquals: { 'aws:RequestTag/owner': '${aws:username}' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['owner', 'team'] } },
            },
          ],
        },
      },
    });
    await user.client.send(new CreateWorkloadCommand(workloadInput('Tagged by its owner', { Tags: { owner: 'tagger', team: 'a' } })));
    await expectError(user.client.send(new CreateWorkloadCommand(workloadInput('Someone else', { Tags: { owner: 'reader' } }))), 'AccessDeniedException');
    await expectError(user.client.send(new CreateWorkloadCommand(workloadInput('Extra tag', { Tags: { owner: 'tagger', cost: 'x' } }))), 'AccessDeniedException');
    await expectError(user.client.send(new CreateWorkloadCommand(workloadInput('No tags'))), 'AccessDeniedException');
  });

  it('leaves the root user unrestricted by policies', async () => {
    const { WorkloadId } = await server.client.send(new CreateWorkloadCommand(workloadInput('Root may do anything')));
    await server.client.send(new DeleteWorkloadCommand({ WorkloadId, ClientRequestToken: 'root-delete-1' }));
    await expectError(server.client.send(new GetWorkloadCommand({ WorkloadId })), 'ResourceNotFoundException');
  });
});
