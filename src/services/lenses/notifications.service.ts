import { listActiveReviewsOfAccount } from '../../store/lenses.repo';
import { workloadFor } from '../access';
import { read, type ServiceContext } from '../context';
import { pageOf } from '../pagination';
import type { Principal } from '../principal';

/**
 * ListNotifications: one per lens review not on its lens's latest version.
 * LENS_VERSION_UPGRADED offers the latest version (a new AWS version, or a
 * new major version of a custom lens: minor versions are applied without
 * notice); LENS_VERSION_DEPRECATED, without a latest version, says the owner
 * deleted the custom lens. Computed from the reviews, so an upgrade clears it at once.
 * Review templates (ResourceArn) are not built yet, so they have none.
 */
export async function listNotifications(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId?: string; ResourceArn?: string; NextToken?: string; MaxResults?: number },
) {
  const notifications = input.ResourceArn
    ? []
    : await read(ctx, async (trx) => {
        if (input.WorkloadId) await workloadFor(ctx, trx, principal, input.WorkloadId, 'read');
        const rows = await listActiveReviewsOfAccount(trx, principal.accountId, input.WorkloadId);
        await ctx.catalog.prepare(trx, rows.map((r) => ({ lensKey: r.lens_key, lensVersion: r.lens_version })));
        const found = [];
        for (const row of rows) {
          const status = await ctx.catalog.reviewStatus(row.lens_key, row.lens_version);
          if (status === 'CURRENT') continue;
          const builtin = ctx.catalog.official(row.lens_key);
          found.push({
            Type: status === 'DELETED' ? 'LENS_VERSION_DEPRECATED' : 'LENS_VERSION_UPGRADED',
            LensUpgradeSummary: {
              WorkloadId: row.id,
              WorkloadName: row.name,
              LensAlias: row.lens_key,
              LensArn: builtin ? builtin.current.arn : row.lens_key,
              CurrentLensVersion: row.lens_version,
              LatestLensVersion: builtin ? builtin.current.version : await ctx.catalog.custom?.latestVersion(row.lens_key),
              ResourceArn: row.arn,
              ResourceName: row.name,
            },
          });
        }
        return found;
      });
  const page = pageOf(notifications, input.NextToken, input.MaxResults);
  return { NotificationSummaries: page.items, NextToken: page.nextToken };
}
