import type { CompiledLens } from '../../domain/lens/compiled-lens';
import { unanswered } from '../../domain/review/answer';
import { improvementPlan } from '../../domain/review/improvements';
import type { Trx } from '../../store/database';
import { findMilestone } from '../../store/milestones.repo';
import type { WorkloadRecord } from '../../store/records';
import { reviewedPracticeChecks, type ReviewedPracticeChecks } from '../checks/lens-review-checks.service';
import type { ServiceContext } from '../context';
import type { Principal } from '../principal';
import { presentAnswer, presentImprovement, presentLensReview, type AnswerLookup } from '../reviews/present';
import { lensReviewIn, reviewView } from '../reviews/view';
import { discoveryStatus } from '../settings.service';

/**
 * Everything a lens review report shows, in the API's own shapes: built from
 * the same review view and presenters as GetLensReview, GetAnswer and
 * ListLensReviewImprovements, so a report never disagrees with the API.
 */
export interface LensReviewReportData {
  workload: WorkloadRecord;
  milestone?: { number: number; name: string; recordedAt: number };
  lens: CompiledLens;
  review: ReturnType<typeof presentLensReview>;
  answers: ReturnType<typeof presentAnswer>[];
  improvements: ReturnType<typeof presentImprovement>[];
  /**
   * The checks on each practice (the milestone's when the report is of one); absent when the
   * reader's account shows no checks (DiscoveryIntegrationStatus DISABLED).
   */
  checks?: ReviewedPracticeChecks[];
  generatedAt: number;
}

export async function lensReviewReportData(
  ctx: ServiceContext,
  trx: Trx,
  principal: Principal,
  input: { WorkloadId: string; LensAlias: string; MilestoneNumber?: number },
): Promise<LensReviewReportData> {
  const view = await reviewView(ctx, trx, principal, input.WorkloadId, input.MilestoneNumber);
  const { review, lens } = await lensReviewIn(ctx, view, input.LensAlias);
  const lookup: AnswerLookup = new Map((await view.answers(review.lensKey)).map((a) => [a.questionId, { state: a.state, risk: a.risk }]));
  const status = await ctx.catalog.reviewStatus(review.lensKey, review.lensVersion);
  const milestone = view.milestoneNumber === undefined ? undefined : (await findMilestone(trx, view.workload.id, view.milestoneNumber))?.record;
  return {
    workload: view.workload,
    milestone: milestone && { number: milestone.number, name: milestone.name, recordedAt: milestone.recordedAt },
    lens,
    review: presentLensReview(lens, review, lookup, status),
    answers: [...lens.questions.values()].map((q) => {
      const a = lookup.get(q.id);
      return presentAnswer(q, a?.state ?? unanswered(), a?.risk ?? 'UNANSWERED');
    }),
    improvements: improvementPlan(lens, lookup, view.workload.pillarPriorities).map(presentImprovement),
    checks: (await discoveryStatus(trx, principal.accountId)) === 'ENABLED' ? await reviewedPracticeChecks(trx, view, review, lens) : undefined,
    generatedAt: ctx.now(),
  };
}
