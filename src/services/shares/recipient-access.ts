import { findAccountGroups, listRecipientShares, type Recipient, type ShareRecord } from '../../store/shares.repo';
import type { Conn } from '../lenses/catalog';
import type { Principal } from '../principal';

/**
 * What shares give a principal who does not own the resource. Only accepted
 * workload shares count; a user's own accepted share decides over its account's.
 * Lens shares count once accepted, or at once for organizations and OUs.
 */

export async function recipientOf(conn: Conn, principal: Principal): Promise<Recipient> {
  const groups = await findAccountGroups(conn, principal.accountId);
  return {
    accountId: principal.accountId,
    userName: principal.userName,
    organizationId: groups?.organization_id,
    organizationalUnitId: groups?.organizational_unit_id,
  };
}

const KIND_ORDER = ['USER', 'ACCOUNT', 'ORGANIZATIONAL_UNIT', 'ORGANIZATION'];
const rank = (share: ShareRecord) => KIND_ORDER.indexOf(share.recipientKind);

/** The share that decides the principal's access to a workload it does not own, if any. */
export async function workloadGrant(conn: Conn, principal: Principal, workloadId: string): Promise<ShareRecord | undefined> {
  const shares = await listRecipientShares(
    conn,
    { accountId: principal.accountId, userName: principal.userName },
    { resourceType: 'WORKLOAD', resourceId: workloadId, statuses: ['ACCEPTED'] },
  );
  return shares.sort((a, b) => rank(a) - rank(b))[0];
}

/** The share through which the principal sees a lens it does not own, if any (its own invitation first). */
export async function lensGrant(conn: Conn, principal: Principal, lensArn: string): Promise<ShareRecord | undefined> {
  const shares = await listRecipientShares(conn, await recipientOf(conn, principal), {
    resourceType: 'LENS',
    resourceId: lensArn,
    statuses: ['ACCEPTED', 'ASSOCIATED'],
  });
  return shares.sort((a, b) => rank(a) - rank(b))[0];
}

/** Every lens shared with the principal (accepted or through its organization), one share per lens. */
export async function sharedLensGrants(conn: Conn, principal: Principal): Promise<Map<string, ShareRecord>> {
  const shares = await listRecipientShares(conn, await recipientOf(conn, principal), { resourceType: 'LENS', statuses: ['ACCEPTED', 'ASSOCIATED'] });
  const byLens = new Map<string, ShareRecord>();
  for (const share of shares) {
    if (share.ownerAccountId === principal.accountId) continue;
    const known = byLens.get(share.resourceId);
    if (!known || rank(share) < rank(known)) byLens.set(share.resourceId, share);
  }
  return byLens;
}

/** The accepted share through which the principal uses a profile or template it does not own, if any (its own invitation first). */
export async function resourceGrant(conn: Conn, principal: Principal, resourceType: 'PROFILE' | 'TEMPLATE', resourceId: string): Promise<ShareRecord | undefined> {
  const shares = await listRecipientShares(
    conn,
    { accountId: principal.accountId, userName: principal.userName },
    { resourceType, resourceId, statuses: ['ACCEPTED'] },
  );
  return shares.sort((a, b) => rank(a) - rank(b))[0];
}

/** The ids of every profile or template shared with the principal and accepted. */
export async function sharedResourceIds(conn: Conn, principal: Principal, resourceType: 'PROFILE' | 'TEMPLATE'): Promise<Set<string>> {
  const shares = await listRecipientShares(conn, { accountId: principal.accountId, userName: principal.userName }, { resourceType, statuses: ['ACCEPTED'] });
  return new Set(shares.filter((s) => s.ownerAccountId !== principal.accountId).map((s) => s.resourceId));
}
