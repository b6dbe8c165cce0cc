import { improvementPlan } from '../../domain/review/improvements';
import { countRisks } from '../../domain/review/risk';
import type { Trx } from '../../store/database';
import { listAnswers, listLensReviewsOf } from '../../store/reviews.repo';
import { hasAcceptedWorkloadShares } from '../../store/shares.repo';
import { listWorkloadPage } from '../../store/workloads.repo';
import type { ServiceContext } from '../context';
import { decodeToken, encodeToken, seconds } from '../pagination';
import type { Principal } from '../principal';

/**
 * GetConsolidatedReport's metrics: one per workload (the caller's own and, with
 * IncludeSharedResources, those shared with it and accepted), its counts per
 * lens and pillar, and the questions at risk.
 */

const isPosition = (v: unknown): v is { n: string; i: string } =>
  typeof v === 'object' && v !== null && typeof (v as { n: unknown }).n === 'string' && typeof (v as { i: unknown }).i === 'string';

export async function consolidatedMetrics(
  ctx: ServiceContext,
  trx: Trx,
  principal: Principal,
  input: { IncludeSharedResources?: boolean; NextToken?: string; MaxResults?: number },
) {
  const after = decodeToken(input.NextToken, isPosition);
  const limit = input.MaxResults ?? 15;
  const recipient = { accountId: principal.accountId, userName: principal.userName };
  const page = await listWorkloadPage(trx, {
    accountIds: [principal.accountId],
    sharedWith: input.IncludeSharedResources && (await hasAcceptedWorkloadShares(trx, recipient)) ? recipient : undefined,
    after: after ? { nameKey: after.n, id: after.i } : undefined,
    limit: limit + 1,
  });
  const items = page.slice(0, limit);
  const reviews = (await listLensReviewsOf(trx, items.map((w) => w.record.id))).filter((r) => r.active);
  await ctx.catalog.prepare(trx, reviews);
  const metrics = [];
  const lensNames = new Map<string, string>();
  for (const { record: workload } of items) {
    const answers = await listAnswers(trx, workload.id);
    const lenses = [];
    for (const review of reviews.filter((r) => r.workloadId === workload.id)) {
      const lens = await ctx.catalog.version(review.lensKey, review.lensVersion);
      lensNames.set(lens.arn, lens.name);
      const lookup = new Map(answers.filter((a) => a.lensKey === review.lensKey).map((a) => [a.questionId, { state: a.state, risk: a.risk }]));
      const atRisk = improvementPlan(lens, lookup, workload.pillarPriorities);
      lenses.push({
        LensArn: lens.arn,
        Pillars: lens.pillars.map((p) => ({
          PillarId: p.id,
          RiskCounts: countRisks(p.questions.map((q) => q.id), (id) => lookup.get(id)?.risk),
          Questions: atRisk
            .filter((item) => item.question.pillarId === p.id)
            .map((item) => ({
              QuestionId: item.question.id,
              Risk: item.risk,
              BestPractices: item.missing.map((c) => ({ ChoiceId: c.id, ChoiceTitle: c.title })),
            })),
        })),
        RiskCounts: review.riskCounts,
      });
    }
    metrics.push({
      MetricType: 'WORKLOAD',
      RiskCounts: workload.riskCounts,
      WorkloadId: workload.id,
      WorkloadName: workload.name,
      WorkloadArn: workload.arn,
      UpdatedAt: seconds(workload.updatedAt),
      Lenses: lenses,
      LensesAppliedCount: lenses.length,
    });
  }
  const last = items[items.length - 1];
  return { metrics, lensNames, nextToken: page.length > limit && last ? encodeToken({ n: last.nameKey, i: last.record.id }) : undefined };
}

export type ConsolidatedMetric = Awaited<ReturnType<typeof consolidatedMetrics>>['metrics'][number];
