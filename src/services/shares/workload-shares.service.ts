import { ConflictError } from '../../domain/errors';
import type { WorkloadRecord } from '../../store/records';
import { updateShareState, type ShareRecord } from '../../store/shares.repo';
import { changeOwnWorkload, workloadFor } from '../access';
import { checkOrganizationSharing } from '../settings.service';
import { read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { presentWorkloadShareSummary, type ShareListInput } from './present';
import { addShare, findShare, pageOfResourceShares, removeShare, type SharedResource } from './resource-shares';
import { groupKind, MAX_WORKLOAD_SHARES, shareStatus } from './rules';

/**
 * The owner's side of workload sharing. Only the owner manages shares; a
 * recipient gets AccessDeniedException, anyone else the workload's not-found.
 */

const shared = (workload: WorkloadRecord): SharedResource => ({
  type: 'WORKLOAD',
  id: workload.id,
  accountId: workload.accountId,
  label: 'Workload',
  max: MAX_WORKLOAD_SHARES,
  quotaMessage: `A workload can be shared with at most ${MAX_WORKLOAD_SHARES} accounts and users`,
  conflictAdvice: 'update or delete that share',
});

export async function createWorkloadShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; SharedWith: string; PermissionType: string; ClientRequestToken?: string },
) {
  return changeOwnWorkload(ctx, principal, 'CreateWorkloadShare', input, async (trx, workload) => {
    // While organization sharing is disabled a share with an organization or OU is refused for that reason, as the hosted service words it.
    await checkOrganizationSharing(trx, workload.accountId, groupKind(input.SharedWith));
    const { ShareId } = await addShare(ctx, trx, shared(workload), input.SharedWith, input.PermissionType);
    return { WorkloadId: workload.id, ShareId };
  });
}

/**
 * A new permission. An accepted share keeps its acceptance and the new
 * permission applies at once; a pending or expired invitation is sent again
 * for another seven days; a rejected one stays rejected (share again instead).
 */
export async function updateWorkloadShare(ctx: ServiceContext, principal: Principal, input: { WorkloadId: string; ShareId: string; PermissionType: string }) {
  return changeOwnWorkload(ctx, principal, 'UpdateWorkloadShare', input, async (trx, workload) => {
    const share = await findShare(trx, shared(workload), input.ShareId);
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
export async function deleteWorkloadShare(ctx: ServiceContext, principal: Principal, input: { WorkloadId: string; ShareId: string; ClientRequestToken?: string }) {
  return changeOwnWorkload(ctx, principal, 'DeleteWorkloadShare', input, async (trx, workload) => {
    await removeShare(trx, shared(workload), input.ShareId);
    return {};
  });
}

export async function listWorkloadShares(ctx: ServiceContext, principal: Principal, input: ShareListInput & { WorkloadId: string }) {
  return read(ctx, async (trx) => {
    const workload = await workloadFor(ctx, trx, principal, input.WorkloadId, 'own');
    const page = await pageOfResourceShares(ctx, trx, shared(workload), input, presentWorkloadShareSummary);
    return { WorkloadId: workload.id, WorkloadShareSummaries: page.items, NextToken: page.nextToken };
  });
}
