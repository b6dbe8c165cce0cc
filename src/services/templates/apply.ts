import { ValidationError } from '../../domain/errors';
import { canonicalJson } from '../../domain/canonical-request';
import { answerRisk, unanswered } from '../../domain/review/answer';
import { mergeNote, mergePillarNotes, mergeTemplateAnswer, type ApplyMode } from '../../domain/review/template-answer';
import { addCounts, emptyCounts } from '../../domain/review/risk';
import type { Trx } from '../../store/database';
import type { LensReviewRecord, WorkloadRecord } from '../../store/records';
import { listAnswers, listLensReviews, upsertAnswer, upsertLensReview } from '../../store/reviews.repo';
import { touchWorkload } from '../../store/workloads.repo';
import { workloadFor } from '../access';
import { mutate, read, type ServiceContext } from '../context';
import { authorizeCall } from '../identity/authorize-call';
import { isRoot, type Principal } from '../principal';
import { MAX_LENSES_PER_WORKLOAD } from '../workloads/rules';
import { newLensReview, sumActiveCounts } from '../workloads/workloads.service';
import type { LensOfTemplate } from './present';
import { lensesOfTemplate, templateFor } from './templates.service';

/**
 * Applying a review template to a workload: its lenses are applied, and its
 * answers and notes written exactly as UpdateAnswer and UpdateLensReview would
 * (risk evaluated on the workload's lens version, counts kept in step).
 * How the two modes treat each answer and its notes is decided in
 * src/domain/review/template-answer.ts; lens and pillar notes follow the same
 * rule (OVERWRITE: the template's where it has one; FILL: only empty ones).
 */

export type { ApplyMode };
export const APPLY_MODES: readonly ApplyMode[] = ['OVERWRITE', 'FILL'];

export interface ApplyResult {
  WorkloadId: string;
  LensesAdded: string[];
  AnswersUpdated: number;
}

/** The template a new workload starts from (CreateWorkload's ReviewTemplateArns, at most one by the model). */
export async function templateForWorkload(ctx: ServiceContext, trx: Trx, principal: Principal, arns: string[] | undefined) {
  if (!arns?.length) return undefined;
  const template = await templateFor(ctx, trx, principal, arns[0], { shared: true });
  return { template, lenses: await lensesOfTemplate(ctx, trx, template.arn) };
}

async function reviewFor(ctx: ServiceContext, trx: Trx, principal: Principal, workloadId: string, reviews: LensReviewRecord[], lensKey: string, now: number) {
  const existing = reviews.find((r) => r.lensKey === lensKey);
  if (existing?.active) return { review: existing, added: false };
  const lens = await ctx.catalog.current(principal, lensKey, trx);
  if (existing) return { review: Object.assign(existing, { active: true }), added: true };
  const review = newLensReview(workloadId, lens, Math.max(0, ...reviews.map((r) => r.position)) + 1, now);
  reviews.push(review);
  return { review, added: true };
}

/** Applies inside the caller's transaction, on a workload the caller holds locked. */
export async function applyTemplate(
  ctx: ServiceContext,
  trx: Trx,
  principal: Principal,
  workload: WorkloadRecord,
  lenses: LensOfTemplate[],
  mode: ApplyMode,
): Promise<ApplyResult> {
  const now = ctx.now();
  const reviews = await listLensReviews(trx, workload.id);
  const result: ApplyResult = { WorkloadId: workload.id, LensesAdded: [], AnswersUpdated: 0 };
  for (const l of lenses) {
    const { review, added } = await reviewFor(ctx, trx, principal, workload.id, reviews, l.record.lensKey, now);
    if (added) result.LensesAdded.push(review.lensKey);
    await ctx.catalog.prepare(trx, [review]);
    const lens = await ctx.catalog.version(review.lensKey, review.lensVersion);
    const before = new Map((await listAnswers(trx, workload.id, review.lensKey)).map((a) => [a.questionId, a]));
    const delta = emptyCounts();
    for (const [questionId, templateState] of l.answers) {
      const question = lens.questions.get(questionId);
      const current = before.get(questionId);
      if (!question) continue;
      const state = mergeTemplateAnswer(question, mode, current?.state ?? unanswered(), templateState);
      if (canonicalJson(current?.state ?? unanswered()) === canonicalJson(state)) continue;
      const risk = answerRisk(question, state);
      await upsertAnswer(trx, { workloadId: workload.id, lensKey: review.lensKey, questionId, state, risk, updatedAt: now });
      delta[current?.risk ?? 'UNANSWERED'] -= 1;
      delta[risk] += 1;
      result.AnswersUpdated += 1;
    }
    const templateNotes = l.record.pillarNotes;
    Object.assign(review, {
      notes: mergeNote(mode, review.notes, l.record.notes),
      pillarNotes: mergePillarNotes(mode, review.pillarNotes, templateNotes),
      riskCounts: addCounts({ ...review.riskCounts }, delta),
      updatedAt: now,
    });
    await upsertLensReview(trx, review);
  }
  const active = reviews.filter((r) => r.active).length;
  if (active > MAX_LENSES_PER_WORKLOAD) {
    throw ValidationError.field('TemplateArn', `applying the template would give workload ${workload.id} ${active} lenses; at most ${MAX_LENSES_PER_WORKLOAD} can be applied`);
  }
  await touchWorkload(trx, workload.id, sumActiveCounts(reviews), now);
  return result;
}

/**
 * The API actions applying the template performs on each workload, with the
 * members IAM policies are matched against: answers (UpdateAnswer), notes
 * (UpdateLensReview) and lenses the workload does not have yet (AssociateLenses).
 * Read before the change's transaction, since policies are looked up outside it.
 */
async function applyActions(ctx: ServiceContext, principal: Principal, input: { TemplateArn: string; WorkloadIds: string[] }) {
  return read(ctx, async (trx) => {
    const template = await templateFor(ctx, trx, principal, input.TemplateArn);
    const lenses = await lensesOfTemplate(ctx, trx, template.arn);
    const hasNotes = lenses.some((l) => l.record.notes || Object.keys(l.record.pillarNotes).length);
    const actions: Array<[operation: string, input: Record<string, unknown>]> = [];
    for (const WorkloadId of input.WorkloadIds) {
      actions.push(['UpdateAnswer', { WorkloadId }]);
      if (hasNotes) actions.push(['UpdateLensReview', { WorkloadId }]);
      const applied = new Set((await listLensReviews(trx, WorkloadId)).filter((r) => r.active).map((r) => r.lensKey));
      const missing = lenses.filter((l) => !applied.has(l.record.lensKey)).map((l) => l.record.lensKey);
      if (missing.length) actions.push(['AssociateLenses', { WorkloadId, LensAliases: missing }]);
    }
    return actions;
  });
}

/**
 * Plumbline's own call (POST /_plumbline/templates/apply): a template applied to
 * existing workloads in one transaction, applyTemplate once per workload. The
 * caller is authorized first for reading the template and for every action
 * the application performs on each workload.
 */
export async function applyTemplateToWorkloads(
  ctx: ServiceContext,
  principal: Principal,
  input: { TemplateArn: string; WorkloadIds: string[]; Mode: ApplyMode },
) {
  const workloadIds = [...new Set(input.WorkloadIds)];
  await authorizeCall(ctx, principal, 'GetReviewTemplate', { TemplateArn: input.TemplateArn });
  if (!isRoot(principal)) {
    for (const [operation, request] of await applyActions(ctx, principal, { ...input, WorkloadIds: workloadIds })) await authorizeCall(ctx, principal, operation, request);
  }
  return mutate(ctx, { principal, operation: 'ApplyReviewTemplate' }, async (trx) => {
    const template = await templateFor(ctx, trx, principal, input.TemplateArn);
    const lenses = await lensesOfTemplate(ctx, trx, template.arn);
    const results: ApplyResult[] = [];
    for (const id of workloadIds) {
      const workload = await workloadFor(ctx, trx, principal, id, 'own', { lock: true });
      results.push(await applyTemplate(ctx, trx, principal, workload, lenses, input.Mode));
    }
    return { TemplateArn: template.arn, Mode: input.Mode, Results: results };
  });
}
