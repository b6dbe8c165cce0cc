import { ConflictError, NotFoundError } from '../../domain/errors';
import { nameKey } from '../../domain/names';
import type { Trx } from '../../store/database';
import { findCustomLenses } from '../../store/lenses.repo';
import { findProfile } from '../../store/profiles.repo';
import { findShareByInvitation, listRecipientShares, listWorkloadNames, updateShareState, type ShareRecord } from '../../store/shares.repo';
import { mutate, read, type ServiceContext } from '../context';
import { decodeToken, encodeToken } from '../pagination';
import type { Principal } from '../principal';
import { findTemplate } from '../../store/templates.repo';
import { shareStatus } from './rules';

/**
 * The recipient's side: pending invitations, accepted or rejected by their
 * invitee. Account invitations belong to the whole account (root and users);
 * a user's invitation to that user alone. Organization and OU lens shares
 * need no invitation.
 */

const invitationNotFound = (id: string) => new NotFoundError(`Share invitation ${id} was not found`, id, 'SHARE_INVITATION');

/** The invitations this principal may answer, of one resource type or all. */
const inviteeShares = (trx: Trx, principal: Principal, statuses: ShareRecord['status'][]) =>
  listRecipientShares(trx, { accountId: principal.accountId, userName: principal.userName }, { statuses });

async function resourceNames(trx: Trx, shares: ShareRecord[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const workloadIds = shares.filter((s) => s.resourceType === 'WORKLOAD').map((s) => s.resourceId);
  if (workloadIds.length) {
    for (const w of await listWorkloadNames(trx, workloadIds)) names.set(w.id, w.name);
  }
  const lensArns = shares.filter((s) => s.resourceType === 'LENS').map((s) => s.resourceId);
  for (const lens of await findCustomLenses(trx, lensArns)) names.set(lens.arn, lens.name);
  // A deleted profile's pending invitations are not listed: there is nothing left to accept.
  for (const s of shares.filter((s) => s.resourceType === 'PROFILE')) {
    const profile = await findProfile(trx, s.resourceId);
    if (profile && profile.deletedAt === null) names.set(profile.arn, profile.name);
  }
  for (const s of shares.filter((s) => s.resourceType === 'TEMPLATE')) {
    const template = await findTemplate(trx, s.resourceId);
    if (template) names.set(template.arn, template.name);
  }
  return names;
}

/** The members naming the shared resource in an invitation summary. */
function invitedResource(s: ShareRecord, name: string | undefined) {
  switch (s.resourceType) {
    case 'WORKLOAD':
      return { WorkloadName: name, WorkloadId: s.resourceId };
    case 'LENS':
      return { LensName: name, LensArn: s.resourceId };
    case 'PROFILE':
      return { ProfileName: name, ProfileArn: s.resourceId };
    case 'TEMPLATE':
      return { TemplateName: name, TemplateArn: s.resourceId };
  }
}

/** The members naming the shared resource in UpdateShareInvitation's answer. */
function answeredResource(s: ShareRecord) {
  switch (s.resourceType) {
    case 'WORKLOAD':
      return { WorkloadId: s.resourceId };
    case 'LENS':
      return { LensAlias: s.resourceId, LensArn: s.resourceId };
    case 'PROFILE':
      return { ProfileArn: s.resourceId };
    case 'TEMPLATE':
      return { TemplateArn: s.resourceId };
  }
}

const isAfterId = (v: unknown): v is { s: string } => typeof v === 'object' && v !== null && typeof (v as { s: unknown }).s === 'string';

export async function listShareInvitations(
  ctx: ServiceContext,
  principal: Principal,
  input: {
    WorkloadNamePrefix?: string;
    LensNamePrefix?: string;
    ProfileNamePrefix?: string;
    TemplateNamePrefix?: string;
    ShareResourceType?: string;
    NextToken?: string;
    MaxResults?: number;
  },
) {
  const after = decodeToken(input.NextToken, isAfterId)?.s;
  const limit = input.MaxResults ?? 50;
  return read(ctx, async (trx) => {
    const now = ctx.now();
    const pending = (await inviteeShares(trx, principal, ['PENDING'])).filter((s) => shareStatus(s, now) === 'PENDING');
    const names = await resourceNames(trx, pending);
    const workloadPrefix = input.WorkloadNamePrefix ? nameKey(input.WorkloadNamePrefix) : undefined;
    const prefixes: Record<string, string | undefined> = {
      LENS: input.LensNamePrefix?.toLowerCase(),
      PROFILE: input.ProfileNamePrefix?.toLowerCase(),
      TEMPLATE: input.TemplateNamePrefix?.toLowerCase(),
    };
    const matching = pending.filter((s) => {
      const name = names.get(s.resourceId);
      if (name === undefined || (after !== undefined && s.invitationId <= after)) return false;
      if (input.ShareResourceType && s.resourceType !== input.ShareResourceType) return false;
      if (s.resourceType === 'WORKLOAD') return !workloadPrefix || nameKey(name).startsWith(workloadPrefix);
      const prefix = prefixes[s.resourceType];
      return !prefix || name.toLowerCase().startsWith(prefix);
    });
    matching.sort((a, b) => (a.invitationId < b.invitationId ? -1 : 1));
    const items = matching.slice(0, limit);
    return {
      ShareInvitationSummaries: items.map((s) => ({
        ShareInvitationId: s.invitationId,
        SharedBy: s.ownerAccountId,
        SharedWith: s.sharedWith,
        PermissionType: s.permission,
        ShareResourceType: s.resourceType,
        ...invitedResource(s, names.get(s.resourceId)),
      })),
      NextToken: matching.length > limit ? encodeToken({ s: items[items.length - 1].invitationId }) : undefined,
    };
  });
}

/**
 * ACCEPT a pending invitation; REJECT a pending one, or give up an accepted
 * share. Expired, rejected and already accepted invitations cannot be accepted.
 */
export async function updateShareInvitation(
  ctx: ServiceContext,
  principal: Principal,
  input: { ShareInvitationId: string; ShareInvitationAction: 'ACCEPT' | 'REJECT' },
) {
  return mutate(ctx, { principal, operation: 'UpdateShareInvitation' }, async (trx) => {
    const share = await findShareByInvitation(trx, input.ShareInvitationId);
    const invitee =
      share &&
      share.recipientAccountId === principal.accountId &&
      (share.recipientKind === 'ACCOUNT' || (share.recipientKind === 'USER' && share.recipientUserName === principal.userName));
    if (!share || !invitee) throw invitationNotFound(input.ShareInvitationId);
    const now = ctx.now();
    const status = shareStatus(share, now);
    const allowed = input.ShareInvitationAction === 'ACCEPT' ? status === 'PENDING' : status === 'PENDING' || status === 'ACCEPTED';
    if (!allowed) {
      throw new ConflictError(
        `Share invitation ${share.invitationId} is ${status} and cannot be ${input.ShareInvitationAction === 'ACCEPT' ? 'accepted' : 'rejected'}`,
        share.invitationId,
        'SHARE_INVITATION',
      );
    }
    await updateShareState(trx, share.id, {
      permission: share.permission,
      status: input.ShareInvitationAction === 'ACCEPT' ? 'ACCEPTED' : 'REJECTED',
      invitedAt: share.invitedAt,
      updatedAt: now,
    });
    return {
      ShareInvitation: {
        ShareInvitationId: share.invitationId,
        ShareResourceType: share.resourceType,
        ...answeredResource(share),
      },
    };
  });
}
