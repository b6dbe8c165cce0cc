import { ConflictError, QuotaError } from '../../domain/errors';
import type { Trx } from '../../store/database';
import { deleteShare, insertShare, listResourceShares, type ShareRecord, type ShareResourceType } from '../../store/shares.repo';
import { newResourceId } from '../account-resources';
import type { ServiceContext } from '../context';
import { pageOfShares, type ShareListInput } from './present';
import { parseSharedWith, shareNotFound } from './rules';

/**
 * The owner's side of every share (workloads, lenses, profiles, templates):
 * adding one, finding one, removing one and listing them. Only the owner
 * manages shares; its services find the resource first.
 */

export interface SharedResource {
  type: ShareResourceType;
  /** What its shares name it by: a workload's id, any other resource's ARN. */
  id: string;
  accountId: string;
  /** How messages name it: "Workload", "Lens", "Profile", "Review template". */
  label: string;
  /** Shares per resource. */
  max: number;
  /** Whether it can be shared with organizations and OUs (lenses only). */
  groups?: boolean;
  /** The quota error's message where it is not "A <label> can be shared at most <max> times". */
  quotaMessage?: string;
  /** What the error on sharing twice with a recipient advises, after saying so. */
  conflictAdvice?: string;
}

export const sharesOf = (trx: Trx, resource: SharedResource) => listResourceShares(trx, resource.type, resource.id);

export async function findShare(trx: Trx, resource: SharedResource, shareId: string): Promise<ShareRecord> {
  const share = (await sharesOf(trx, resource)).find((s) => s.id === shareId);
  if (!share) throw shareNotFound(shareId);
  return share;
}

/** A new share with `sharedWith` (an account, an IAM user, and for lenses an organization or OU), under the resource's quota. */
export async function addShare(ctx: ServiceContext, trx: Trx, resource: SharedResource, sharedWith: string, permission = 'READONLY') {
  const recipient = parseSharedWith(sharedWith, { ownerAccountId: resource.accountId, region: ctx.region, groups: resource.groups ?? false });
  const shares = await sharesOf(trx, resource);
  const existing = shares.find((s) => s.sharedWith === recipient.sharedWith);
  if (existing) {
    const advice = resource.conflictAdvice ? `; ${resource.conflictAdvice}` : '';
    throw new ConflictError(`${resource.label} ${resource.id} is already shared with ${recipient.sharedWith} (share ${existing.id})${advice}`, existing.id, `${resource.type}_SHARE`);
  }
  if (shares.length >= resource.max) {
    const message = resource.quotaMessage ?? `A ${resource.label.toLowerCase()} can be shared at most ${resource.max} times`;
    throw new QuotaError(message, `shares-per-${resource.type.toLowerCase()}`, resource.type, resource.id);
  }
  const now = ctx.now();
  const id = newResourceId();
  // The invitation has the share's id, so programs accept a share by the ShareId they were given.
  const share: ShareRecord = {
    id,
    invitationId: id,
    resourceType: resource.type,
    resourceId: resource.id,
    ownerAccountId: resource.accountId,
    sharedWith: recipient.sharedWith,
    recipientKind: recipient.kind,
    recipientAccountId: recipient.accountId,
    recipientUserName: recipient.userName,
    permission,
    // Everyone in an organization or OU has the resource at once; accounts and users are invited.
    status: recipient.accountId ? 'PENDING' : 'ASSOCIATED',
    invitedAt: now,
    createdAt: now,
    updatedAt: now,
  };
  await insertShare(trx, share);
  return { ShareId: share.id };
}

export async function removeShare(trx: Trx, resource: SharedResource, shareId: string) {
  await deleteShare(trx, (await findShare(trx, resource, shareId)).id);
}

/** A page of the resource's shares as `present` shows each (workload shares have a permission, the others not). */
export async function pageOfResourceShares<T>(
  ctx: ServiceContext,
  trx: Trx,
  resource: SharedResource,
  input: ShareListInput,
  present: (share: ShareRecord, now: number) => T,
) {
  const now = ctx.now();
  const page = pageOfShares(await sharesOf(trx, resource), input, now);
  return { items: page.items.map((s) => present(s, now)), nextToken: page.nextToken };
}
