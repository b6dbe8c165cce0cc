import type { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { MANAGED_POLICIES, type ManagedPolicyName } from '../../src/domain/iam';
import { ROOT_KEY, type TestServer } from './server';
import { signedFetch } from './signed-fetch';

/**
 * Accounts, users and keys for tests, made through the admin API exactly as an
 * administrator would (signed requests to /_plumbline/admin/...).
 */

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A non-2xx answer of the admin API: its error type, status and body. */
export class AdminCallError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    readonly body: { Message?: string; Fields?: Array<{ Name: string; Message: string }>; Reason?: string } & Record<string, unknown>,
  ) {
    super(`${type} (${status}): ${body.Message}`);
  }
}

export interface AdminCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  query?: Record<string, string>;
  /** Who signs: the default account's root unless given. */
  as?: Credentials;
}

/** Calls the admin API; resolves with the JSON answer or rejects with an AdminCallError. */
export async function adminCall<T = Record<string, unknown>>(server: TestServer, call: AdminCall): Promise<T> {
  const response = await signedFetch(server.url, {
    method: call.method,
    path: `/_plumbline/admin${call.path}`,
    query: call.query,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
    credentials: call.as ?? ROOT_KEY,
  });
  if (response.status !== 200) {
    throw new AdminCallError(response.headers.get('x-amzn-ErrorType') ?? 'unknown', response.status, response.json ?? {});
  }
  return response.json as T;
}

/** Awaits an admin call that must fail; returns the error. */
export async function adminError(call: Promise<unknown>): Promise<AdminCallError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AdminCallError) return error;
    throw error;
  }
  throw new Error('expected the admin call to fail, but it succeeded');
}

export interface TestUser {
  userName: string;
  arn: string;
  credentials: Credentials;
  client: WellArchitectedClient;
}

export interface UserSetup {
  /** Managed policies to attach, by name. */
  managed?: ManagedPolicyName[];
  /** Inline policies by name. */
  inline?: Record<string, unknown>;
  /** The account's root credentials (the default account's unless given). */
  as?: Credentials;
}

/** Creates a user with an access key and the given policies; returns a client signing as that user. */
export async function createTestUser(server: TestServer, userName: string, setup: UserSetup = {}): Promise<TestUser> {
  const as = setup.as;
  const { User } = await adminCall<{ User: { Arn: string } }>(server, { method: 'POST', path: '/users', body: { UserName: userName }, as });
  for (const name of setup.managed ?? []) {
    await adminCall(server, { method: 'POST', path: `/users/${userName}/attached-policies`, body: { PolicyArn: MANAGED_POLICIES[name].arn }, as });
  }
  for (const [policyName, document] of Object.entries(setup.inline ?? {})) {
    await adminCall(server, { method: 'PUT', path: `/users/${userName}/policies/${policyName}`, body: { PolicyDocument: document }, as });
  }
  const { AccessKey } = await adminCall<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string } }>(server, {
    method: 'POST',
    path: `/users/${userName}/access-keys`,
    as,
  });
  const credentials = { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey };
  return { userName, arn: User.Arn, credentials, client: server.clientFor(credentials) };
}

/** Creates an account (as the default account's root); returns its root credentials. */
export async function createTestAccount(
  server: TestServer,
  accountId: string,
  membership: { OrganizationId?: string; OrganizationalUnitId?: string } = {},
): Promise<Credentials> {
  const { RootCredentials } = await adminCall<{ RootCredentials: { AccessKeyId: string; SecretAccessKey: string } }>(server, {
    method: 'POST',
    path: '/accounts',
    body: { AccountId: accountId, ...membership },
  });
  return { accessKeyId: RootCredentials.AccessKeyId, secretAccessKey: RootCredentials.SecretAccessKey };
}
