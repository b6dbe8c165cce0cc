import type { CompiledLens } from '../../domain/lens/compiled-lens';
import { checksByPractice, contradictingChecks, type CheckOverAccounts, type PracticeChecks } from '../../domain/checks/summaries';
import type { Trx } from '../../store/database';
import { listCheckResults } from '../../store/checks.repo';
import type { LensReviewRecord } from '../../store/records';
import { read, type ServiceContext } from '../context';
import { seconds } from '../pagination';
import type { Principal } from '../principal';
import { lensReviewIn, reviewView, type ReviewView } from '../reviews/view';
import { discoveryStatus } from '../settings.service';

/**
 * The checks on a lens review's best practices, now or as a milestone saved them,
 * for the console's question page, improvement plan and milestone page
 * (ListLensReviewChecks) and for the lens review reports.
 */

export interface ReviewedPracticeChecks extends PracticeChecks {
  /** The practice is marked as followed (selected, on a question that applies). */
  selected: boolean;
  /** Its checks reporting a problem while it is marked as followed. */
  contradicting: CheckOverAccounts[];
}

/** Every practice of the review with checks, in the lens's order, with what its answer says. */
export async function reviewedPracticeChecks(
  trx: Trx,
  view: ReviewView,
  review: LensReviewRecord,
  lens: CompiledLens,
  questionId?: string,
): Promise<ReviewedPracticeChecks[]> {
  // Issued in the same tick, so PostgreSQL units send them as one batch (store/postgres-unit.ts).
  const [results, answered] = await Promise.all([
    listCheckResults(trx, view.workload.id, { lensKey: review.lensKey, questionId, milestoneNumber: view.milestoneNumber }),
    view.answers(review.lensKey),
  ]);
  const answers = new Map(answered.map((a) => [a.questionId, a.state]));
  const order = new Map<string, number>();
  for (const question of lens.questions.values()) for (const choice of question.choices) order.set(`${question.id}\u0000${choice.id}`, order.size);
  const place = (p: PracticeChecks) => order.get(`${p.questionId}\u0000${p.choiceId}`) ?? Number.MAX_SAFE_INTEGER;
  return checksByPractice(results)
    .sort((a, b) => place(a) - place(b))
    .map((p) => {
      const state = answers.get(p.questionId);
      const selected = !!state && state.isApplicable && state.selected.includes(p.choiceId);
      return { ...p, selected, contradicting: selected ? contradictingChecks(p.checks) : [] };
    });
}

export interface LensReviewChecksInput {
  WorkloadId: string;
  LensAlias: string;
  QuestionId?: string;
  MilestoneNumber?: number;
}

const summaryOf = (c: CheckOverAccounts) => ({
  Id: c.checkId,
  Name: c.name,
  Description: c.description,
  Provider: c.source,
  Status: c.status,
  AccountSummary: c.accountSummary,
  FlaggedResources: c.flaggedResources,
  UpdatedAt: seconds(c.updatedAt),
});

/**
 * ListLensReviewChecks: one entry per best practice with checks (of one question, with
 * QuestionId). DiscoveryIntegrationStatus is the caller's account's switch: the
 * console shows the checks only when it is ENABLED.
 */
export function listLensReviewChecks(ctx: ServiceContext, principal: Principal, input: LensReviewChecksInput) {
  return read(ctx, async (trx) => {
    const view = await reviewView(ctx, trx, principal, input.WorkloadId, input.MilestoneNumber);
    const { review, lens } = await lensReviewIn(ctx, view, input.LensAlias);
    const [practices, discovery] = await Promise.all([reviewedPracticeChecks(trx, view, review, lens, input.QuestionId), discoveryStatus(trx, principal.accountId)]);
    return {
      WorkloadId: view.workload.id,
      LensAlias: lens.alias,
      LensArn: lens.arn,
      ...(view.milestoneNumber !== undefined ? { MilestoneNumber: view.milestoneNumber } : {}),
      DiscoveryIntegrationStatus: discovery,
      Practices: practices.map((p) => ({
        PillarId: p.pillarId,
        QuestionId: p.questionId,
        ChoiceId: p.choiceId,
        Selected: p.selected,
        Contradicted: p.contradicting.length > 0,
        CheckSummaries: p.checks.map(summaryOf),
      })),
    };
  });
}
