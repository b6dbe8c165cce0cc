import { ConflictError, NotFoundError, QuotaError, ValidationError } from '../domain/errors';
import { checkNameCharacters, nameKey } from '../domain/names';
import { insertMilestoneCheckResults, saveMilestoneCheckResults, type StoredCheckResult } from '../store/checks.repo';
import { findMilestone, findMilestoneByNameKey, insertMilestone, lastMilestoneNumber, listMilestonePage } from '../store/milestones.repo';
import type { CompiledLens } from '../domain/lens/compiled-lens';
import { answerRisk } from '../domain/review/answer';
import { addCounts, emptyCounts } from '../domain/review/risk';
import type { AnswerRecord, LensReviewRecord, WorkloadRecord, WorkloadSnapshot } from '../store/records';
import { listAnswers, listLensReviews } from '../store/reviews.repo';
import { listTags } from '../store/tags.repo';
import type { Trx } from '../store/database';
import { workloadFor } from './access';
import { mutateRequest, read, type ServiceContext } from './context';
import { decodeToken, encodeToken, seconds } from './pagination';
import type { Principal } from './principal';
import { presentWorkload, presentWorkloadSummary } from './workloads/present';

export const MAX_MILESTONES = 100;

/**
 * Saves the whole workload as it is now (properties, lens reviews, answers,
 * risks, notes, check results) under the next number. The snapshot is never changed again.
 */
export async function saveMilestone(ctx: ServiceContext, trx: Trx, principal: Principal, workloadId: string, name: string) {
  const workload = await workloadFor(ctx, trx, principal, workloadId, 'own', { lock: true });
  const snapshot: WorkloadSnapshot = {
    workload,
    lensReviews: await listLensReviews(trx, workload.id),
    answers: await listAnswers(trx, workload.id),
    tags: await listTags(trx, workload.arn),
  };
  const number = await insertNextMilestone(trx, workload.id, name, ctx.now(), snapshot);
  await saveMilestoneCheckResults(trx, workload.id, number);
  return number;
}

/** CreateMilestone's rules (name, no clash, the quota), then the milestone under the next number. */
async function insertNextMilestone(trx: Trx, workloadId: string, name: string, recordedAt: number, snapshot: WorkloadSnapshot) {
  const problems = checkNameCharacters('MilestoneName', name);
  if (problems.length) throw ValidationError.fields(problems);
  const key = nameKey(name);
  const clash = await findMilestoneByNameKey(trx, workloadId, key);
  if (clash) {
    throw new ConflictError(`Workload ${workloadId} already has a milestone named '${name}' (names ignore spaces and case)`, String(clash.number), 'MILESTONE');
  }
  const number = (await lastMilestoneNumber(trx, workloadId)) + 1;
  if (number > MAX_MILESTONES) {
    throw new QuotaError(`A workload can have at most ${MAX_MILESTONES} milestones`, 'milestones-per-workload', 'MILESTONE', workloadId);
  }
  await insertMilestone(trx, { workloadId, number, name, nameKey: key, recordedAt, snapshot });
  return number;
}

/** A milestone as saved, apart from the workload it was saved on (ids, account, ARN): what moves to another workload. */
export interface SavedMilestone {
  name: string;
  recordedAt: number;
  workload: Omit<WorkloadRecord, 'id' | 'accountId' | 'arn'>;
  lensReviews: Array<Omit<LensReviewRecord, 'workloadId'>>;
  answers: Array<Omit<AnswerRecord, 'workloadId'>>;
  tags?: Record<string, string>;
  /** The check results it kept, read on the lens versions it was saved on (by lens key). */
  checks?: (lensOf: (lensKey: string) => CompiledLens | undefined) => StoredCheckResult[];
}

/**
 * Adds a milestone saved elsewhere to a workload as its next milestone, as it
 * was saved (name, time, properties, notes, answers), under CreateMilestone's
 * rules. The lens versions it was saved on must exist and be readable by the
 * caller; risks and counts are computed again from its answers on those
 * versions, as answering computes them, rather than trusted.
 */
export async function restoreMilestone(ctx: ServiceContext, trx: Trx, principal: Principal, workloadId: string, saved: SavedMilestone) {
  const workload = await workloadFor(ctx, trx, principal, workloadId, 'own', { lock: true });
  const reviews: LensReviewRecord[] = saved.lensReviews.map((r) => ({ ...r, workloadId: workload.id }));
  await ctx.catalog.prepare(trx, reviews);
  const answers: AnswerRecord[] = [];
  const lenses = new Map<string, CompiledLens>();
  for (const review of reviews) {
    await ctx.catalog.current(principal, review.lensKey, trx);
    const lens = await ctx.catalog.version(review.lensKey, review.lensVersion);
    lenses.set(review.lensKey, lens);
    const counts = { ...emptyCounts(), UNANSWERED: lens.questions.size };
    for (const answer of saved.answers.filter((a) => a.lensKey === review.lensKey)) {
      const question = lens.questions.get(answer.questionId);
      if (!question) {
        throw ValidationError.field('QuestionId', `'${answer.questionId}' is not a question of lens ${lens.alias} version ${lens.version}`);
      }
      const risk = answerRisk(question, answer.state);
      counts.UNANSWERED -= 1;
      counts[risk] += 1;
      answers.push({ ...answer, workloadId: workload.id, risk });
    }
    review.riskCounts = counts;
  }
  const riskCounts = reviews.filter((r) => r.active).reduce((sum, r) => addCounts(sum, r.riskCounts), emptyCounts());
  const snapshot: WorkloadSnapshot = {
    workload: { ...saved.workload, id: workload.id, accountId: workload.accountId, arn: workload.arn, riskCounts },
    lensReviews: reviews,
    answers,
    tags: saved.tags ?? {},
  };
  const number = await insertNextMilestone(trx, workload.id, saved.name, saved.recordedAt, snapshot);
  await insertMilestoneCheckResults(trx, workload.id, number, saved.checks?.((key) => lenses.get(key)) ?? []);
  return number;
}

export async function createMilestone(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; MilestoneName: string; ClientRequestToken?: string },
) {
  return mutateRequest(ctx, principal, 'CreateMilestone', input, async (trx) => {
    const number = await saveMilestone(ctx, trx, principal, input.WorkloadId, input.MilestoneName);
    return { WorkloadId: input.WorkloadId, MilestoneNumber: number };
  });
}

export async function getMilestone(ctx: ServiceContext, principal: Principal, input: { WorkloadId: string; MilestoneNumber: number }) {
  return read(ctx, async (trx) => {
    const workload = await workloadFor(ctx, trx, principal, input.WorkloadId, 'read');
    const found = await findMilestone(trx, workload.id, input.MilestoneNumber);
    if (!found) {
      throw new NotFoundError(`Milestone ${input.MilestoneNumber} of workload ${workload.id} was not found`, String(input.MilestoneNumber), 'MILESTONE');
    }
    const { record, snapshot } = found;
    return {
      WorkloadId: workload.id,
      Milestone: {
        MilestoneNumber: record.number,
        MilestoneName: record.name,
        RecordedAt: seconds(record.recordedAt),
        Workload: presentWorkload(snapshot.workload, snapshot.lensReviews, snapshot.tags ?? {}),
      },
    };
  });
}

const isAfter = (v: unknown): v is { m: number } => typeof v === 'object' && v !== null && Number.isInteger((v as { m: unknown }).m);

export async function listMilestones(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; NextToken?: string; MaxResults?: number },
) {
  const after = decodeToken(input.NextToken, isAfter)?.m ?? 0;
  const limit = input.MaxResults ?? 50;
  return read(ctx, async (trx) => {
    const workload = await workloadFor(ctx, trx, principal, input.WorkloadId, 'read');
    const rows = await listMilestonePage(trx, workload.id, after, limit + 1);
    const page = rows.slice(0, limit);
    return {
      WorkloadId: workload.id,
      MilestoneSummaries: page.map(({ record, snapshot }) => ({
        MilestoneNumber: record.number,
        MilestoneName: record.name,
        RecordedAt: seconds(record.recordedAt),
        WorkloadSummary: presentWorkloadSummary(snapshot.workload, snapshot.lensReviews),
      })),
      NextToken: rows.length > limit ? encodeToken({ m: page[page.length - 1].record.number }) : undefined,
    };
  });
}
