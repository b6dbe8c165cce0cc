import { NotFoundError, ValidationError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import type { Trx } from '../../store/database';
import { findMilestone } from '../../store/milestones.repo';
import type { AnswerRecord, LensReviewRecord, WorkloadRecord } from '../../store/records';
import { findAnswer, listAnswers, listLensReviews } from '../../store/reviews.repo';
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
  answer(lensKey: string, questionId: string): Promise<AnswerRecord | undefined>;
}

/**
 * What the call will read of the view's answers, so that they are read together with the
 * workload and its reviews (one round trip on PostgreSQL: ../../store/postgres-unit.ts):
 * a lens's answers, or one question's.
 */
export interface AnswersWanted {
  lensAlias: string;
  questionId?: string;
}

export async function reviewView(
  ctx: ServiceContext,
  trx: Trx,
  principal: Principal,
  workloadId: string,
  milestoneNumber?: number,
  access: WorkloadAccess = 'read',
  wanted?: AnswersWanted,
): Promise<ReviewView> {
  if (milestoneNumber === undefined) return liveView(ctx, trx, principal, workloadId, access, wanted);
  const [, milestone] = await Promise.all([workloadFor(ctx, trx, principal, workloadId, access), findMilestone(trx, workloadId, milestoneNumber)]);
  if (!milestone) {
    throw new NotFoundError(`Milestone ${milestoneNumber} of workload ${workloadId} was not found`, String(milestoneNumber), 'MILESTONE');
  }
  const { snapshot } = milestone;
  await ctx.catalog.prepare(trx, snapshot.lensReviews);
  const answers = async (lensKey: string) => snapshot.answers.filter((a) => a.lensKey === lensKey);
  return {
    workload: snapshot.workload,
    reviews: snapshot.lensReviews,
    milestoneNumber,
    answers,
    answer: async (lensKey, questionId) => (await answers(lensKey)).find((a) => a.questionId === questionId),
  };
}

/** The live view: the workload (under the access rule), its reviews and the answers wanted, read at once. */
async function liveView(ctx: ServiceContext, trx: Trx, principal: Principal, workloadId: string, access: WorkloadAccess, wanted?: AnswersWanted): Promise<ReviewView> {
  const lensKey = wanted && ctx.catalog.reviewKey(wanted.lensAlias);
  const questionId = wanted?.questionId;
  const early =
    lensKey === undefined
      ? undefined
      : questionId === undefined
        ? listAnswers(trx, workloadId, lensKey)
        : findAnswer(trx, workloadId, lensKey, questionId).then((a) => (a ? [a] : []));
  const [workload, reviews, read] = await Promise.all([workloadFor(ctx, trx, principal, workloadId, access), listLensReviews(trx, workloadId), early]);
  await ctx.catalog.prepare(trx, reviews);
  const holds = (key: string, question?: string) => read !== undefined && key === lensKey && (questionId === undefined || questionId === question);
  return {
    workload,
    reviews,
    answers: (key) => (holds(key) ? Promise.resolve(read!) : listAnswers(trx, workloadId, key)),
    answer: async (key, question) => (holds(key, question) ? read!.find((a) => a.questionId === question) : findAnswer(trx, workloadId, key, question)),
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
export async function lensReviewIn(ctx: ServiceContext, view: Pick<ReviewView, 'workload' | 'reviews' | 'milestoneNumber'>, lensAlias: string): Promise<LensReviewInView> {
  const key = ctx.catalog.reviewKey(lensAlias);
  const review = view.reviews.find((r) => r.lensKey === key && r.active);
  if (!review) {
    const where = view.milestoneNumber === undefined ? '' : ` in milestone ${view.milestoneNumber}`;
    throw ValidationError.field('LensAlias', `No lens review for lens alias ${lensAlias} on workload ${view.workload.id}${where}`);
  }
  return { review, lens: await ctx.catalog.version(review.lensKey, review.lensVersion) };
}
