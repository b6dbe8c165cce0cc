import { randomBytes } from 'node:crypto';
import { accountQuotaError } from '../domain/errors';
import type { Trx } from '../store/database';
import type { ServiceContext } from './context';
import type { Principal } from './principal';

/** What every new resource of an account starts with: a fresh id within the account's quota. */

/** 32 hex digits, as the hosted service's ids (workloads, shares, the ids in ARNs). */
export const newResourceId = () => randomBytes(16).toString('hex');

export interface AccountQuota {
  max: number;
  /** How the error names them: "workloads", "review templates". */
  plural: string;
  resourceType: string;
  count(trx: Trx, accountId: string): Promise<number>;
}

export async function checkAccountQuota(trx: Trx, accountId: string, quota: AccountQuota): Promise<void> {
  if ((await quota.count(trx, accountId)) >= quota.max) throw accountQuotaError(quota.max, quota.plural, quota.resourceType);
}

/** A new resource named by its ARN (profiles, review templates, custom lenses): the kind's quota, then its ARN, account and times. */
export async function newAccountResource(
  ctx: ServiceContext,
  trx: Trx,
  principal: Principal,
  kind: AccountQuota & { arn: (region: string, accountId: string, id: string) => string },
  now: number,
) {
  await checkAccountQuota(trx, principal.accountId, kind);
  return { arn: kind.arn(ctx.region, principal.accountId, newResourceId()), accountId: principal.accountId, createdAt: now, updatedAt: now };
}
