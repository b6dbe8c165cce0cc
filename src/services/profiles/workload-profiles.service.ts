import { ValidationError } from '../../domain/errors';
import type { Trx } from '../../store/database';
import {
  deleteWorkloadProfile,
  findProfile,
  findWorkloadProfile,
  listProfiledWorkloads,
  putWorkloadProfile,
} from '../../store/profiles.repo';
import type { WorkloadRecord } from '../../store/records';
import { touchWorkloadTime } from '../../store/workloads.repo';
import { changeOwnWorkload, workloadFor } from '../access';
import { read, type ServiceContext } from '../context';
import { saveMilestone } from '../milestones.service';
import { pageOf } from '../pagination';
import { resourceGrant } from '../shares/recipient-access';
import type { Principal } from '../principal';
import { profileFor, profileNotFound } from './profiles.service';

/**
 * A workload's profile: at most one, on the version it was given until the
 * workload upgrades. Notifications are computed from the workloads' versions,
 * so an upgrade or a removal clears them at once.
 */

export const MAX_PROFILES_PER_WORKLOAD = 1;

function oneProfile(field: string, arns: string[]) {
  if (arns.length > MAX_PROFILES_PER_WORKLOAD) {
    throw ValidationError.field(field, `a workload can have at most ${MAX_PROFILES_PER_WORKLOAD} profile (got ${arns.length})`);
  }
}

/** Gives a new workload its profile (CreateWorkload's ProfileArns), at the latest version. */
export async function attachProfile(ctx: ServiceContext, trx: Trx, principal: Principal, workload: WorkloadRecord, arns: string[]) {
  oneProfile('ProfileArns', arns);
  for (const arn of arns) {
    const profile = await profileFor(ctx, trx, principal, arn, { shared: true });
    await putWorkloadProfile(trx, { workloadId: workload.id, profileArn: profile.arn, profileVersion: profile.latestVersion });
  }
}

export async function associateProfiles(ctx: ServiceContext, principal: Principal, input: { WorkloadId: string; ProfileArns: string[] }) {
  return changeOwnWorkload(ctx, principal, 'AssociateProfiles', input, async (trx, workload) => {
    const arns = [...new Set(input.ProfileArns)];
    oneProfile('ProfileArns', arns);
    const profile = await profileFor(ctx, trx, principal, arns[0], { shared: true });
    const current = await findWorkloadProfile(trx, workload.id);
    if (current?.profileArn === profile.arn) return {};
    if (current) {
      throw ValidationError.field('ProfileArns', `workload ${workload.id} already has profile ${current.profileArn}; a workload can have one profile, so remove it first`);
    }
    await putWorkloadProfile(trx, { workloadId: workload.id, profileArn: profile.arn, profileVersion: profile.latestVersion });
    await touchWorkloadTime(trx, workload.id, ctx.now());
    return {};
  });
}

export async function disassociateProfiles(ctx: ServiceContext, principal: Principal, input: { WorkloadId: string; ProfileArns: string[] }) {
  return changeOwnWorkload(ctx, principal, 'DisassociateProfiles', input, async (trx, workload) => {
    const current = await findWorkloadProfile(trx, workload.id);
    const problems = input.ProfileArns.flatMap((arn, i) =>
      arn === current?.profileArn ? [] : [{ Name: `ProfileArns[${i}]`, Message: `profile ${arn} is not associated with workload ${workload.id}` }],
    );
    if (problems.length) throw ValidationError.fields(problems);
    await deleteWorkloadProfile(trx, workload.id);
    await touchWorkloadTime(trx, workload.id, ctx.now());
    return {};
  });
}

export async function upgradeProfileVersion(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; ProfileArn: string; MilestoneName?: string; ClientRequestToken?: string },
) {
  return changeOwnWorkload(ctx, principal, 'UpgradeProfileVersion', input, async (trx, workload) => {
    const current = await findWorkloadProfile(trx, workload.id);
    if (current?.profileArn !== input.ProfileArn) {
      throw ValidationError.field('ProfileArn', `profile ${input.ProfileArn} is not associated with workload ${workload.id}`);
    }
    const profile = await findProfile(trx, input.ProfileArn);
    if (!profile || (profile.accountId !== principal.accountId && !(await resourceGrant(trx, principal, 'PROFILE', profile.arn)))) {
      throw profileNotFound(input.ProfileArn);
    }
    if (profile.deletedAt !== null) {
      throw ValidationError.field('ProfileArn', `profile ${profile.arn} was deleted; remove it from the workload instead`);
    }
    if (current.profileVersion >= profile.latestVersion) {
      throw ValidationError.field('ProfileArn', `workload ${workload.id} is already on the latest version (${profile.latestVersion}) of profile ${profile.arn}`);
    }
    if (input.MilestoneName !== undefined) await saveMilestone(ctx, trx, principal, workload.id, input.MilestoneName);
    await putWorkloadProfile(trx, { ...current, profileVersion: profile.latestVersion });
    await touchWorkloadTime(trx, workload.id, ctx.now());
    return {};
  });
}

export async function listProfileNotifications(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId?: string; NextToken?: string; MaxResults?: number },
) {
  const notifications = await read(ctx, async (trx) => {
    if (input.WorkloadId) await workloadFor(ctx, trx, principal, input.WorkloadId, 'read');
    const rows = await listProfiledWorkloads(trx, principal.accountId, input.WorkloadId);
    return rows
      .filter((r) => r.deleted_at !== null || r.profile_version < r.latest_version)
      .map((r) => ({
        Type: r.deleted_at !== null ? 'PROFILE_DELETED' : 'PROFILE_ANSWERS_UPDATED',
        ProfileArn: r.profile_arn,
        ProfileName: r.profile_name,
        CurrentProfileVersion: String(r.profile_version),
        LatestProfileVersion: r.deleted_at !== null ? undefined : String(r.latest_version),
        WorkloadId: r.id,
        WorkloadName: r.name,
      }));
  });
  const page = pageOf(notifications, input.NextToken, input.MaxResults);
  return { NotificationSummaries: page.items, NextToken: page.nextToken };
}
