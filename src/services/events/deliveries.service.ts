import { ValidationError } from '../../domain/errors';
import { recentRows } from '../../store/events.repo';
import { read } from '../context';
import type { IdentityContext } from '../identity/admin-access';
import { ADMIN_MAX_RESULTS } from '../identity/paging';
import { decodeToken, encodeToken } from '../pagination';
import type { Principal } from '../principal';
import { presentDelivery } from './present';
import { existingTarget, targetAccount, type TargetRef } from './targets.service';

/** A target's deliveries, newest first: what was sent, what is waiting, what was given up on and why. */

const isPosition = (v: unknown): v is { at: number; id: string } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { at: unknown }).at) && typeof (v as { id: unknown }).id === 'string';

export async function listEventDeliveries(ctx: IdentityContext, principal: Principal, input: TargetRef & { MaxResults?: number; NextToken?: string }) {
  const accountId = targetAccount(principal, input, 'ListEventDeliveries');
  const limit = input.MaxResults ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > ADMIN_MAX_RESULTS) throw ValidationError.field('MaxResults', `must be an integer from 1 to ${ADMIN_MAX_RESULTS}`);
  const before = decodeToken(input.NextToken, isPosition);
  const rows = await read(ctx, async (trx) => {
    const target = await existingTarget(trx, accountId, input.TargetId);
    return recentRows(trx, target.id, before, limit + 1);
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    Deliveries: items.map((row) => presentDelivery(row, ctx.now())),
    ...(rows.length > limit ? { NextToken: encodeToken({ at: last.created_at, id: last.id }) } : {}),
  };
}
