import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { insertAccessKey } from '../../store/accounts.repo';
import { isUniqueViolation, type Trx } from '../../store/database';
import {
  findAccount,
  findOrganization,
  findOrganizationalUnit,
  insertAccount,
  insertOrganization,
  insertOrganizationalUnit,
  listAccounts as listAccountRows,
  setAccountOrganization,
} from '../../store/identity.repo';
import { mutate, read } from '../context';
import { newAccessKeyId, newSecretAccessKey } from '../credentials/accounts.service';
import { seconds } from '../pagination';
import { rootArn, type Principal } from '../principal';
import { requireDefaultRoot, type IdentityContext } from './admin-access';
import { pageEnd, pageStart, type PageRequest } from './paging';
import { ACCOUNT_ID, ORGANIZATIONAL_UNIT_ID, ORGANIZATION_ID, patternProblems } from './rules';

/** Accounts, organizations and organizational units: administered by the default account's root user. */

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const randomId = (length: number) => [...randomBytes(length)].map((b) => LOWER_ALNUM[b % LOWER_ALNUM.length]).join('');

export const organizationArn = (managementAccountId: string, id: string) => `arn:aws:organizations::${managementAccountId}:organization/${id}`;
export const organizationalUnitArn = (managementAccountId: string, organizationId: string, id: string) =>
  `arn:aws:organizations::${managementAccountId}:ou/${organizationId}/${id}`;

function check(...problems: { Name: string; Message: string }[][]): void {
  const all = problems.flat();
  if (all.length) throw ValidationError.fields(all);
}

const conflictOnDuplicate = async <T>(call: () => Promise<T>, conflict: () => Error): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
};

/**
 * Creates an organization managed by the caller's (default) account, which joins it
 * when it is in no organization yet, as the management account of an AWS organization is.
 */
export async function createOrganization(ctx: IdentityContext, principal: Principal, input: { OrganizationId?: string }) {
  const id = input.OrganizationId ?? `o-${randomId(10)}`;
  requireDefaultRoot(ctx, principal, 'organizations:CreateOrganization', organizationArn(principal.accountId, id));
  check(patternProblems('OrganizationId', id, ORGANIZATION_ID, '"o-" followed by 10-32 lower-case letters or digits', true));
  const exists = () => new ConflictError(`Organization ${id} already exists`, id, 'ORGANIZATION');
  return conflictOnDuplicate(
    () =>
      mutate(ctx, { principal, operation: 'CreateOrganization' }, async (trx) => {
        if (await findOrganization(trx, id)) throw exists();
        const createdAt = ctx.now();
        await insertOrganization(trx, { id, managementAccountId: principal.accountId, createdAt });
        await setAccountOrganization(trx, principal.accountId, id);
        return { Organization: { Id: id, Arn: organizationArn(principal.accountId, id), ManagementAccountId: principal.accountId, CreateDate: seconds(createdAt) } };
      }),
    exists,
  );
}

export async function createOrganizationalUnit(
  ctx: IdentityContext,
  principal: Principal,
  input: { OrganizationId: string; Name: string; OrganizationalUnitId?: string },
) {
  const id = input.OrganizationalUnitId ?? `ou-${randomId(4)}-${randomId(8)}`;
  requireDefaultRoot(ctx, principal, 'organizations:CreateOrganizationalUnit', String(input.OrganizationId ?? '*'));
  check(
    patternProblems('OrganizationId', input.OrganizationId, ORGANIZATION_ID, '"o-" followed by 10-32 lower-case letters or digits', true),
    patternProblems('OrganizationalUnitId', id, ORGANIZATIONAL_UNIT_ID, '"ou-", 4-32 lower-case letters or digits, "-", then 8-32 more', true),
    typeof input.Name === 'string' && input.Name.length >= 1 && input.Name.length <= 128 ? [] : [{ Name: 'Name', Message: 'is required: 1-128 characters' }],
  );
  const exists = () => new ConflictError(`Organizational unit ${id} already exists`, id, 'ORGANIZATIONAL_UNIT');
  return conflictOnDuplicate(
    () =>
      mutate(ctx, { principal, operation: 'CreateOrganizationalUnit' }, async (trx) => {
        const org = await findOrganization(trx, input.OrganizationId);
        if (!org) throw organizationNotFound(input.OrganizationId);
        if (await findOrganizationalUnit(trx, id)) throw exists();
        const createdAt = ctx.now();
        await insertOrganizationalUnit(trx, { id, organizationId: org.id, name: input.Name, createdAt });
        return {
          OrganizationalUnit: { Id: id, Arn: organizationalUnitArn(org.management_account_id, org.id, id), OrganizationId: org.id, Name: input.Name, CreateDate: seconds(createdAt) },
        };
      }),
    exists,
  );
}

const organizationNotFound = (id: string) => new NotFoundError(`Organization ${id} does not exist`, id, 'ORGANIZATION');

/** The organization an account joins: an OU implies its organization, and both must agree. */
async function membership(trx: Trx, organizationId: string | undefined, unitId: string | undefined) {
  if (unitId !== undefined) {
    const unit = await findOrganizationalUnit(trx, unitId);
    if (!unit) throw new NotFoundError(`Organizational unit ${unitId} does not exist`, unitId, 'ORGANIZATIONAL_UNIT');
    if (organizationId !== undefined && unit.organization_id !== organizationId) {
      throw ValidationError.field('OrganizationalUnitId', `${unitId} belongs to organization ${unit.organization_id}, not ${organizationId}`);
    }
    return { organizationId: unit.organization_id, unitId };
  }
  if (organizationId !== undefined && !(await findOrganization(trx, organizationId))) throw organizationNotFound(organizationId);
  return { organizationId: organizationId ?? null, unitId: null };
}

const presentAccount = (a: { id: string; organization_id: string | null; organizational_unit_id: string | null; created_at: number }) => ({
  AccountId: a.id,
  RootArn: rootArn(a.id),
  ...(a.organization_id ? { OrganizationId: a.organization_id } : {}),
  ...(a.organizational_unit_id ? { OrganizationalUnitId: a.organizational_unit_id } : {}),
  CreateDate: seconds(a.created_at),
});

/** Creates an account with its root access key; the secret is shown only in this answer. */
export async function createAccount(
  ctx: IdentityContext,
  principal: Principal,
  input: { AccountId: string; OrganizationId?: string; OrganizationalUnitId?: string },
) {
  requireDefaultRoot(ctx, principal, 'organizations:CreateAccount', rootArn(String(input.AccountId ?? '*')));
  check(
    patternProblems('AccountId', input.AccountId, ACCOUNT_ID, '12 digits', true),
    patternProblems('OrganizationId', input.OrganizationId, ORGANIZATION_ID, '"o-" followed by 10-32 lower-case letters or digits', false),
    patternProblems('OrganizationalUnitId', input.OrganizationalUnitId, ORGANIZATIONAL_UNIT_ID, 'an organizational unit id (ou-…)', false),
  );
  const exists = () => new ConflictError(`Account ${input.AccountId} already exists`, input.AccountId, 'ACCOUNT');
  const secretAccessKey = newSecretAccessKey();
  const accessKeyId = newAccessKeyId();
  return conflictOnDuplicate(
    () =>
      mutate(ctx, { principal, operation: 'CreateAccount' }, async (trx) => {
        if (await findAccount(trx, input.AccountId)) throw exists();
        const member = await membership(trx, input.OrganizationId, input.OrganizationalUnitId);
        const createdAt = ctx.now();
        await insertAccount(trx, { id: input.AccountId, ...member, createdAt });
        await insertAccessKey(trx, { accessKeyId, accountId: input.AccountId, userName: null, secretSealed: ctx.box.seal(secretAccessKey), createdAt });
        return {
          Account: presentAccount((await findAccount(trx, input.AccountId))!),
          RootCredentials: { AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey },
        };
      }),
    exists,
  );
}

export async function listAccounts(ctx: IdentityContext, principal: Principal, input: PageRequest) {
  requireDefaultRoot(ctx, principal, 'organizations:ListAccounts', '*');
  const { after, limit } = pageStart(input);
  return read(ctx, async (trx) => {
    const page = pageEnd(await listAccountRows(trx, after, limit + 1), limit, (a) => a.id);
    return { Accounts: page.items.map(presentAccount), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  });
}
