import { ValidationError } from '../../domain/errors';
import type { Trx } from '../../store/database';
import { findCustomLens, type CustomLensRecord } from '../../store/lenses.repo';
import { checkOrganizationSharing } from '../settings.service';
import { mutateRequest, read, type ServiceContext } from '../context';
import { lensNotFound } from '../lenses/lens-access';
import type { Principal } from '../principal';
import { presentLensShareSummary, type ShareListInput } from './present';
import { addShare, pageOfResourceShares, removeShare, type SharedResource } from './resource-shares';
import { groupKind, MAX_LENS_SHARES } from './rules';

/**
 * The owner's side of lens sharing. Only published custom lenses are shared,
 * with accounts, IAM users, organizations and OUs.
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

const shared = (lens: CustomLensRecord): SharedResource => ({ type: 'LENS', id: lens.arn, accountId: lens.accountId, label: 'Lens', max: MAX_LENS_SHARES, groups: true });

export async function createLensShare(ctx: ServiceContext, principal: Principal, input: { LensAlias: string; SharedWith: string; ClientRequestToken?: string }) {
  return mutateRequest(ctx, principal, 'CreateLensShare', input, async (trx) => {
    const lens = await ownLensForSharing(ctx, trx, principal, input.LensAlias, 'CreateLensShare');
    if (lens.deletedAt !== null) throw lensNotFound(input.LensAlias);
    if (!lens.latestVersion) {
      throw ValidationError.field('LensAlias', `lens ${lens.arn} is a draft: publish a version (CreateLensVersion) before sharing it`);
    }
    await checkOrganizationSharing(trx, lens.accountId, groupKind(input.SharedWith));
    return addShare(ctx, trx, shared(lens), input.SharedWith);
  });
}

export async function deleteLensShare(ctx: ServiceContext, principal: Principal, input: { LensAlias: string; ShareId: string; ClientRequestToken?: string }) {
  await mutateRequest(ctx, principal, 'DeleteLensShare', input, async (trx) => {
    await removeShare(trx, shared(await ownLensForSharing(ctx, trx, principal, input.LensAlias, 'DeleteLensShare')), input.ShareId);
    return {};
  });
  return {};
}

export async function listLensShares(ctx: ServiceContext, principal: Principal, input: ShareListInput & { LensAlias: string }) {
  return read(ctx, async (trx) => {
    const lens = await ownLensForSharing(ctx, trx, principal, input.LensAlias, 'ListLensShares', false);
    const page = await pageOfResourceShares(ctx, trx, shared(lens), input, presentLensShareSummary);
    return { LensShareSummaries: page.items, NextToken: page.nextToken };
  });
}
