import { NotFoundError, ValidationError } from '../../domain/errors';
import type { RecipientKind, ShareRecord } from '../../store/shares.repo';

/** Rules of "Sharing considerations", "Sharing a custom lens" and "Share invitations". */

export const MAX_WORKLOAD_SHARES = 20;
export const MAX_LENS_SHARES = 300;
export const MAX_TEMPLATE_SHARES = 20;
/** The hosted tool publishes no limit on shares per profile; this one is ours (README). */
export const MAX_PROFILE_SHARES = 300;
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface ParsedRecipient {
  kind: RecipientKind;
  /** What is stored and shown as SharedWith. */
  sharedWith: string;
  accountId: string | null;
  userName: string | null;
}

const USER_ARN = /^arn:aws:iam:([a-z0-9-]*):([0-9]{12}):user\/([\w+=,.@-]{1,64})$/;

/** The kind of group a SharedWith value names (an organization o-… or an OU ou-…), if it names one. */
export function groupKind(value: string): 'ORGANIZATION' | 'ORGANIZATIONAL_UNIT' | undefined {
  const trimmed = value.trim();
  return /^o-[a-z0-9]{10,32}$/.test(trimmed) ? 'ORGANIZATION' : /^ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/.test(trimmed) ? 'ORGANIZATIONAL_UNIT' : undefined;
}

/**
 * Reads SharedWith: a 12-digit account id or an IAM user ARN, and for lenses an
 * organization (o-…) or OU (ou-…) id too; never the owner's own account, never
 * another region.
 */
export function parseSharedWith(value: string, options: { ownerAccountId: string; region: string; groups: boolean }): ParsedRecipient {
  const fail = (message: string) => ValidationError.field('SharedWith', message);
  const trimmed = value.trim();
  let parsed: ParsedRecipient | undefined;
  if (/^[0-9]{12}$/.test(trimmed)) parsed = { kind: 'ACCOUNT', sharedWith: trimmed, accountId: trimmed, userName: null };
  const user = USER_ARN.exec(trimmed);
  if (user) {
    if (user[1] !== '' && user[1] !== options.region) {
      throw fail(`'${value}' is in region ${user[1]}; shares stay in this region (${options.region})`);
    }
    parsed = { kind: 'USER', sharedWith: `arn:aws:iam::${user[2]}:user/${user[3]}`, accountId: user[2], userName: user[3] };
  }
  const group = groupKind(trimmed);
  if (group) {
    if (!options.groups) throw fail('workloads are shared with AWS accounts and IAM users only, not organizations or OUs');
    parsed = { kind: group, sharedWith: trimmed, accountId: null, userName: null };
  }
  if (!parsed) {
    const expected = options.groups
      ? 'a 12-digit account id, an IAM user ARN (arn:aws:iam::<account>:user/<name>), an organization id (o-…) or an OU id (ou-…)'
      : 'a 12-digit account id or an IAM user ARN (arn:aws:iam::<account>:user/<name>)';
    throw fail(`'${value}' is not ${expected}`);
  }
  if (parsed.accountId === options.ownerAccountId) throw fail(`'${value}' is in the owner's own account; share with other accounts`);
  return parsed;
}

/** The status as the API shows it: a pending invitation older than seven days has expired. */
export function shareStatus(share: ShareRecord, now: number): string {
  if (share.status === 'PENDING' && now - share.invitedAt > INVITATION_LIFETIME_MS) return 'EXPIRED';
  return share.status;
}

export const shareNotFound = (shareId: string) => new NotFoundError(`Share ${shareId} was not found`, shareId, 'SHARE');
