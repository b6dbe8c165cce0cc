import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db, Trx } from './database';
import type { Database, SharesTable } from './tables';

type Conn = Db | Trx;

/** Shares of workloads, lenses, profiles and review templates, and their invitations (SQL only). */

export type ShareResourceType = 'WORKLOAD' | 'LENS' | 'PROFILE' | 'TEMPLATE';
export type RecipientKind = 'ACCOUNT' | 'USER' | 'ORGANIZATION' | 'ORGANIZATIONAL_UNIT';
/** As stored; EXPIRED is derived from `invitedAt` when read. */
export type StoredShareStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'ASSOCIATED';

export interface ShareRecord {
  id: string;
  invitationId: string;
  resourceType: ShareResourceType;
  resourceId: string;
  ownerAccountId: string;
  sharedWith: string;
  recipientKind: RecipientKind;
  recipientAccountId: string | null;
  recipientUserName: string | null;
  permission: string;
  status: StoredShareStatus;
  invitedAt: number;
  createdAt: number;
  updatedAt: number;
}

/** Who is asking, as shares name recipients. */
export interface Recipient {
  accountId: string;
  userName?: string;
  organizationId?: string | null;
  organizationalUnitId?: string | null;
}

const toShare = (row: Selectable<SharesTable>): ShareRecord => ({
  id: row.id,
  invitationId: row.invitation_id,
  resourceType: row.resource_type as ShareResourceType,
  resourceId: row.resource_id,
  ownerAccountId: row.owner_account_id,
  sharedWith: row.shared_with,
  recipientKind: row.recipient_kind as RecipientKind,
  recipientAccountId: row.recipient_account_id,
  recipientUserName: row.recipient_user_name,
  permission: row.permission,
  status: row.status as StoredShareStatus,
  invitedAt: row.invited_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function insertShare(db: Conn, s: ShareRecord): Promise<void> {
  await db
    .insertInto('shares')
    .values({
      id: s.id,
      invitation_id: s.invitationId,
      resource_type: s.resourceType,
      resource_id: s.resourceId,
      owner_account_id: s.ownerAccountId,
      shared_with: s.sharedWith,
      recipient_kind: s.recipientKind,
      recipient_account_id: s.recipientAccountId,
      recipient_user_name: s.recipientUserName,
      permission: s.permission,
      status: s.status,
      invited_at: s.invitedAt,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    })
    .execute();
}

export async function updateShareState(
  db: Conn,
  id: string,
  state: { permission: string; status: StoredShareStatus; invitedAt: number; updatedAt: number },
): Promise<void> {
  await db
    .updateTable('shares')
    .set({ permission: state.permission, status: state.status, invited_at: state.invitedAt, updated_at: state.updatedAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteShare(db: Conn, id: string): Promise<void> {
  await db.deleteFrom('shares').where('id', '=', id).execute();
}

/** The shares of one workload, lens, profile or review template. */
const ofResource = (resourceType: ShareResourceType, resourceId: string) => (eb: ExpressionBuilder<Database, 'shares'>) =>
  eb.and([eb('resource_type', '=', resourceType), eb('resource_id', '=', resourceId)]);

export async function deleteResourceShares(db: Conn, resourceType: ShareResourceType, resourceId: string): Promise<void> {
  await db.deleteFrom('shares').where(ofResource(resourceType, resourceId)).execute();
}

/** Every share of one workload or lens, in share id order. */
export async function listResourceShares(db: Conn, resourceType: ShareResourceType, resourceId: string): Promise<ShareRecord[]> {
  const rows = await db
    .selectFrom('shares')
    .selectAll()
    .where(ofResource(resourceType, resourceId))
    .orderBy('id')
    .execute();
  return rows.map(toShare);
}

export async function findShareByInvitation(db: Conn, invitationId: string): Promise<ShareRecord | undefined> {
  // Shares made before invitations took the share's id keep an invitation id of their own; either finds them.
  const row = await db
    .selectFrom('shares')
    .selectAll()
    .where((eb) => eb.or([eb('invitation_id', '=', invitationId), eb('id', '=', invitationId)]))
    .executeTakeFirst();
  return row ? toShare(row) : undefined;
}

/**
 * The shares naming this recipient: its account, the user itself, its
 * organization or OU; of one resource when `resourceId` is given.
 */
export async function listRecipientShares(
  db: Conn,
  r: Recipient,
  filter: { resourceType?: ShareResourceType; resourceId?: string; statuses: StoredShareStatus[] },
): Promise<ShareRecord[]> {
  let query = db
    .selectFrom('shares')
    .selectAll()
    .where('status', 'in', filter.statuses)
    .where((eb) => {
      const named = [
        eb.and([eb('recipient_kind', '=', 'ACCOUNT'), eb('recipient_account_id', '=', r.accountId)]),
      ];
      if (r.userName !== undefined) {
        named.push(
          eb.and([eb('recipient_kind', '=', 'USER'), eb('recipient_account_id', '=', r.accountId), eb('recipient_user_name', '=', r.userName)]),
        );
      }
      if (r.organizationId) named.push(eb.and([eb('recipient_kind', '=', 'ORGANIZATION'), eb('shared_with', '=', r.organizationId)]));
      if (r.organizationalUnitId) {
        named.push(eb.and([eb('recipient_kind', '=', 'ORGANIZATIONAL_UNIT'), eb('shared_with', '=', r.organizationalUnitId)]));
      }
      return eb.or(named);
    });
  if (filter.resourceType) query = query.where('resource_type', '=', filter.resourceType);
  if (filter.resourceId) query = query.where('resource_id', '=', filter.resourceId);
  return (await query.orderBy('id').execute()).map(toShare);
}

/** The ids of workloads shared with the account or the user and accepted: a subquery for listing workloads. */
export function acceptedWorkloadIds(db: Conn, r: { accountId: string; userName?: string }) {
  return db
    .selectFrom('shares')
    .select('resource_id')
    .where('resource_type', '=', 'WORKLOAD')
    .where('status', '=', 'ACCEPTED')
    .where('recipient_account_id', '=', r.accountId)
    .where((eb) =>
      r.userName === undefined
        ? eb('recipient_kind', '=', 'ACCOUNT')
        : eb.or([eb('recipient_kind', '=', 'ACCOUNT'), eb.and([eb('recipient_kind', '=', 'USER'), eb('recipient_user_name', '=', r.userName)])]),
    );
}

export async function findAccountGroups(db: Conn, accountId: string) {
  return db.selectFrom('accounts').select(['organization_id', 'organizational_unit_id']).where('id', '=', accountId).executeTakeFirst();
}

export async function listWorkloadNames(db: Conn, ids: string[]) {
  return db.selectFrom('workloads').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** Whether any workload is shared with the account or user and accepted (lets listing skip the wider query). */
export async function hasAcceptedWorkloadShares(db: Conn, r: { accountId: string; userName?: string }): Promise<boolean> {
  return (await acceptedWorkloadIds(db, r).limit(1).executeTakeFirst()) !== undefined;
}
