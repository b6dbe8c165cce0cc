import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { checkNameCharacters, nameKey } from '../../domain/names';
import { profileArn } from '../../domain/profile/arns';
import { applyProfileAnswers, sameSelections, type ProfileQuestionUpdate } from '../../domain/profile/profile-template';
import { isUniqueViolation, type Trx } from '../../store/database';
import {
  findProfile,
  findProfileByNameKey,
  findProfileSelections,
  insertProfile,
  insertProfileVersion,
  listLiveProfiles,
  markProfileDeleted,
  updateProfile as updateProfileRow,
  type ProfileRecord,
} from '../../store/profiles.repo';
import { deleteTags, listTags, putTags } from '../../store/tags.repo';
import { newAccountResource } from '../account-resources';
import { mutate, mutateRequest, read, type ServiceContext } from '../context';
import { pageOf, seconds } from '../pagination';
import type { Principal } from '../principal';
import { resourceGrant, sharedResourceIds } from '../shares/recipient-access';
import { tagProblems } from '../workloads/rules';
import { presentProfileQuestions, PROFILE_TEMPLATE } from './profile-template';

/**
 * Profiles: answers to the profile template, kept in numbered versions. A new
 * version is made whenever the answers change; workloads stay on the version
 * they were given until they upgrade. A deleted profile keeps its versions so
 * that workloads on it keep their priorities and are told it is gone.
 */

/** The hosted tool publishes no limit on profiles per account; this one is ours (README). */
export const MAX_PROFILES_PER_ACCOUNT = 100;

const PROFILES = {
  arn: profileArn,
  max: MAX_PROFILES_PER_ACCOUNT,
  plural: 'profiles',
  resourceType: 'PROFILE',
  count: async (trx: Trx, accountId: string) => (await listLiveProfiles(trx, accountId)).length,
};

export const profileNotFound = (arn: string) => new NotFoundError(`Profile ${arn} was not found`, arn, 'PROFILE');

/**
 * A live profile of the principal's account, or not found. With `shared`, a
 * profile shared with the principal (accepted) too: recipients read and apply
 * it but never change it, so only readers ask for that.
 */
export async function profileFor(ctx: ServiceContext, trx: Trx, principal: Principal, arn: string, options: { lock?: boolean; shared?: boolean } = {}) {
  const profile = await findProfile(trx, arn, options.lock ? ctx.store.dialect : undefined);
  if (!profile || profile.deletedAt !== null) throw profileNotFound(arn);
  if (profile.accountId !== principal.accountId && !(options.shared && (await resourceGrant(trx, principal, 'PROFILE', profile.arn)))) {
    throw profileNotFound(arn);
  }
  return profile;
}

/** The rules of CreateProfile that need nothing but the request. */
export function createProfileProblems(input: { ProfileName?: string; Tags?: Record<string, string> }) {
  return [...(input.ProfileName !== undefined ? checkNameCharacters('ProfileName', input.ProfileName) : []), ...tagProblems(input.Tags)];
}

const conflictOnName = (name: string, arn: string) =>
  new ConflictError(`A profile named '${name}' already exists (names ignore spaces and case)`, arn, 'PROFILE');

async function presentProfile(trx: Trx, profile: ProfileRecord, version: number) {
  const selections = await findProfileSelections(trx, profile.arn, version);
  if (!selections) throw new NotFoundError(`Profile ${profile.arn} has no version ${version}`, profile.arn, 'PROFILE');
  const tags = await listTags(trx, profile.arn);
  return {
    ProfileArn: profile.arn,
    ProfileVersion: String(version),
    ProfileName: profile.name,
    ProfileDescription: profile.description,
    ProfileQuestions: presentProfileQuestions(selections),
    Owner: profile.accountId,
    CreatedAt: seconds(profile.createdAt),
    UpdatedAt: seconds(profile.updatedAt),
    Tags: Object.keys(tags).length ? tags : undefined,
  };
}

export async function createProfile(
  ctx: ServiceContext,
  principal: Principal,
  input: { ProfileName: string; ProfileDescription: string; ProfileQuestions: ProfileQuestionUpdate[]; ClientRequestToken?: string; Tags?: Record<string, string> },
) {
  try {
    return await mutateRequest(ctx, principal, 'CreateProfile', input, async (trx) => {
      const { selections, problems } = applyProfileAnswers(PROFILE_TEMPLATE, {}, input.ProfileQuestions);
      if (problems.length) throw ValidationError.fields(problems);
      const key = nameKey(input.ProfileName);
      const existing = await findProfileByNameKey(trx, principal.accountId, key);
      if (existing) throw conflictOnName(input.ProfileName, existing.arn);
      const now = ctx.now();
      const profile: ProfileRecord = {
        ...(await newAccountResource(ctx, trx, principal, PROFILES, now)),
        name: input.ProfileName,
        description: input.ProfileDescription,
        latestVersion: 1,
        deletedAt: null,
      };
      await insertProfile(trx, profile, key);
      await insertProfileVersion(trx, profile.arn, 1, selections, now);
      if (input.Tags) await putTags(trx, profile.arn, input.Tags);
      return { ProfileArn: profile.arn, ProfileVersion: '1' };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const holder = await findProfileByNameKey(ctx.store.db, principal.accountId, nameKey(input.ProfileName));
    throw conflictOnName(input.ProfileName, holder?.arn ?? input.ProfileName);
  }
}

export async function getProfile(ctx: ServiceContext, principal: Principal, input: { ProfileArn: string; ProfileVersion?: string }) {
  return read(ctx, async (trx) => {
    const profile = await profileFor(ctx, trx, principal, input.ProfileArn, { shared: true });
    let version = profile.latestVersion;
    if (input.ProfileVersion !== undefined) {
      version = /^[1-9][0-9]{0,8}$/.test(input.ProfileVersion) ? Number(input.ProfileVersion) : 0;
      if (version < 1 || version > profile.latestVersion) {
        throw new NotFoundError(`Profile ${profile.arn} has no version '${input.ProfileVersion}' (versions 1 to ${profile.latestVersion})`, profile.arn, 'PROFILE');
      }
    }
    return { Profile: await presentProfile(trx, profile, version) };
  });
}

export async function updateProfile(
  ctx: ServiceContext,
  principal: Principal,
  input: { ProfileArn: string; ProfileDescription?: string; ProfileQuestions?: ProfileQuestionUpdate[] },
) {
  return mutate(ctx, { principal, operation: 'UpdateProfile' }, async (trx) => {
    const profile = await profileFor(ctx, trx, principal, input.ProfileArn, { lock: true });
    const current = (await findProfileSelections(trx, profile.arn, profile.latestVersion)) ?? {};
    const { selections, problems } = applyProfileAnswers(PROFILE_TEMPLATE, current, input.ProfileQuestions ?? []);
    if (problems.length) throw ValidationError.fields(problems);
    const now = ctx.now();
    const next: ProfileRecord = { ...profile, description: input.ProfileDescription ?? profile.description, updatedAt: now };
    // Only changed answers change what is prioritized, so only they make a version.
    if (!sameSelections(current, selections)) {
      next.latestVersion = profile.latestVersion + 1;
      await insertProfileVersion(trx, profile.arn, next.latestVersion, selections, now);
    }
    await updateProfileRow(trx, next);
    return { Profile: await presentProfile(trx, next, next.latestVersion) };
  });
}

export async function deleteProfile(ctx: ServiceContext, principal: Principal, input: { ProfileArn: string; ClientRequestToken?: string }) {
  await mutateRequest(ctx, principal, 'DeleteProfile', input, async (trx) => {
    const profile = await profileFor(ctx, trx, principal, input.ProfileArn, { lock: true });
    await markProfileDeleted(trx, profile.arn, ctx.now());
    await deleteTags(trx, profile.arn, Object.keys(await listTags(trx, profile.arn)));
    return {};
  });
  return {};
}

export async function listProfiles(
  ctx: ServiceContext,
  principal: Principal,
  input: { ProfileNamePrefix?: string; ProfileOwnerType?: string; NextToken?: string; MaxResults?: number },
) {
  return read(ctx, async (trx) => {
    const own = input.ProfileOwnerType === 'SHARED' ? [] : await listLiveProfiles(trx, principal.accountId);
    // The account's own profiles first, then those shared with it, each in creation order.
    const shared = [];
    if (input.ProfileOwnerType !== 'SELF') {
      for (const arn of await sharedResourceIds(trx, principal, 'PROFILE')) {
        const profile = await findProfile(trx, arn);
        if (profile && profile.deletedAt === null) shared.push(profile);
      }
      shared.sort((x, y) => x.createdAt - y.createdAt || (x.arn < y.arn ? -1 : 1));
    }
    const prefix = input.ProfileNamePrefix?.toLowerCase() ?? '';
    const page = pageOf([...own, ...shared].filter((p) => p.name.toLowerCase().startsWith(prefix)), input.NextToken, input.MaxResults);
    return {
      ProfileSummaries: page.items.map((p) => ({
        ProfileArn: p.arn,
        ProfileVersion: String(p.latestVersion),
        ProfileName: p.name,
        ProfileDescription: p.description,
        Owner: p.accountId,
        CreatedAt: seconds(p.createdAt),
        UpdatedAt: seconds(p.updatedAt),
      })),
      NextToken: page.nextToken,
    };
  });
}
