import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { deleteAccessKey as deleteAccessKeyRow, insertAccessKey } from '../../store/accounts.repo';
import type { Trx } from '../../store/database';
import { isUniqueViolation } from '../../store/database';
import { deleteUser as deleteUserRows, findAccount, findUser, insertUser, listUsers as listUserRows, setPasswordHash, userKeys, type UserRow } from '../../store/identity.repo';
import { mutate, read } from '../context';
import { newAccessKeyId, newSecretAccessKey } from '../credentials/accounts.service';
import { seconds } from '../pagination';
import type { Principal } from '../principal';
import { requireAccountAdministrator, userArn, type IdentityContext } from './admin-access';
import { pageEnd, pageStart, type PageRequest } from './paging';
import { hashPassword } from './passwords';
import { ACCOUNT_ID, passwordProblems, patternProblems, userNameProblems } from './rules';

/** IAM users of an account, their access keys and console passwords. */

/** A user may have at most two access keys, as in IAM. */
export const MAX_KEYS_PER_USER = 2;

export interface AccountScoped {
  /** The account administered; the caller's own when absent. */
  AccountId?: string;
}

export interface UserInput extends AccountScoped {
  UserName: string;
}

/** The account a call administers, after checking the caller belongs to it. */
export function administeredAccount(principal: Principal, input: AccountScoped & { UserName?: unknown }, action: string, userName?: string): string {
  const problems = patternProblems('AccountId', input.AccountId, ACCOUNT_ID, '12 digits', false);
  if (problems.length) throw ValidationError.fields(problems);
  const accountId = input.AccountId ?? principal.accountId;
  requireAccountAdministrator(principal, accountId, action, userName ? userArn(accountId, userName) : `arn:aws:iam::${accountId}:user/*`);
  return accountId;
}

export const userNotFound = (accountId: string, userName: string) =>
  new NotFoundError(`User ${userName} does not exist in account ${accountId}`, userName, 'USER');

export async function existingUser(trx: Trx, accountId: string, userName: string): Promise<UserRow> {
  const problems = userNameProblems(userName);
  if (problems.length) throw ValidationError.fields(problems);
  const user = await findUser(trx, accountId, userName);
  if (!user) throw userNotFound(accountId, userName);
  return user;
}

export function presentUser(user: UserRow) {
  return {
    UserName: user.user_name,
    UserId: user.user_id,
    Arn: userArn(user.account_id, user.user_name),
    AccountId: user.account_id,
    CreateDate: seconds(user.created_at),
    HasPassword: user.password_hash !== null,
    ...(user.password_changed_at !== null ? { PasswordLastSet: seconds(user.password_changed_at) } : {}),
  };
}

const newUserId = () => 'AIDA' + randomBytes(12).toString('hex').toUpperCase().slice(0, 17);

export async function createUser(ctx: IdentityContext, principal: Principal, input: UserInput & { Password?: string }) {
  const accountId = administeredAccount(principal, input, 'iam:CreateUser', input.UserName);
  const problems = [...userNameProblems(input.UserName), ...(input.Password !== undefined ? passwordProblems(input.Password) : [])];
  if (problems.length) throw ValidationError.fields(problems);
  const passwordHash = input.Password !== undefined ? await hashPassword(input.Password) : null;
  try {
    return await mutate(ctx, { principal, operation: 'CreateUser' }, async (trx) => {
      if (!(await findAccount(trx, accountId))) throw new NotFoundError(`Account ${accountId} does not exist`, accountId, 'ACCOUNT');
      if (await findUser(trx, accountId, input.UserName)) throw userExists(accountId, input.UserName);
      await insertUser(trx, { accountId, userName: input.UserName, userId: newUserId(), passwordHash, createdAt: ctx.now() });
      return { User: presentUser((await findUser(trx, accountId, input.UserName))!) };
    });
  } catch (error) {
    // Two racing creations of the same name: the loser sees the unique key.
    if (isUniqueViolation(error)) throw userExists(accountId, input.UserName);
    throw error;
  }
}

const userExists = (accountId: string, userName: string) =>
  new ConflictError(`User ${userName} already exists in account ${accountId} (names are unique ignoring case)`, userName, 'USER');

export async function deleteUser(ctx: IdentityContext, principal: Principal, input: UserInput) {
  const accountId = administeredAccount(principal, input, 'iam:DeleteUser', input.UserName);
  await mutate(ctx, { principal, operation: 'DeleteUser' }, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    await deleteUserRows(trx, accountId, user.user_name);
    // Its keys, sessions and policies stop working in every process once this commits (src/services/caches/).
    await ctx.caches.versions.bump(trx, 'keys', 'policies');
  });
  ctx.caches.versions.forget('keys', 'policies');
  return {};
}

export async function listUsers(ctx: IdentityContext, principal: Principal, input: AccountScoped & PageRequest) {
  const accountId = administeredAccount(principal, input, 'iam:ListUsers');
  const { after, limit } = pageStart(input);
  return read(ctx, async (trx) => {
    const rows = await listUserRows(trx, accountId, after, limit + 1);
    const page = pageEnd(rows, limit, (u) => u.user_name.toLowerCase());
    return { Users: page.items.map(presentUser), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  });
}

export async function setPassword(ctx: IdentityContext, principal: Principal, input: UserInput & { Password: string }) {
  const accountId = administeredAccount(principal, input, 'iam:UpdateLoginProfile', input.UserName);
  const problems = [...userNameProblems(input.UserName), ...passwordProblems(input.Password)];
  if (problems.length) throw ValidationError.fields(problems);
  const hash = await hashPassword(input.Password);
  return mutate(ctx, { principal, operation: 'SetPassword' }, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    await setPasswordHash(trx, accountId, user.user_name, hash, ctx.now());
    return { User: presentUser((await findUser(trx, accountId, user.user_name))!) };
  });
}

const presentKey = (userName: string, key: { access_key_id: string; status: string; created_at: number }) => ({
  AccessKeyId: key.access_key_id,
  UserName: userName,
  Status: key.status,
  CreateDate: seconds(key.created_at),
});

export async function createAccessKey(ctx: IdentityContext, principal: Principal, input: UserInput) {
  const accountId = administeredAccount(principal, input, 'iam:CreateAccessKey', input.UserName);
  return mutate(ctx, { principal, operation: 'CreateAccessKey' }, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    const existing = await userKeys(trx, accountId, user.user_name);
    if (existing.length >= MAX_KEYS_PER_USER) {
      throw ValidationError.field('UserName', `user ${user.user_name} already has ${MAX_KEYS_PER_USER} access keys (the most a user can have); delete one first`);
    }
    const key = { access_key_id: newAccessKeyId(), status: 'Active', created_at: ctx.now() };
    const secretAccessKey = newSecretAccessKey();
    await insertAccessKey(trx, { accessKeyId: key.access_key_id, accountId, userName: user.user_name, secretSealed: ctx.box.seal(secretAccessKey), createdAt: key.created_at });
    return { AccessKey: { ...presentKey(user.user_name, key), SecretAccessKey: secretAccessKey } };
  });
}

export async function deleteAccessKey(ctx: IdentityContext, principal: Principal, input: UserInput & { AccessKeyId: string }) {
  const accountId = administeredAccount(principal, input, 'iam:DeleteAccessKey', input.UserName);
  await mutate(ctx, { principal, operation: 'DeleteAccessKey' }, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    const keys = await userKeys(trx, accountId, user.user_name);
    if (!keys.some((k) => k.access_key_id === input.AccessKeyId)) {
      throw new NotFoundError(`User ${user.user_name} has no access key ${input.AccessKeyId}`, String(input.AccessKeyId), 'ACCESS_KEY');
    }
    await deleteAccessKeyRow(trx, input.AccessKeyId);
    await ctx.caches.versions.bump(trx, 'keys');
  });
  ctx.caches.versions.forget('keys');
  return {};
}

export async function listAccessKeys(ctx: IdentityContext, principal: Principal, input: UserInput & PageRequest) {
  const accountId = administeredAccount(principal, input, 'iam:ListAccessKeys', input.UserName);
  const { after, limit } = pageStart(input);
  return read(ctx, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    // At most MAX_KEYS_PER_USER keys: paging in memory is enough.
    const keys = (await userKeys(trx, accountId, user.user_name)).filter((k) => after === undefined || k.access_key_id > after);
    const page = pageEnd(keys.sort((a, b) => a.access_key_id.localeCompare(b.access_key_id)), limit, (k) => k.access_key_id);
    return { AccessKeyMetadata: page.items.map((k) => presentKey(user.user_name, k)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  });
}
