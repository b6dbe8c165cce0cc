import { NotFoundError, ValidationError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import type { Trx } from '../../store/database';
import { findMilestone } from '../../store/milestones.repo';
import type { AnswerRecord, LensReviewRecord, WorkloadRecord } from '../../store/records';
import { listAnswers, listLensReviews } from '../../store/reviews.repo';
import { workloadFor, type WorkloadAccess } from '../access';
import type { ServiceContext } from '../context';
import type { Principal } from '../principal';

/**
 * A workload's reviews as reads see them: live from the store, or exactly as
 * saved in a milestone when a MilestoneNumber is given.
 */
export interface ReviewView {
  workload: WorkloadRecord;
  reviews: LensReviewRecord[];
  milestoneNumber?: number;
  answers(lensKey: string): Promise<AnswerRecord[]>;
}

export async function reviewView(
  ctx: ServiceContext,
  trx: Trx,
  principal: Principal,
  workloadId: string,
  milestoneNumber?: number,
  access: WorkloadAccess = 'read',
): Promise<ReviewView> {
  const workload = await workloadFor(ctx, trx, principal, workloadId, access);
  if (milestoneNumber === undefined) {
    const reviews = await listLensReviews(trx, workloadId);
    await ctx.catalog.prepare(trx, reviews);
    return { workload, reviews, answers: (lensKey) => listAnswers(trx, workloadId, lensKey) };
  }
  const milestone = await findMilestone(trx, workloadId, milestoneNumber);
  if (!milestone) {
    throw new NotFoundError(`Milestone ${milestoneNumber} of workload ${workloadId} was not found`, String(milestoneNumber), 'MILESTONE');
  }
  const { snapshot } = milestone;
  await ctx.catalog.prepare(trx, snapshot.lensReviews);
  return {
    workload: snapshot.workload,
    reviews: snapshot.lensReviews,
    milestoneNumber,
    answers: async (lensKey) => snapshot.answers.filter((a) => a.lensKey === lensKey),
  };
}

export interface LensReviewInView {
  review: LensReviewRecord;
  lens: CompiledLens;
}

/**
 * An applied lens of the view, by alias or ARN; removed lenses are not found. A lens not
 * applied is a ValidationException worded as the hosted service's: programs look for
 * "No lens review for lens alias" and apply the lens when they see it (aws-behaviour.md item 14).
 */
export async function lensReviewIn(ctx: ServiceContext, view: ReviewView, lensAlias: string): Promise<LensReviewInView> {
  const key = ctx.catalog.reviewKey(lensAlias);
  const review = view.reviews.find((r) => r.lensKey === key && r.active);
  if (!review) {
    const where = view.milestoneNumber === undefined ? '' : ` in milestone ${view.milestoneNumber}`;
    throw ValidationError.field('LensAlias', `No lens review for lens alias ${lensAlias} on workload ${view.workload.id}${where}`);
  }
  return { review, lens: await ctx.catalog.version(review.lensKey, review.lensVersion) };
}
