import { auditTrailSize } from '../../store/audit-stats.repo';
import { read } from '../context';
import { seconds } from '../pagination';
import type { Principal } from '../principal';
import { trailAccount, type AuditContext } from './lookup.service';

/**
 * The size and growth of an account's audit trail (GET /_plumbline/admin/audit/stats),
 * for the same callers as the lookup: so that an operator sees a flood, or the trail
 * outgrowing its disk, before it matters.
 */
export async function auditTrailStats(ctx: AuditContext, principal: Principal, input: { AccountId?: string }) {
  const accountId = trailAccount(ctx, principal, input);
  await ctx.audit.flush();
  const size = await read(ctx, (trx) => auditTrailSize(trx, accountId, ctx.now()));
  return {
    AccountId: accountId,
    Records: size.records,
    /** The records' JSON, without the database's indexes and overhead. */
    ApproximateBytes: size.bytes,
    RecordsLastHour: size.lastHour,
    RecordsLastDay: size.lastDay,
    ...(size.oldest !== undefined ? { OldestEventTime: seconds(size.oldest) } : {}),
    ...(size.newest !== undefined ? { NewestEventTime: seconds(size.newest) } : {}),
    RepeatWindowSeconds: ctx.audit.repeatWindowSeconds,
  };
}
