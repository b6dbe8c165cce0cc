import { CreateWorkloadCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../support/identities';
import { startServer, type TestServer } from '../support/server';
import { signedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * POST /_plumbline/permissions/simulate: which actions the caller may perform on a
 * resource, decided by the same authorization as the calls themselves (the console
 * disables what would be refused). Each answer is checked against the real call.
 */

describe.each(storeKinds())('permission simulation on %s', (kind) => {
  let server: TestServer;
  let reader: TestUser;
  let tagged: TestUser;
  let workloadId: string;
  let otherId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    const create = (name: string, team: string) =>
      server.client.send(
        new CreateWorkloadCommand({ WorkloadName: name, Description: 'Permission checks', Environment: 'PRODUCTION', AwsRegions: ['us-east-1'], ReviewOwner: 'Ana', Lenses: ['wellarchitected'], Tags: { team } }),
      );
    workloadId = (await create('Payments', 'payments')).WorkloadId!;
    otherId = (await create('Search', 'search')).WorkloadId!;
    reader = await createTestUser(server, 'reader', { managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    // May change only the workloads tagged team=payments: the answer depends on the resource.
    tagged = await createTestUser(server, 'payments-editor', {
      inline: {
        edit: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'wellarchitected:Get*', Resource: '*' },
            { Effect: 'Allow', Action: 'wellarchitected:UpdateWorkload', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'payments' } } },
            { Effect: 'Deny', Action: 'wellarchitected:DeleteWorkload', Resource: '*' },
          ],
        }),
      },
    });
  });
  afterAll(() => server?.close());

  const simulate = (credentials: TestUser['credentials'] | undefined, body: unknown) =>
    signedFetch(server.url, { method: 'POST', path: '/_plumbline/permissions/simulate', body: JSON.stringify(body), ...(credentials ? { credentials } : {}) });
  const decisions = (json: unknown) => Object.fromEntries((json as { EvaluationResults: Array<{ EvalActionName: string; EvalDecision: string }> }).EvaluationResults.map((r) => [r.EvalActionName, r.EvalDecision]));

  it('allows the root user everything', async () => {
    const response = await simulate(undefined, { ActionNames: ['CreateWorkload', 'DeleteWorkload'], Resource: { WorkloadId: workloadId } });
    expect(response.status, response.text).toBe(200);
    expect(decisions(response.json)).toEqual({ 'wellarchitected:CreateWorkload': 'allowed', 'wellarchitected:DeleteWorkload': 'allowed' });
  });

  it('answers for a read-only user as the calls themselves do', async () => {
    const response = await simulate(reader.credentials, { ActionNames: ['GetWorkload', 'UpdateWorkload', 'CreateMilestone', 'UpdateAnswer'], Resource: { WorkloadId: workloadId } });
    expect(response.status, response.text).toBe(200);
    expect(decisions(response.json)).toEqual({
      'wellarchitected:GetWorkload': 'allowed',
      'wellarchitected:UpdateWorkload': 'denied',
      'wellarchitected:CreateMilestone': 'denied',
      'wellarchitected:UpdateAnswer': 'denied',
    });
    const none = await simulate(reader.credentials, { ActionNames: ['CreateWorkload'] });
    expect(decisions(none.json)).toEqual({ 'wellarchitected:CreateWorkload': 'denied' });
  });

  it('decides by the resource: its tags, and an explicit Deny', async () => {
    const payments = await simulate(tagged.credentials, { ActionNames: ['UpdateWorkload', 'DeleteWorkload'], Resource: { WorkloadId: workloadId } });
    expect(decisions(payments.json)).toEqual({ 'wellarchitected:UpdateWorkload': 'allowed', 'wellarchitected:DeleteWorkload': 'denied' });
    const search = await simulate(tagged.credentials, { ActionNames: ['UpdateWorkload'], Resource: { WorkloadId: otherId } });
    expect(decisions(search.json)).toEqual({ 'wellarchitected:UpdateWorkload': 'denied' });
  });

  it('names every wrong member of the request', async () => {
    const response = await simulate(reader.credentials, { ActionNames: ['Get Workload', 7], Resource: { Workload: 'x', WorkloadId: '' } });
    expect(response.status).toBe(400);
    expect(response.json?.Fields).toEqual([
      { Name: 'ActionNames[0]', Message: 'must be an action name such as CreateWorkload or plumbline:CreateUser' },
      { Name: 'ActionNames[1]', Message: 'must be an action name such as CreateWorkload or plumbline:CreateUser' },
      { Name: 'Resource.Workload', Message: 'is not a resource member; use WorkloadId, LensAlias, WorkloadArn, ProfileArn, TemplateArn, ResourceArn' },
      { Name: 'Resource.WorkloadId', Message: 'must be a string of 1 to 2048 characters' },
    ]);
    const empty = await simulate(reader.credentials, { ActionNames: [] });
    expect(empty.json?.Fields).toEqual([{ Name: 'ActionNames', Message: 'must be a list of 1 to 50 action names' }]);
  });

  it('is refused without a signature', async () => {
    const response = await fetch(`${server.url}/_plumbline/permissions/simulate`, { method: 'POST', body: JSON.stringify({ ActionNames: ['GetWorkload'] }) });
    expect(response.status).toBe(403);
  });
});
