import { ConflictError, QuotaError, ValidationError } from '../../domain/errors';
import type { Trx } from '../../store/database';
import { findCustomLens, type CustomLensRecord } from '../../store/lenses.repo';
import { deleteShare, insertShare, listResourceShares, type ShareRecord } from '../../store/shares.repo';
import { checkOrganizationSharing } from '../settings.service';
import { mutate, read, type ServiceContext } from '../context';
import { lensNotFound } from '../lenses/lens-access';
import type { Principal } from '../principal';
import { pageOfShares, presentLensShareSummary, type ShareListInput } from './present';
import { MAX_LENS_SHARES, parseSharedWith, shareNotFound } from './rules';
import { newHexId } from './workload-shares.service';

/**
 * The owner's side of lens sharing. Only published custom lenses are shared.
 * A deleted lens's shares remain (recipients keep it) until the owner deletes them.
 */

async function ownLensForSharing(ctx: ServiceContext, trx: Trx, principal: Principal, alias: string, operation: string, lock = true): Promise<CustomLensRecord> {
  if (ctx.catalog.officialAlias(alias)) {
    throw ValidationError.field('LensAlias', `${operation}: ${alias} is provided by AWS, and AWS-provided lenses cannot be shared`);
  }
  const lens = await findCustomLens(trx, alias, lock && ctx.store.dialect === 'postgres');
  if (!lens || lens.accountId !== principal.accountId) throw lensNotFound(alias);
  return lens;
}

export async function createLensShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { LensAlias: string; SharedWith: string; ClientRequestToken?: string },
) {
  const { ClientRequestToken: token, ...request } = input;
  return mutate(ctx, { principal, operation: 'CreateLensShare', token, request }, async (trx) => {
    const lens = await ownLensForSharing(ctx, trx, principal, input.LensAlias, 'CreateLensShare');
    if (lens.deletedAt !== null) throw lensNotFound(input.LensAlias);
    if (!lens.latestVersion) {
      throw ValidationError.field('LensAlias', `lens ${lens.arn} is a draft: publish a version (CreateLensVersion) before sharing it`);
    }
    const recipient = parseSharedWith(input.SharedWith, { ownerAccountId: lens.accountId, region: ctx.region, groups: true });
    await checkOrganizationSharing(trx, lens.accountId, recipient.kind);
    const shares = await listResourceShares(trx, 'LENS', lens.arn);
    const existing = shares.find((s) => s.sharedWith === recipient.sharedWith);
    if (existing) {
      throw new ConflictError(`Lens ${lens.arn} is already shared with ${recipient.sharedWith} (share ${existing.id})`, existing.id, 'LENS_SHARE');
    }
    if (shares.length >= MAX_LENS_SHARES) {
      throw new QuotaError(`A lens can be shared at most ${MAX_LENS_SHARES} times`, 'shares-per-lens', 'LENS', lens.arn);
    }
    const now = ctx.now();
    const id = newHexId();
    // The invitation has the share's id, so programs accept a share by the ShareId they were given.
    const share: ShareRecord = {
      id,
      invitationId: id,
      resourceType: 'LENS',
      resourceId: lens.arn,
      ownerAccountId: lens.accountId,
      sharedWith: recipient.sharedWith,
      recipientKind: recipient.kind,
      recipientAccountId: recipient.accountId,
      recipientUserName: recipient.userName,
      permission: 'READONLY',
      // Everyone in an organization or OU has the lens at once; accounts and users are invited.
      status: recipient.accountId ? 'PENDING' : 'ASSOCIATED',
      invitedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    await insertShare(trx, share);
    return { ShareId: share.id };
  });
}

export async function deleteLensShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { LensAlias: string; ShareId: string; ClientRequestToken?: string },
) {
  const { ClientRequestToken: token, ...request } = input;
  await mutate(ctx, { principal, operation: 'DeleteLensShare', token, request }, async (trx) => {
    const lens = await ownLensForSharing(ctx, trx, principal, input.LensAlias, 'DeleteLensShare');
    const share = (await listResourceShares(trx, 'LENS', lens.arn)).find((s) => s.id === input.ShareId);
    if (!share) throw shareNotFound(input.ShareId);
    await deleteShare(trx, share.id);
    return {};
  });
  return {};
}

export async function listLensShares(ctx: ServiceContext, principal: Principal, input: ShareListInput & { LensAlias: string }) {
  return read(ctx, async (trx) => {
    const lens = await ownLensForSharing(ctx, trx, principal, input.LensAlias, 'ListLensShares', false);
    const now = ctx.now();
    const page = pageOfShares(await listResourceShares(trx, 'LENS', lens.arn), input, now);
    return { LensShareSummaries: page.items.map((s) => presentLensShareSummary(s, now)), NextToken: page.nextToken };
  });
}
