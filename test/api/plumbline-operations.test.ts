import { createHash } from 'node:crypto';
import { CreateReviewTemplateCommand, CreateWorkloadCommand, ImportLensCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plumblineOperations } from '../../src/api/model';
import type { AuditRecord } from '../../src/domain/audit/record';
import { PLUMBLINE_EVENT_ACTIONS } from '../../src/domain/events/actions';
import { isReadOnly } from '../../src/domain/audit/build';
import { MANAGED_POLICIES } from '../../src/domain/iam';
import { adminCall, createTestUser, type Credentials, type TestUser } from '../support/identities';
import { smallLens } from '../support/lens-files';
import { ROOT_KEY, startServer, TEST_ACCOUNT, type TestServer } from '../support/server';
import { signedFetch, unsignedFetch, type RawResponse } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * Every operation of Plumbline's own model goes through the one pipeline: each
 * leaves an audit record when allowed and when denied, a change raises an event
 * named after it, and a policy's Deny of plumbline:<Operation> stops the call.
 */

const OWN = plumblineOperations.map((op) => op.name);

interface Call {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

describe('the Plumbline model', () => {
  it('names as evented exactly its operations that change something', () => {
    expect([...PLUMBLINE_EVENT_ACTIONS].sort()).toEqual(OWN.filter((name) => !isReadOnly(name)).sort());
  });
});

describe.each(storeKinds())('Plumbline operations through the pipeline (%s)', (kind) => {
  let server: TestServer;
  let nobody: TestUser;
  const sent = new Map<string, { allowed?: string; denied?: string }>();

  beforeAll(async () => {
    // Every denial on its own record: repeats of a failure are otherwise one record per window (audit-flood.test.ts).
    server = await startServer(kind, { PLUMBLINE_AUDIT_REPEAT_WINDOW_SECONDS: '0' });
    nobody = await createTestUser(server, 'nobody');
  });
  afterAll(() => server?.close());

  const send = (call: Call, credentials?: Credentials & { sessionToken?: string }) =>
    signedFetch(server.url, {
      method: call.method,
      path: call.path,
      query: call.query,
      body: call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body),
      headers: call.headers,
      credentials: credentials ?? ROOT_KEY,
    });

  const note = (op: string, kindOfCall: 'allowed' | 'denied', response: RawResponse) => {
    sent.set(op, { ...sent.get(op), [kindOfCall]: response.headers.get('x-amzn-RequestId')! });
  };

  /** The call as nobody (no policies: refused by plumbline:<op>), then as the root user; the root's answer. */
  async function both(op: string, call: Call): Promise<RawResponse> {
    const denied = await send(call, nobody.credentials);
    expect(denied.status, `${op} by nobody: ${denied.text}`).toBe(403);
    expect(denied.json?.Message).toContain(`is not authorized to perform: plumbline:${op}`);
    note(op, 'denied', denied);
    const allowed = await send(call);
    expect(allowed.status, `${op}: ${allowed.text}`).toBe(200);
    note(op, 'allowed', allowed);
    return allowed;
  }

  const admin = (path: string) => `/_plumbline/admin${path}`;

  it('records every operation, allowed and denied, and raises an event for every change', async () => {
    // A target first, so that every change after it is queued for it.
    const target = (await both('CreateEventTarget', { method: 'POST', path: admin('/event-targets'), body: { Name: 'all', Type: 'webhook', Url: 'http://127.0.0.1:9/none' } })).json!
      .EventTarget as { TargetId: string };
    const targetPath = admin(`/event-targets/${target.TargetId}`);
    const second = (await send({ method: 'POST', path: admin('/event-targets'), body: { Name: 'second', Type: 'webhook', Url: 'http://127.0.0.1:9/two' } })).json!
      .EventTarget as { TargetId: string };
    await both('ListEventTargets', { method: 'GET', path: admin('/event-targets') });
    await both('GetEventTarget', { method: 'GET', path: targetPath });
    await both('UpdateEventTarget', { method: 'PUT', path: admin(`/event-targets/${second.TargetId}`), body: { Enabled: true } });
    await both('RedriveEventTarget', { method: 'POST', path: admin(`/event-targets/${second.TargetId}/redrive`), body: {} });
    await both('DeleteEventTarget', { method: 'DELETE', path: admin(`/event-targets/${second.TargetId}`) });

    const org = (await both('CreateOrganization', { method: 'POST', path: admin('/organizations'), body: {} })).json!.Organization as { Id: string };
    await both('CreateOrganizationalUnit', { method: 'POST', path: admin(`/organizations/${org.Id}/units`), body: { Name: 'Engineering' } });
    await both('CreateAccount', { method: 'POST', path: admin('/accounts'), body: { AccountId: '999988887777' } });
    await both('ListAccounts', { method: 'GET', path: admin('/accounts') });

    await both('CreateUser', { method: 'POST', path: admin('/users'), body: { UserName: 'piper', Password: 'a long password' } });
    await both('ListUsers', { method: 'GET', path: admin('/users') });
    await both('SetPassword', { method: 'PUT', path: admin('/users/piper/password'), body: { Password: 'another long password' } });
    const key = (await both('CreateAccessKey', { method: 'POST', path: admin('/users/piper/access-keys'), body: {} })).json!.AccessKey as { AccessKeyId: string };
    await both('ListAccessKeys', { method: 'GET', path: admin('/users/piper/access-keys') });
    await both('DeleteAccessKey', { method: 'DELETE', path: admin(`/users/piper/access-keys/${key.AccessKeyId}`) });
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'wellarchitected:List*', Resource: '*' }] };
    await both('PutUserPolicy', { method: 'PUT', path: admin('/users/piper/policies/reads'), body: { PolicyDocument: document } });
    await both('ListUserPolicies', { method: 'GET', path: admin('/users/piper/policies') });
    await both('DeleteUserPolicy', { method: 'DELETE', path: admin('/users/piper/policies/reads') });
    const PolicyArn = MANAGED_POLICIES.WellArchitectedConsoleReadOnlyAccess.arn;
    await both('AttachUserPolicy', { method: 'POST', path: admin('/users/piper/attached-policies'), body: { PolicyArn } });
    await both('DetachUserPolicy', { method: 'DELETE', path: admin('/users/piper/attached-policies'), query: { PolicyArn } });
    await both('DeleteUser', { method: 'DELETE', path: admin('/users/piper') });

    await both('GetRootPassword', { method: 'GET', path: admin('/root/password') });
    await both('SetRootPassword', { method: 'PUT', path: admin('/root/password'), body: { Password: 'the root console password' } });
    // Sign-in is unsigned: refused is a wrong password, recorded in the account it named.
    const wrong = await unsignedFetch(server.url, { method: 'POST', path: '/_plumbline/console/sign-in', body: JSON.stringify({ AccountId: TEST_ACCOUNT, Password: 'not the password' }) });
    expect(wrong.status).toBe(401);
    note('ConsoleSignIn', 'denied', wrong);
    const signedIn = await unsignedFetch(server.url, { method: 'POST', path: '/_plumbline/console/sign-in', body: JSON.stringify({ AccountId: TEST_ACCOUNT, Password: 'the root console password' }) });
    expect(signedIn.status, signedIn.text).toBe(200);
    note('ConsoleSignIn', 'allowed', signedIn);
    const session = signedIn.json as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    // Sign-out needs no permission (it ends the caller's own session): refused is signing out a long-term key.
    const notASession = await send({ method: 'POST', path: '/_plumbline/console/sign-out', body: {} }, nobody.credentials);
    expect(notASession.status).toBe(400);
    note('ConsoleSignOut', 'denied', notASession);
    const signedOut = await send({ method: 'POST', path: '/_plumbline/console/sign-out', body: {} }, {
      accessKeyId: session.AccessKeyId,
      secretAccessKey: session.SecretAccessKey,
      sessionToken: session.SessionToken,
    });
    expect(signedOut.status, signedOut.text).toBe(200);
    note('ConsoleSignOut', 'allowed', signedOut);
    await both('DeleteRootPassword', { method: 'DELETE', path: admin('/root/password') });

    const { WorkloadId } = await server.client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Pipeline workload', Description: 'pipeline', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], ClientRequestToken: 'pipeline-1' }),
    );
    const exported = await both('GetWorkloadExport', { method: 'GET', path: `/_plumbline/export/workloads/${WorkloadId}` });
    await both('GetLensReviewExport', { method: 'GET', path: `/_plumbline/export/workloads/${WorkloadId}/lensReviews/wellarchitected`, query: { Format: 'CSV' } });
    await both('ImportWorkload', { method: 'POST', path: '/_plumbline/import/workloads', query: { WorkloadName: 'Pipeline copy' }, body: exported.text });
    await both('GetPracticeRisks', { method: 'GET', path: `/_plumbline/workloads/${WorkloadId}/lensReviews/wellarchitected/practiceRisks` });
    // A streamed payload: signed with its SHA-256, read only once the call is authorized.
    const finding = JSON.stringify({ CheckId: 'pipeline_check', Status: 'ERROR', AccountId: TEST_ACCOUNT, PracticeIds: ['sec_permissions_emergency_process'], Resources: [{ Id: 'arn:aws:s3:::pipeline' }] });
    await both('ImportCheckResults', {
      method: 'POST',
      path: `/_plumbline/workloads/${WorkloadId}/checks/import`,
      query: { Format: 'JSONL', Source: 'Pipeline' },
      body: finding,
      headers: { 'content-type': 'application/octet-stream', 'x-amz-content-sha256': createHash('sha256').update(finding).digest('hex') },
    });
    const flagged = await both('ListCheckResources', { method: 'GET', path: `/_plumbline/workloads/${WorkloadId}/checks/pipeline_check/resources`, query: { AccountId: TEST_ACCOUNT, Provider: 'Pipeline' } });
    expect(flagged.json!.FlaggedResources).toEqual([expect.objectContaining({ Id: 'arn:aws:s3:::pipeline', Status: 'ERROR' })]);
    await both('GetWorkloadRiskCounts', { method: 'GET', path: '/_plumbline/workloadRiskCounts' });
    await both('ListLensReviewChecks', { method: 'GET', path: `/_plumbline/workloads/${WorkloadId}/lensReviews/wellarchitected/checks` });
    const { TemplateArn } = await server.client.send(
      new CreateReviewTemplateCommand({ TemplateName: 'Pipeline template', Description: 'pipeline', Lenses: ['wellarchitected'], ClientRequestToken: 'pipeline-t' }),
    );
    await both('ApplyReviewTemplate', { method: 'POST', path: '/_plumbline/templates/apply', body: { TemplateArn, WorkloadIds: [WorkloadId], Mode: 'FILL' } });
    const { LensArn } = await server.client.send(new ImportLensCommand({ JSONString: smallLens('Pipeline lens'), ClientRequestToken: 'pipeline-l' }));
    await both('GetLensDraftDifference', { method: 'GET', path: '/_plumbline/lenses/draft-difference', query: { LensAlias: LensArn! } });
    // The lens template holds no data: any signed caller reads it.
    const template = await send({ method: 'GET', path: '/_plumbline/lens-template' }, nobody.credentials);
    expect(template.status).toBe(200);
    note('GetLensTemplate', 'denied', template);
    note('GetLensTemplate', 'allowed', await send({ method: 'GET', path: '/_plumbline/lens-template' }));
    // Permission simulation speaks only of the caller: anyone signed may ask.
    const simulation = { ActionNames: ['CreateWorkload'], Resource: {} };
    const nobodyAsks = await send({ method: 'POST', path: '/_plumbline/permissions/simulate', body: simulation }, nobody.credentials);
    expect(nobodyAsks.json).toEqual({ EvaluationResults: [{ EvalActionName: 'wellarchitected:CreateWorkload', EvalDecision: 'denied' }] });
    note('SimulatePermissions', 'denied', nobodyAsks);
    note('SimulatePermissions', 'allowed', await send({ method: 'POST', path: '/_plumbline/permissions/simulate', body: simulation }));

    let NextToken: string | undefined;
    do {
      const page = await both('ListAuditRecords', { method: 'GET', path: admin('/audit'), query: { MaxResults: '50', ...(NextToken ? { NextToken } : {}) } });
      NextToken = page.json!.NextToken as string | undefined;
    } while (NextToken);
    await both('GetAuditTrailStats', { method: 'GET', path: admin('/audit/stats') });
    // A lookup writes the records waiting before it reads, so the outbox is complete now too.
    const deliveries = (await both('ListEventDeliveries', { method: 'GET', path: `${targetPath}/deliveries`, query: { MaxResults: '1000' } })).json!
      .Deliveries as Array<{ EventName: string }>;
    const records = (await send({ method: 'GET', path: admin('/audit'), query: { MaxResults: '1000' } })).json!.Records as AuditRecord[];
    const byRequest = new Map(records.map((r) => [r.requestID, r]));

    expect([...sent.keys()].sort()).toEqual([...OWN].sort());
    for (const [op, ids] of sent) {
      const allowed = byRequest.get(ids.allowed!);
      expect(allowed, `${op} allowed`).toMatchObject({ eventName: op });
      expect(allowed!.errorCode, `${op} allowed`).toBeUndefined();
      const denied = byRequest.get(ids.denied!);
      expect(denied, `${op} denied`).toMatchObject({ eventName: op });
    }
    for (const op of ['CreateUser', 'PutUserPolicy', 'GetWorkloadExport']) {
      expect(byRequest.get(sent.get(op)!.denied!)).toMatchObject({ errorCode: 'AccessDeniedException', userIdentity: { userName: 'nobody' } });
    }
    // Secrets never reach the trail.
    const text = JSON.stringify(records);
    expect(text).not.toContain('a long password');
    expect(text).not.toContain(session.SecretAccessKey);
    expect(text).not.toContain(session.SessionToken);

    const evented = new Set(deliveries.map((d) => d.EventName));
    // Every change after the target existed (the second target's creation included).
    for (const name of PLUMBLINE_EVENT_ACTIONS) expect(evented.has(name), `event ${name}`).toBe(true);
  });

  it('stops CreateUser when a policy denies plumbline:CreateUser, whatever else it allows', async () => {
    const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'plumbline:*', Resource: '*' }] };
    const denyCreate = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'plumbline:CreateUser', Resource: '*' }] };
    const delegate = await createTestUser(server, 'delegate', { inline: { admin: allowAll } });
    const created = await send({ method: 'POST', path: admin('/users'), body: { UserName: 'made-by-delegate' } }, delegate.credentials);
    expect(created.status, created.text).toBe(200);
    await adminCall(server, { method: 'PUT', path: '/users/delegate/policies/no-create', body: { PolicyDocument: denyCreate } });
    const refused = await send({ method: 'POST', path: admin('/users'), body: { UserName: 'not-made' } }, delegate.credentials);
    expect(refused.status).toBe(403);
    // Evaluated on the user it would create, in IAM's own ARN form.
    expect(refused.json?.Message).toBe(`User: ${delegate.arn} is not authorized to perform: plumbline:CreateUser on resource: arn:aws:iam::${TEST_ACCOUNT}:user/not-made`);
    const { Users } = await adminCall<{ Users: Array<{ UserName: string }> }>(server, { method: 'GET', path: '/users' });
    expect(Users.map((u) => u.UserName)).toContain('made-by-delegate');
    expect(Users.map((u) => u.UserName)).not.toContain('not-made');
    // Other operations the policy allows still work.
    expect((await send({ method: 'GET', path: admin('/users') }, delegate.credentials)).status).toBe(200);
  });

  it('authorizes admin actions on the user they act on: a policy of one user ARN, or of ${aws:username}, manages only those keys', async () => {
    const keys = (user: string) => admin(`/users/${user}/access-keys`);
    const denial = (caller: TestUser, user: string) => `User: ${caller.arn} is not authorized to perform: plumbline:CreateAccessKey on resource: arn:aws:iam::${TEST_ACCOUNT}:user/${user}`;
    const ownKeys = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['plumbline:CreateAccessKey', 'plumbline:ListAccessKeys'], Resource: 'arn:aws:iam::*:user/${aws:username}' }] };
    const self = await createTestUser(server, 'self-service', { inline: { own: ownKeys } });
    const other = await createTestUser(server, 'someone-else');
    const oneUser = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'plumbline:CreateAccessKey', Resource: `arn:aws:iam::${TEST_ACCOUNT}:user/${other.userName}` }] };
    const keeper = await createTestUser(server, 'key-keeper', { inline: { one: oneUser } });

    const mine = await send({ method: 'POST', path: keys(self.userName), body: {} }, self.credentials);
    expect(mine.status, mine.text).toBe(200);
    expect((await send({ method: 'GET', path: keys(self.userName) }, self.credentials)).json!.AccessKeyMetadata).toHaveLength(2);
    const theirs = await send({ method: 'POST', path: keys(other.userName), body: {} }, self.credentials);
    expect(theirs.status).toBe(403);
    expect(theirs.json!.Message).toBe(denial(self, other.userName));

    const named = await send({ method: 'POST', path: keys(other.userName), body: {} }, keeper.credentials);
    expect(named.status, named.text).toBe(200);
    for (const user of [self.userName, keeper.userName]) {
      const refused = await send({ method: 'POST', path: keys(user), body: {} }, keeper.credentials);
      expect(refused.status).toBe(403);
      expect(refused.json!.Message).toBe(denial(keeper, user));
    }
    // Listing the account's users acts on the account: its root ARN, not a user's.
    const listUsers = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'plumbline:ListUsers', Resource: `arn:aws:iam::${TEST_ACCOUNT}:root` }] };
    const lister = await createTestUser(server, 'lister', { inline: { list: listUsers } });
    expect((await send({ method: 'GET', path: admin('/users') }, lister.credentials)).status).toBe(200);
    expect((await send({ method: 'GET', path: admin('/users') }, self.credentials)).json!.Message).toBe(
      `User: ${self.arn} is not authorized to perform: plumbline:ListUsers on resource: arn:aws:iam::${TEST_ACCOUNT}:root`,
    );
  });
});
