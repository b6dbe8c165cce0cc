import { ConflictError, QuotaError } from '../../domain/errors';
import type { Trx } from '../../store/database';
import { deleteShare, insertShare, listResourceShares, type ShareRecord } from '../../store/shares.repo';
import type { ServiceContext } from '../context';
import { pageOfShares, presentLensShareSummary, type ShareListInput } from './present';
import { parseSharedWith, shareNotFound } from './rules';
import { newHexId } from './workload-shares.service';

/**
 * What profile and template shares have in common: read-only, with accounts
 * and IAM users only, each invited; only the owner manages them.
 */

export interface OwnedResource {
  type: 'PROFILE' | 'TEMPLATE';
  arn: string;
  accountId: string;
  label: string;
  max: number;
}

export async function addShare(ctx: ServiceContext, trx: Trx, resource: OwnedResource, sharedWith: string) {
  const recipient = parseSharedWith(sharedWith, { ownerAccountId: resource.accountId, region: ctx.region, groups: false });
  const shares = await listResourceShares(trx, resource.type, resource.arn);
  const existing = shares.find((s) => s.sharedWith === recipient.sharedWith);
  if (existing) {
    throw new ConflictError(`${resource.label} ${resource.arn} is already shared with ${recipient.sharedWith} (share ${existing.id})`, existing.id, `${resource.type}_SHARE`);
  }
  if (shares.length >= resource.max) {
    throw new QuotaError(`A ${resource.label.toLowerCase()} can be shared at most ${resource.max} times`, `shares-per-${resource.type.toLowerCase()}`, resource.type, resource.arn);
  }
  const now = ctx.now();
  const id = newHexId();
  // The invitation has the share's id, so programs accept a share by the ShareId they were given.
  const share: ShareRecord = {
    id,
    invitationId: id,
    resourceType: resource.type,
    resourceId: resource.arn,
    ownerAccountId: resource.accountId,
    sharedWith: recipient.sharedWith,
    recipientKind: recipient.kind,
    recipientAccountId: recipient.accountId,
    recipientUserName: recipient.userName,
    permission: 'READONLY',
    status: 'PENDING',
    invitedAt: now,
    createdAt: now,
    updatedAt: now,
  };
  await insertShare(trx, share);
  return { ShareId: share.id };
}

export async function removeShare(trx: Trx, resource: OwnedResource, shareId: string) {
  const share = (await listResourceShares(trx, resource.type, resource.arn)).find((s) => s.id === shareId);
  if (!share) throw shareNotFound(shareId);
  await deleteShare(trx, share.id);
}

/** Profile and template share summaries have the lens summary's shape (ShareId, SharedWith, Status). */
export async function pageOfResourceShares(ctx: ServiceContext, trx: Trx, resource: OwnedResource, input: ShareListInput) {
  const now = ctx.now();
  const page = pageOfShares(await listResourceShares(trx, resource.type, resource.arn), input, now);
  return { items: page.items.map((s) => presentLensShareSummary(s, now)), nextToken: page.nextToken };
}
