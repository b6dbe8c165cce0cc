import { randomBytes } from 'node:crypto';
import { ConflictError, QuotaError } from '../../domain/errors';
import { deleteShare, insertShare, listResourceShares, updateShareState, type ShareRecord } from '../../store/shares.repo';
import { workloadFor } from '../access';
import { checkOrganizationSharing } from '../settings.service';
import { mutate, read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { pageOfShares, presentWorkloadShareSummary, type ShareListInput } from './present';
import { groupKind, MAX_WORKLOAD_SHARES, parseSharedWith, shareNotFound, shareStatus } from './rules';

/**
 * The owner's side of workload sharing. Only the owner manages shares; a
 * recipient gets AccessDeniedException, anyone else the workload's not-found.
 */

export const newHexId = () => randomBytes(16).toString('hex');

export async function createWorkloadShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; SharedWith: string; PermissionType: string; ClientRequestToken?: string },
) {
  const { ClientRequestToken: token, ...request } = input;
  return mutate(ctx, { principal, operation: 'CreateWorkloadShare', token, request }, async (trx) => {
    const workload = await workloadFor(ctx, trx, principal, input.WorkloadId, 'own', { lock: true });
    // While organization sharing is disabled a share with an organization or OU is refused for that reason, as the hosted service words it.
    await checkOrganizationSharing(trx, workload.accountId, groupKind(input.SharedWith));
    const recipient = parseSharedWith(input.SharedWith, { ownerAccountId: workload.accountId, region: ctx.region, groups: false });
    const shares = await listResourceShares(trx, 'WORKLOAD', workload.id);
    const existing = shares.find((s) => s.sharedWith === recipient.sharedWith);
    if (existing) {
      throw new ConflictError(
        `Workload ${workload.id} is already shared with ${recipient.sharedWith} (share ${existing.id}); update or delete that share`,
        existing.id,
        'WORKLOAD_SHARE',
      );
    }
    if (shares.length >= MAX_WORKLOAD_SHARES) {
      throw new QuotaError(`A workload can be shared with at most ${MAX_WORKLOAD_SHARES} accounts and users`, 'shares-per-workload', 'WORKLOAD', workload.id);
    }
    const now = ctx.now();
    const id = newHexId();
    // The invitation has the share's id, so programs accept a share by the ShareId they were given.
    const share: ShareRecord = {
      id,
      invitationId: id,
      resourceType: 'WORKLOAD',
      resourceId: workload.id,
      ownerAccountId: workload.accountId,
      sharedWith: recipient.sharedWith,
      recipientKind: recipient.kind,
      recipientAccountId: recipient.accountId,
      recipientUserName: recipient.userName,
      permission: input.PermissionType,
      status: 'PENDING',
      invitedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    await insertShare(trx, share);
    return { WorkloadId: workload.id, ShareId: share.id };
  });
}

/**
 * A new permission. An accepted share keeps its acceptance and the new
 * permission applies at once; a pending or expired invitation is sent again
 * for another seven days; a rejected one stays rejected (share again instead).
 */
export async function updateWorkloadShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; ShareId: string; PermissionType: string },
) {
  return mutate(ctx, { principal, operation: 'UpdateWorkloadShare' }, async (trx) => {
    const workload = await workloadFor(ctx, trx, principal, input.WorkloadId, 'own', { lock: true });
    const share = (await listResourceShares(trx, 'WORKLOAD', workload.id)).find((s) => s.id === input.ShareId);
    if (!share) throw shareNotFound(input.ShareId);
    if (share.status === 'REJECTED') {
      throw new ConflictError(`Share ${share.id} was rejected by ${share.sharedWith}; delete it and share the workload again`, share.id, 'WORKLOAD_SHARE');
    }
    const now = ctx.now();
    const next: ShareRecord = {
      ...share,
      permission: input.PermissionType,
      invitedAt: share.status === 'ACCEPTED' ? share.invitedAt : now,
      updatedAt: now,
    };
    await updateShareState(trx, share.id, next);
    return {
      WorkloadId: workload.id,
      WorkloadShare: {
        ShareId: next.id,
        SharedBy: workload.accountId,
        SharedWith: next.sharedWith,
        PermissionType: next.permission,
        Status: shareStatus(next, now),
        WorkloadName: workload.name,
        WorkloadId: workload.id,
      },
    };
  });
}

/** Removes the share and the access it gave at once. */
export async function deleteWorkloadShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; ShareId: string; ClientRequestToken?: string },
) {
  const { ClientRequestToken: token, ...request } = input;
  await mutate(ctx, { principal, operation: 'DeleteWorkloadShare', token, request }, async (trx) => {
    const workload = await workloadFor(ctx, trx, principal, input.WorkloadId, 'own', { lock: true });
    const share = (await listResourceShares(trx, 'WORKLOAD', workload.id)).find((s) => s.id === input.ShareId);
    if (!share) throw shareNotFound(input.ShareId);
    await deleteShare(trx, share.id);
    return {};
  });
  return {};
}

export async function listWorkloadShares(ctx: ServiceContext, principal: Principal, input: ShareListInput & { WorkloadId: string }) {
  return read(ctx, async (trx) => {
    const workload = await workloadFor(ctx, trx, principal, input.WorkloadId, 'own');
    const now = ctx.now();
    const page = pageOfShares(await listResourceShares(trx, 'WORKLOAD', workload.id), input, now);
    return {
      WorkloadId: workload.id,
      WorkloadShareSummaries: page.items.map((s) => presentWorkloadShareSummary(s, now)),
      NextToken: page.nextToken,
    };
  });
}
