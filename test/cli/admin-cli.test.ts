import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListLensesCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/api-errors';
import { ROOT_KEY, TEST_ACCOUNT, TEST_REGION, startServer, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/**
 * `plumbline admin ...` run as a real process (bin/plumbline.js, no shell) against
 * a real Plumbline: JSON on stdout, the error and a non-zero exit code otherwise.
 */

const BIN = fileURLToPath(new URL('../../bin/plumbline.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function plumbline(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.each(storeKinds())('plumbline admin (%s)', (kind) => {
  let server: TestServer;
  let dir: string;
  let asRoot: (args: string[]) => Promise<Run>;

  beforeAll(async () => {
    server = await startServer(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-admin-cli-'));
    const env = { AWS_ACCESS_KEY_ID: ROOT_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey, AWS_REGION: TEST_REGION };
    asRoot = (args) => plumbline(['admin', ...args, '--endpoint-url', server.url], env);
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates a user with a key and a policy from a file; the key then works', async () => {
    const created = await asRoot(['create-user', '--user-name', 'cli-user', '--password', 'a long password']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).User).toMatchObject({ UserName: 'cli-user', Arn: `arn:aws:iam::${TEST_ACCOUNT}:user/cli-user`, HasPassword: true });

    const policyFile = path.join(dir, 'lists.json');
    writeFileSync(policyFile, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'wellarchitected:List*', Resource: '*' }] }));
    const [policy, key] = await Promise.all([
      asRoot(['put-user-policy', '--user-name', 'cli-user', '--policy-name', 'Lists', '--policy-document', `file://${policyFile}`]),
      asRoot(['create-access-key', '--user-name', 'cli-user']),
    ]);
    expect(policy.code).toBe(0);
    expect(JSON.parse(policy.stdout)).toEqual({});
    expect(key.code).toBe(0);
    const { AccessKey } = JSON.parse(key.stdout);
    const client = server.clientFor({ accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey });
    expect((await client.send(new ListLensesCommand({}))).LensSummaries?.length).toBeGreaterThan(0);

    const listed = await asRoot(['list-users', '--max-results', '10']);
    expect(JSON.parse(listed.stdout).Users.map((u: { UserName: string }) => u.UserName)).toEqual(['cli-user']);

    const deleted = await asRoot(['delete-user', '--user-name', 'cli-user']);
    expect(deleted.code).toBe(0);
    await expectError(client.send(new ListLensesCommand({})), 'AccessDeniedException');
  });

  it('creates an organization, an OU and an account in it, printing the new root credentials', async () => {
    const org = await asRoot(['create-organization']);
    const { Organization } = JSON.parse(org.stdout);
    const unit = JSON.parse((await asRoot(['create-organizational-unit', '--organization-id', Organization.Id, '--name', 'Platform'])).stdout).OrganizationalUnit;
    const account = await asRoot(['create-account', '--account-id', '999988887777', '--organizational-unit-id', unit.Id]);
    expect(account.code).toBe(0);
    const answer = JSON.parse(account.stdout);
    expect(answer.Account).toMatchObject({ AccountId: '999988887777', OrganizationId: Organization.Id, OrganizationalUnitId: unit.Id });
    expect(answer.RootCredentials.AccessKeyId).toMatch(/^PLMB/);
    // The new root administers its own account, and cannot create accounts.
    const env = { AWS_ACCESS_KEY_ID: answer.RootCredentials.AccessKeyId, AWS_SECRET_ACCESS_KEY: answer.RootCredentials.SecretAccessKey, AWS_REGION: TEST_REGION };
    const refused = await plumbline(['admin', 'create-account', '--account-id=999988886666', `--endpoint-url=${server.url}`], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('AccessDeniedException: User: arn:aws:iam::999988887777:root is not authorized to perform: organizations:CreateAccount');
  });

  it('exits non-zero with the error and its fields on stderr', async () => {
    const invalid = await asRoot(['put-user-policy', '--user-name', 'nobody-here', '--policy-name', 'P', '--policy-document', '{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}']);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('ValidationException');
    expect(invalid.stderr).toContain('PolicyDocument.Statement[0].Effect: Effect must be "Allow" or "Deny"');

    const usage = await asRoot(['create-user']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--user-name is required');
    const noCredentials = await plumbline(['admin', 'list-users', '--endpoint-url', server.url], {});
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toContain('AWS_ACCESS_KEY_ID');
  });
});
