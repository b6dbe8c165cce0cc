import { ValidationError } from '../../domain/errors';
import { listLensReviews, upsertLensReview } from '../../store/reviews.repo';
import { touchWorkload } from '../../store/workloads.repo';
import { changeOwnWorkload } from '../access';
import type { ServiceContext } from '../context';
import type { Principal } from '../principal';
import { MAX_LENSES_PER_WORKLOAD } from './rules';
import { newLensReview, sumActiveCounts } from './workloads.service';

const FRAMEWORK = 'wellarchitected';

/**
 * Applying and removing lenses. A removed lens keeps its review and answers;
 * applying it again brings them back. The framework lens cannot be removed.
 */

export async function associateLenses(ctx: ServiceContext, principal: Principal, input: { WorkloadId: string; LensAliases: string[] }) {
  return changeOwnWorkload(ctx, principal, 'AssociateLenses', input, async (trx, workload) => {
    const reviews = await listLensReviews(trx, workload.id);
    const now = ctx.now();
    let position = Math.max(0, ...reviews.map((r) => r.position)) + 1;
    for (const alias of input.LensAliases) {
      const key = ctx.catalog.reviewKey(alias);
      const existing = reviews.find((r) => r.lensKey === key);
      if (existing?.active) continue;
      // Applying again needs a lens that can still be applied (not deleted, still accessible).
      const lens = await ctx.catalog.current(principal, alias, trx);
      if (existing) {
        existing.active = true;
        existing.updatedAt = now;
        await upsertLensReview(trx, existing);
        continue;
      }
      const review = newLensReview(workload.id, lens, position++, now);
      reviews.push(review);
      await upsertLensReview(trx, review);
    }
    const active = reviews.filter((r) => r.active).length;
    if (active > MAX_LENSES_PER_WORKLOAD) {
      throw ValidationError.field('LensAliases', `at most ${MAX_LENSES_PER_WORKLOAD} lenses can be applied to a workload (would be ${active})`);
    }
    await touchWorkload(trx, workload.id, sumActiveCounts(reviews), now);
    return {};
  });
}

export async function disassociateLenses(ctx: ServiceContext, principal: Principal, input: { WorkloadId: string; LensAliases: string[] }) {
  return changeOwnWorkload(ctx, principal, 'DisassociateLenses', input, async (trx, workload) => {
    const reviews = await listLensReviews(trx, workload.id);
    const problems = [];
    const now = ctx.now();
    for (const [i, alias] of input.LensAliases.entries()) {
      const key = ctx.catalog.reviewKey(alias);
      if (key === FRAMEWORK) {
        problems.push({ Name: `LensAliases[${i}]`, Message: 'the wellarchitected lens is applied to every workload and cannot be removed' });
        continue;
      }
      const review = reviews.find((r) => r.lensKey === key && r.active);
      if (!review) {
        problems.push({ Name: `LensAliases[${i}]`, Message: `lens ${alias} is not applied to this workload` });
        continue;
      }
      review.active = false;
      review.updatedAt = now;
      await upsertLensReview(trx, review);
    }
    if (problems.length) throw ValidationError.fields(problems);
    await touchWorkload(trx, workload.id, sumActiveCounts(reviews), now);
    return {};
  });
}
