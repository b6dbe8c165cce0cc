import type { Trx } from '../../store/database';
import { mutate, read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { profileFor } from '../profiles/profiles.service';
import type { ShareListInput } from './present';
import { addShare, pageOfResourceShares, removeShare, type OwnedResource } from './resource-shares';
import { MAX_PROFILE_SHARES } from './rules';

/** The owner's side of profile sharing; recipients only read and apply the profile. */

async function ownProfile(ctx: ServiceContext, trx: Trx, principal: Principal, arn: string, lock: boolean): Promise<OwnedResource> {
  const profile = await profileFor(ctx, trx, principal, arn, { lock });
  return { type: 'PROFILE', arn: profile.arn, accountId: profile.accountId, label: 'Profile', max: MAX_PROFILE_SHARES };
}

export async function createProfileShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { ProfileArn: string; SharedWith: string; ClientRequestToken?: string },
) {
  const { ClientRequestToken: token, ...request } = input;
  return mutate(ctx, { principal, operation: 'CreateProfileShare', token, request }, async (trx) => {
    const profile = await ownProfile(ctx, trx, principal, input.ProfileArn, true);
    const { ShareId } = await addShare(ctx, trx, profile, input.SharedWith);
    return { ShareId, ProfileArn: profile.arn };
  });
}

export async function deleteProfileShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { ProfileArn: string; ShareId: string; ClientRequestToken?: string },
) {
  const { ClientRequestToken: token, ...request } = input;
  await mutate(ctx, { principal, operation: 'DeleteProfileShare', token, request }, async (trx) => {
    await removeShare(trx, await ownProfile(ctx, trx, principal, input.ProfileArn, true), input.ShareId);
    return {};
  });
  return {};
}

export async function listProfileShares(ctx: ServiceContext, principal: Principal, input: ShareListInput & { ProfileArn: string }) {
  return read(ctx, async (trx) => {
    const page = await pageOfResourceShares(ctx, trx, await ownProfile(ctx, trx, principal, input.ProfileArn, false), input);
    return { ProfileShareSummaries: page.items, NextToken: page.nextToken };
  });
}
