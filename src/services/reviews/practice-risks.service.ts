import { practiceRisks, type QuestionRisk } from '../../domain/risk-rules';
import { read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { lensReviewIn, reviewView } from './view';

export interface PracticeRisksInput {
  WorkloadId: string;
  LensAlias: string;
  MilestoneNumber?: number;
}

export interface PracticeRisksOutput {
  WorkloadId: string;
  LensAlias: string;
  LensVersion: string;
  MilestoneNumber?: number;
  /**
   * Per question, the risk level of each best practice (see domain/risk-rules/practice-risk.ts),
   * and the question's risk rules as the lens writes them, so that a client can tell the
   * risk of ticks not yet saved with the same evaluation (domain/review/answer.ts).
   */
  Questions: Array<{ QuestionId: string; PillarId: string; PracticeRisks: Record<string, QuestionRisk>; RiskRules: Array<{ Condition: string; Risk: string }> }>;
}

/** The risk level of every best practice of a lens, in the version the workload's review is on. */
export function getPracticeRisks(ctx: ServiceContext, principal: Principal, input: PracticeRisksInput): Promise<PracticeRisksOutput> {
  return read(ctx, async (trx) => {
    const view = await reviewView(ctx, trx, principal, input.WorkloadId, input.MilestoneNumber);
    const { lens } = await lensReviewIn(ctx, view, input.LensAlias);
    const rulesOf = new Map(lens.document.pillars.flatMap((p) => p.questions.map((q) => [q.id, q.riskRules] as const)));
    return {
      WorkloadId: input.WorkloadId,
      LensAlias: lens.alias,
      LensVersion: lens.version,
      ...(input.MilestoneNumber !== undefined ? { MilestoneNumber: input.MilestoneNumber } : {}),
      Questions: lens.pillars.flatMap((pillar) =>
        pillar.questions.map((q) => ({
          QuestionId: q.id,
          PillarId: pillar.id,
          PracticeRisks: practiceRisks(q),
          RiskRules: (rulesOf.get(q.id) ?? []).map((rule) => ({ Condition: rule.condition, Risk: rule.risk })),
        })),
      ),
    };
  });
}
