import { ValidationError } from '../../domain/errors';
import type { CompiledLens, CompiledQuestion } from '../../domain/lens/compiled-lens';
import { answerRisk, applyAnswerUpdate, unanswered, type AnswerUpdate } from '../../domain/review/answer';
import { improvementPlan } from '../../domain/review/improvements';
import { addCounts, emptyCounts } from '../../domain/review/risk';
import type { Trx } from '../../store/database';
import type { AnswerRecord, LensReviewRecord, WorkloadRecord } from '../../store/records';
import { findAnswer, findLensReview, updateLensReviewCounts, updateLensReviewNotes, upsertAnswer } from '../../store/reviews.repo';
import { touchWorkload, touchWorkloadTime } from '../../store/workloads.repo';
import { workloadFor } from '../access';
import { mutate, read, type ServiceContext } from '../context';
import { pageOf } from '../pagination';
import type { Principal } from '../principal';
import {
  presentAnswer,
  presentAnswerSummary,
  presentImprovement,
  presentLensReview,
  presentLensReviewSummary,
  type AnswerLookup,
} from './present';
import { lensReviewIn, reviewView, type ReviewView } from './view';
import { prioritizedIn, workloadPriorities } from '../profiles/priorities';

interface ReviewRef {
  WorkloadId: string;
  LensAlias: string;
  MilestoneNumber?: number;
}

async function answerLookup(view: ReviewView, lensKey: string): Promise<AnswerLookup> {
  return new Map((await view.answers(lensKey)).map((a) => [a.questionId, { state: a.state, risk: a.risk }]));
}

/** The members that open every answer about one lens review: the workload, the milestone read (if any) and the lens. */
const reviewMembers = (view: ReviewView, review: LensReviewRecord, lens: CompiledLens) => ({
  WorkloadId: view.workload.id,
  MilestoneNumber: view.milestoneNumber,
  LensAlias: review.lensKey,
  LensArn: lens.arn,
});

export async function getLensReview(ctx: ServiceContext, principal: Principal, input: ReviewRef) {
  return read(ctx, async (trx) => {
    const [view, priorities] = await Promise.all([
      reviewView(ctx, trx, principal, input.WorkloadId, input.MilestoneNumber, 'read', { lensAlias: input.LensAlias }),
      workloadPriorities(trx, input.WorkloadId),
    ]);
    const { review, lens } = await lensReviewIn(ctx, view, input.LensAlias);
    const status = await ctx.catalog.reviewStatus(review.lensKey, review.lensVersion);
    return {
      WorkloadId: view.workload.id,
      MilestoneNumber: view.milestoneNumber,
      LensReview: presentLensReview(lens, review, await answerLookup(view, review.lensKey), status, priorities),
    };
  });
}

export async function listLensReviewSummaries(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; MilestoneNumber?: number; NextToken?: string; MaxResults?: number },
) {
  return read(ctx, async (trx) => {
    const [view, priorities] = await Promise.all([
      reviewView(ctx, trx, principal, input.WorkloadId, input.MilestoneNumber),
      workloadPriorities(trx, input.WorkloadId),
    ]);
    const page = pageOf(view.reviews.filter((r) => r.active), input.NextToken, input.MaxResults);
    const summaries = [];
    for (const review of page.items) {
      const lens = await ctx.catalog.version(review.lensKey, review.lensVersion);
      const status = await ctx.catalog.reviewStatus(review.lensKey, review.lensVersion);
      // Only the framework lens has prioritized questions, so only its answers are needed.
      const answers = prioritizedIn(priorities, review.lensKey).size ? await answerLookup(view, review.lensKey) : undefined;
      summaries.push(presentLensReviewSummary(lens, review, status, priorities, answers));
    }
    return { WorkloadId: view.workload.id, MilestoneNumber: view.milestoneNumber, LensReviewSummaries: summaries, NextToken: page.nextToken };
  });
}

export async function updateLensReview(
  ctx: ServiceContext,
  principal: Principal,
  input: UpdateLensReviewInput,
) {
  return mutate(ctx, { principal, operation: 'UpdateLensReview' }, (trx) => updateLensReviewIn(ctx, trx, principal, input));
}

type UpdateLensReviewInput = { WorkloadId: string; LensAlias: string; LensNotes?: string; PillarNotes?: Record<string, string>; JiraConfiguration?: unknown };

/** UpdateLensReview inside the caller's transaction. */
export async function updateLensReviewIn(ctx: ServiceContext, trx: Trx, principal: Principal, input: UpdateLensReviewInput) {
  const view = await reviewView(ctx, trx, principal, input.WorkloadId, undefined, 'contribute');
  const { review, lens } = await lensReviewIn(ctx, view, input.LensAlias);
  const pillarIds = new Set(lens.pillars.map((p) => p.id));
  const unknown = Object.keys(input.PillarNotes ?? {}).filter((id) => !pillarIds.has(id));
  if (unknown.length) {
    throw ValidationError.fields(unknown.map((id) => ({ Name: `PillarNotes.${id}`, Message: `'${id}' is not a pillar of lens ${review.lensKey}` })));
  }
  const now = ctx.now();
  const next = {
    ...review,
    notes: input.LensNotes ?? review.notes,
    pillarNotes: { ...review.pillarNotes, ...(input.PillarNotes ?? {}) },
    updatedAt: now,
  };
  await updateLensReviewNotes(trx, next);
  await touchWorkloadTime(trx, view.workload.id, now);
  const status = await ctx.catalog.reviewStatus(review.lensKey, review.lensVersion);
  const priorities = await workloadPriorities(trx, view.workload.id);
  return { WorkloadId: view.workload.id, LensReview: presentLensReview(lens, next, await answerLookup(view, review.lensKey), status, priorities) };
}

/** A question of the review's lens version; worded as the hosted service's refusal, which programs look for (a question retired by an upgrade, say). */
function questionOf(lens: CompiledLens, questionId: string) {
  const question = lens.questions.get(questionId);
  if (!question) {
    throw ValidationError.field('QuestionId', `No question with ID ${questionId} was found in lens ${lens.alias} version ${lens.version}`);
  }
  return question;
}

export async function getAnswer(ctx: ServiceContext, principal: Principal, input: ReviewRef & { QuestionId: string }) {
  return read(ctx, async (trx) => {
    const view = await reviewView(ctx, trx, principal, input.WorkloadId, input.MilestoneNumber, 'read', {
      lensAlias: input.LensAlias,
      questionId: input.QuestionId,
    });
    const { review, lens } = await lensReviewIn(ctx, view, input.LensAlias);
    const question = questionOf(lens, input.QuestionId);
    const answer = await view.answer(review.lensKey, question.id);
    return { ...reviewMembers(view, review, lens), Answer: presentAnswer(question, answer?.state ?? unanswered(), answer?.risk ?? 'UNANSWERED') };
  });
}

type PillarScopedInput = ReviewRef & { PillarId?: string };
/** A page of a lens review's questions (ListAnswers) or improvements, optionally of one pillar or the prioritized questions. */
type PillarPageInput = PillarScopedInput & { NextToken?: string; MaxResults?: number; QuestionPriority?: string };

/**
 * A lens review with its answers and the workload's prioritized questions (the view and the
 * priorities read at once); PillarId checked against the lens.
 */
async function pillarScopedReview(ctx: ServiceContext, trx: Trx, principal: Principal, input: PillarScopedInput) {
  const [view, priorities] = await Promise.all([
    reviewView(ctx, trx, principal, input.WorkloadId, input.MilestoneNumber, 'read', { lensAlias: input.LensAlias }),
    workloadPriorities(trx, input.WorkloadId),
  ]);
  const { review, lens } = await lensReviewIn(ctx, view, input.LensAlias);
  if (input.PillarId && !lens.pillars.some((p) => p.id === input.PillarId)) {
    throw ValidationError.field('PillarId', `'${input.PillarId}' is not a pillar of lens ${review.lensKey}`);
  }
  return {
    members: reviewMembers(view, review, lens),
    view,
    lens,
    answers: await answerLookup(view, review.lensKey),
    prioritized: prioritizedIn(priorities, review.lensKey),
  };
}

export async function listAnswers(ctx: ServiceContext, principal: Principal, input: PillarPageInput) {
  return read(ctx, async (trx) => {
    const { members, lens, answers, prioritized } = await pillarScopedReview(ctx, trx, principal, input);
    const questions = [...lens.questions.values()].filter(
      (q) => (!input.PillarId || q.pillarId === input.PillarId) && (input.QuestionPriority !== 'PRIORITIZED' || prioritized.has(q.id)),
    );
    const page = pageOf(questions, input.NextToken, input.MaxResults);
    const summaries = page.items.map((q) => {
      const a = answers.get(q.id);
      return presentAnswerSummary(q, a?.state ?? unanswered(), a?.risk ?? 'UNANSWERED', prioritized.has(q.id));
    });
    return { ...members, AnswerSummaries: summaries, NextToken: page.nextToken };
  });
}

type UpdateAnswerInput = { WorkloadId: string; LensAlias: string; QuestionId: string } & AnswerUpdate;

/** An answer's change, worked out from what the transaction read: the rows to write and the result. */
function answerChange(
  ctx: ServiceContext,
  input: UpdateAnswerInput,
  workload: Pick<WorkloadRecord, 'id' | 'riskCounts'>,
  review: Pick<LensReviewRecord, 'lensKey' | 'riskCounts'>,
  lens: CompiledLens,
  question: CompiledQuestion,
  before: AnswerRecord | undefined,
) {
  const state = applyAnswerUpdate(question, before?.state ?? unanswered(), input);
  const risk = answerRisk(question, state);
  const now = ctx.now();
  const delta = emptyCounts();
  delta[before?.risk ?? 'UNANSWERED'] -= 1;
  delta[risk] += 1;
  return {
    answer: { workloadId: workload.id, lensKey: review.lensKey, questionId: question.id, state, risk, updatedAt: now } satisfies AnswerRecord,
    // Only the counts change: the workload's row lock (PostgreSQL) orders this against other answers' updates.
    review: { workloadId: workload.id, lensKey: review.lensKey, riskCounts: addCounts({ ...review.riskCounts }, delta), updatedAt: now },
    // The workload's counts are the sum over its applied lenses, so the same delta applies.
    workloadCounts: addCounts({ ...workload.riskCounts }, delta),
    now,
    result: { WorkloadId: workload.id, LensAlias: review.lensKey, LensArn: lens.arn, Answer: presentAnswer(question, state, risk) },
  };
}

/**
 * UpdateAnswer, the most frequent write: the workload under the same access
 * rule as every other change (locked on PostgreSQL so concurrent answers' count
 * updates serialize), the lens review and question as every read resolves them,
 * and one mutate() transaction holding the answer, both counts and the audit
 * record (with any events).
 */
export async function updateAnswer(ctx: ServiceContext, principal: Principal, input: UpdateAnswerInput) {
  return mutate(ctx, { principal, operation: 'UpdateAnswer' }, (trx) => updateAnswerIn(ctx, trx, principal, input));
}

/** UpdateAnswer inside the caller's transaction (also a workload import's answers). */
export async function updateAnswerIn(ctx: ServiceContext, trx: Trx, principal: Principal, input: UpdateAnswerInput) {
  // All read at once; the store sends the workload's lock first, so the lens review and answer are
  // read as the change before this one left them (src/store/postgres-unit.ts).
  const key = ctx.catalog.reviewKey(input.LensAlias);
  const [workload, found, before] = await Promise.all([
    workloadFor(ctx, trx, principal, input.WorkloadId, 'contribute', { lock: true }),
    findLensReview(trx, input.WorkloadId, key),
    findAnswer(trx, input.WorkloadId, key, input.QuestionId),
  ]);
  const { review, lens } = await lensReviewIn(ctx, { workload, reviews: found ? [found] : [] }, input.LensAlias);
  const question = questionOf(lens, input.QuestionId);
  const change = answerChange(ctx, input, workload, review, lens, question, before);
  await upsertAnswer(trx, change.answer);
  await updateLensReviewCounts(trx, change.review);
  await touchWorkload(trx, workload.id, change.workloadCounts, change.now);
  return change.result;
}

export async function listLensReviewImprovements(ctx: ServiceContext, principal: Principal, input: PillarPageInput) {
  return read(ctx, async (trx) => {
    const { members, view, lens, answers, prioritized } = await pillarScopedReview(ctx, trx, principal, input);
    const plan = improvementPlan(lens, answers, view.workload.pillarPriorities, input.PillarId);
    const items = input.QuestionPriority === 'PRIORITIZED' ? plan.filter((item) => prioritized.has(item.question.id)) : plan;
    const page = pageOf(items, input.NextToken, input.MaxResults);
    return { ...members, ImprovementSummaries: page.items.map(presentImprovement), NextToken: page.nextToken };
  });
}
