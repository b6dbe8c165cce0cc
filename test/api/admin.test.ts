import { CreateWorkloadCommand, ListLensesCommand, ListWorkloadsCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/services/identity/passwords';
import { expectError } from '../support/api-errors';
import { adminCall, adminError, createTestAccount, createTestUser, type Credentials } from '../support/identities';
import { startServer, TEST_ACCOUNT, type TestServer } from '../support/server';
import { unsignedFetch } from '../support/signed-fetch';
import { storeKinds } from '../support/stores';

/**
 * The admin API (/_plumbline/admin/...): who may administer what, validation of
 * stored policies, hashed passwords, paging, and that deleted keys and users stop
 * signing at once.
 */

const OTHER_ACCOUNT = '222233334444';

describe.each(storeKinds())('admin API (%s)', (kind) => {
  let server: TestServer;
  let otherRoot: Credentials;
  let organizationId: string;
  let unitId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    ({ Organization: { Id: organizationId } } = await adminCall<{ Organization: { Id: string } }>(server, { method: 'POST', path: '/organizations', body: {} }));
    ({ OrganizationalUnit: { Id: unitId } } = await adminCall<{ OrganizationalUnit: { Id: string } }>(server, {
      method: 'POST',
      path: `/organizations/${organizationId}/units`,
      body: { Name: 'Engineering' },
    }));
    otherRoot = await createTestAccount(server, OTHER_ACCOUNT, { OrganizationalUnitId: unitId });
  });
  afterAll(() => server?.close());

  it('creates accounts in an organization and OU, with working root credentials', async () => {
    expect(organizationId).toMatch(/^o-[a-z0-9]{10,32}$/);
    expect(unitId).toMatch(/^ou-[a-z0-9]{4}-[a-z0-9]{8}$/);
    const { Accounts } = await adminCall<{ Accounts: Array<Record<string, string>> }>(server, { method: 'GET', path: '/accounts' });
    expect(Accounts.find((a) => a.AccountId === OTHER_ACCOUNT)).toMatchObject({ OrganizationId: organizationId, OrganizationalUnitId: unitId });
    // The default account manages the organization and joined it.
    expect(Accounts.find((a) => a.AccountId === TEST_ACCOUNT)).toMatchObject({ OrganizationId: organizationId });
    // The new root works and sees only its own account's workloads.
    const otherClient = server.clientFor(otherRoot);
    await server.client.send(new CreateWorkloadCommand({ WorkloadName: 'Default account only', Description: 'x-ray', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }));
    expect((await otherClient.send(new ListWorkloadsCommand({}))).WorkloadSummaries).toEqual([]);
  });

  it('refuses a duplicate account, an unknown OU and an OU of another organization', async () => {
    expect((await adminError(createTestAccount(server, OTHER_ACCOUNT))).type).toBe('ConflictException');
    const unknown = await adminError(createTestAccount(server, '333344445555', { OrganizationalUnitId: 'ou-abcd-12345678' }));
    expect(unknown.type).toBe('ResourceNotFoundException');
    const { Organization } = await adminCall<{ Organization: { Id: string } }>(server, { method: 'POST', path: '/organizations', body: { OrganizationId: 'o-secondorg01' } });
    const mismatch = await adminError(createTestAccount(server, '333344445555', { OrganizationId: Organization.Id, OrganizationalUnitId: unitId }));
    expect(mismatch.type).toBe('ValidationException');
    expect(mismatch.body.Fields?.[0]).toMatchObject({ Name: 'OrganizationalUnitId' });
    const bad = await adminError(createTestAccount(server, '12345'));
    expect(bad.body.Fields).toEqual([{ Name: 'AccountId', Message: 'must be 12 digits' }]);
  });

  it('lets only the default account root create accounts and organizations', async () => {
    const asOther = await adminError(adminCall(server, { method: 'POST', path: '/accounts', body: { AccountId: '444455556666' }, as: otherRoot }));
    expect(asOther.status).toBe(403);
    expect(asOther.type).toBe('AccessDeniedException');
    expect(asOther.body.Message).toContain(`User: arn:aws:iam::${OTHER_ACCOUNT}:root is not authorized to perform: organizations:CreateAccount`);
    expect((await adminError(adminCall(server, { method: 'POST', path: '/organizations', body: {}, as: otherRoot }))).status).toBe(403);
    const admin = await createTestUser(server, 'orgadmin', { managed: ['WellArchitectedConsoleFullAccess'] });
    expect((await adminError(adminCall(server, { method: 'GET', path: '/accounts', as: admin.credentials }))).status).toBe(403);
  });

  it('lets the account root administer its users, not its users without plumbline:* permissions nor another account root', async () => {
    const fullAccess = await createTestUser(server, 'poweruser', { managed: ['WellArchitectedConsoleFullAccess'] });
    const byUser = await adminError(adminCall(server, { method: 'POST', path: '/users', body: { UserName: 'sneaky' }, as: fullAccess.credentials }));
    expect(byUser.status).toBe(403);
    expect(byUser.type).toBe('AccessDeniedException');
    expect(byUser.body.Message).toContain(`User: ${fullAccess.arn} is not authorized to perform: plumbline:CreateUser on resource: arn:aws:iam::${TEST_ACCOUNT}:user/sneaky`);
    expect((await adminError(adminCall(server, { method: 'GET', path: '/users', as: fullAccess.credentials }))).status).toBe(403);

    const byOtherRoot = await adminError(
      adminCall(server, { method: 'POST', path: '/users', body: { UserName: 'sneaky', AccountId: TEST_ACCOUNT }, as: otherRoot }),
    );
    expect(byOtherRoot.status).toBe(403);
    const deleteOther = await adminError(adminCall(server, { method: 'DELETE', path: '/users/poweruser', query: { AccountId: TEST_ACCOUNT }, as: otherRoot }));
    expect(deleteOther.status).toBe(403);
    // Without AccountId, the other root administers its own account, where poweruser does not exist.
    expect((await adminError(adminCall(server, { method: 'DELETE', path: '/users/poweruser', as: otherRoot }))).type).toBe('ResourceNotFoundException');
    const { Users } = await adminCall<{ Users: Array<{ UserName: string }> }>(server, { method: 'GET', path: '/users' });
    expect(Users.map((u) => u.UserName)).toContain('poweruser');
    expect(Users.map((u) => u.UserName)).not.toContain('sneaky');

    // The other root's own users live in its account.
    const theirs = await createTestUser(server, 'poweruser', { as: otherRoot, managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    expect(theirs.arn).toBe(`arn:aws:iam::${OTHER_ACCOUNT}:user/poweruser`);
    expect((await theirs.client.send(new ListWorkloadsCommand({}))).WorkloadSummaries).toEqual([]);
  });

  it('validates policies when they are stored, naming every problem with its path', async () => {
    await createTestUser(server, 'policyholder');
    const error = await adminError(
      adminCall(server, {
        method: 'PUT',
        path: '/users/policyholder/policies/Broken',
        body: {
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'allow', Action: 'wellarchitected:GetWorkload', Resource: '*' },
              { Effect: 'Deny', Action: 'GetWorkload', Resource: '*', Condition: { StringEqualz: { 'aws:username': 'x' } } },
            ],
          },
        },
      }),
    );
    expect(error.type).toBe('ValidationException');
    expect(error.body.Reason).toBe('FIELD_VALIDATION_FAILED');
    const names = error.body.Fields?.map((f) => f.Name);
    expect(names).toEqual(
      expect.arrayContaining(['PolicyDocument.Statement[0].Effect', 'PolicyDocument.Statement[1].Action', 'PolicyDocument.Statement[1].Condition.StringEqualz']),
    );
    expect(error.body.Fields?.find((f) => f.Name === 'PolicyDocument.Statement[0].Effect')?.Message).toMatch(/"Allow" or "Deny"/);

    const text = await adminError(adminCall(server, { method: 'PUT', path: '/users/policyholder/policies/Text', body: { PolicyDocument: '{"Version": "2012-10-17",' } }));
    expect(text.body.Fields?.[0]).toMatchObject({ Name: 'PolicyDocument', Message: expect.stringMatching(/not valid JSON/) });
    const arn = await adminError(adminCall(server, { method: 'POST', path: '/users/policyholder/attached-policies', body: { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' } }));
    expect(arn.body.Fields?.[0]).toMatchObject({ Name: 'PolicyArn', Message: expect.stringContaining('WellArchitectedConsoleFullAccess') });
    const name = await adminError(adminCall(server, { method: 'PUT', path: '/users/policyholder/policies/bad%20name', body: { PolicyDocument: '{}' } }));
    expect(name.body.Fields?.map((f) => f.Name)).toContain('PolicyName');

    // Nothing was stored; a valid policy (as JSON text) is kept exactly as written.
    const good = '{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Action": "wellarchitected:List*", "Resource": "*" } }';
    await adminCall(server, { method: 'PUT', path: '/users/policyholder/policies/Lists', body: { PolicyDocument: good } });
    const listed = await adminCall<{ Policies: Array<{ PolicyName: string; PolicyDocument: string }> }>(server, { method: 'GET', path: '/users/policyholder/policies' });
    expect(listed.Policies).toEqual([{ PolicyName: 'Lists', PolicyDocument: good }]);

    // At most ten inline policies per user; replacing one is always possible.
    for (let i = 2; i <= 10; i++) await adminCall(server, { method: 'PUT', path: `/users/policyholder/policies/P${i}`, body: { PolicyDocument: good } });
    const eleventh = await adminError(adminCall(server, { method: 'PUT', path: '/users/policyholder/policies/P11', body: { PolicyDocument: good } }));
    expect(eleventh.status).toBe(402);
    expect(eleventh.type).toBe('ServiceQuotaExceededException');
    await adminCall(server, { method: 'PUT', path: '/users/policyholder/policies/P10', body: { PolicyDocument: good } });
  });

  it('stores passwords hashed', async () => {
    const password = 'correct horse battery staple';
    const { User } = await adminCall<{ User: { HasPassword: boolean } }>(server, { method: 'POST', path: '/users', body: { UserName: 'console-user', Password: password } });
    expect(User.HasPassword).toBe(true);
    const row = await server.built.services.store.db.selectFrom('users').select('password_hash').where('user_name', '=', 'console-user').executeTakeFirstOrThrow();
    expect(row.password_hash).not.toBe(password);
    expect(row.password_hash).not.toContain(password);
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(password, row.password_hash!)).toBe(true);
    await adminCall(server, { method: 'PUT', path: '/users/console-user/password', body: { Password: 'another password' } });
    const changed = await server.built.services.store.db.selectFrom('users').select('password_hash').where('user_name', '=', 'console-user').executeTakeFirstOrThrow();
    expect(await verifyPassword(password, changed.password_hash!)).toBe(false);
    expect(await verifyPassword('another password', changed.password_hash!)).toBe(true);
    const short = await adminError(adminCall(server, { method: 'PUT', path: '/users/console-user/password', body: { Password: 'short' } }));
    expect(short.body.Fields).toEqual([{ Name: 'Password', Message: 'must be 8-128 characters' }]);
  });

  it('stops accepting a deleted access key and a deleted user at once', async () => {
    const user = await createTestUser(server, 'leaver', { managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    const { AccessKey } = await adminCall<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string } }>(server, { method: 'POST', path: '/users/leaver/access-keys' });
    const second = server.clientFor({ accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey });
    // Both keys are in the signing-key cache now.
    await user.client.send(new ListLensesCommand({}));
    await second.send(new ListLensesCommand({}));
    const third = await adminError(adminCall(server, { method: 'POST', path: '/users/leaver/access-keys' }));
    expect(third.body.Fields?.[0].Message).toMatch(/at most|already has 2/);

    await adminCall(server, { method: 'DELETE', path: `/users/leaver/access-keys/${user.credentials.accessKeyId}` });
    await expectError(user.client.send(new ListLensesCommand({})), 'AccessDeniedException');
    await second.send(new ListLensesCommand({}));

    await adminCall(server, { method: 'DELETE', path: '/users/leaver' });
    await expectError(second.send(new ListLensesCommand({})), 'AccessDeniedException');
    expect((await adminError(adminCall(server, { method: 'GET', path: '/users/leaver/access-keys' }))).type).toBe('ResourceNotFoundException');
  });

  it('pages users, refuses duplicate names ignoring case and unsigned calls', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) await adminCall(server, { method: 'POST', path: '/users', body: { UserName: name }, as: otherRoot });
    const first = await adminCall<{ Users: Array<{ UserName: string }>; NextToken?: string }>(server, { method: 'GET', path: '/users', query: { MaxResults: '2' }, as: otherRoot });
    expect(first.Users.map((u) => u.UserName)).toEqual(['page-a', 'page-b']);
    const second = await adminCall<{ Users: Array<{ UserName: string }>; NextToken?: string }>(server, {
      method: 'GET',
      path: '/users',
      query: { MaxResults: '2', NextToken: first.NextToken! },
      as: otherRoot,
    });
    expect(second.Users.map((u) => u.UserName)).toEqual(['page-c', 'poweruser']);
    expect(second.NextToken).toBeUndefined();
    expect((await adminError(adminCall(server, { method: 'GET', path: '/users', query: { MaxResults: '0' }, as: otherRoot }))).body.Fields?.[0].Name).toBe('MaxResults');

    expect((await adminError(adminCall(server, { method: 'POST', path: '/users', body: { UserName: 'PAGE-A' }, as: otherRoot }))).type).toBe('ConflictException');
    const unsigned = await unsignedFetch(server.url, { method: 'GET', path: '/_plumbline/admin/users' });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-ErrorType')).toBe('AccessDeniedException');
  });
});
