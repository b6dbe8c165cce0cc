import { sql } from 'kysely';
import { workloadArn } from '../src/domain/arn';
import type { CompiledQuestion } from '../src/domain/lens/compiled-lens';
import { nameKey } from '../src/domain/names';
import { answerRisk, applyAnswerUpdate, unanswered, type AnswerUpdate } from '../src/domain/review/answer';
import { addCounts, emptyCounts } from '../src/domain/review/risk';
import { ensureAccount } from '../src/store/accounts.repo';
import { answerStateColumns } from '../src/store/answer-state-columns';
import type { Store, Trx } from '../src/store/database';
import { milestoneRow } from '../src/store/milestones.repo';
import type { AnswerRecord, LensReviewRecord, WorkloadRecord } from '../src/store/records';
import { insertShare } from '../src/store/shares.repo';
import type { Database } from '../src/store/tables';
import { workloadRow } from '../src/store/workloads.repo';
import { loadBuiltinLens } from '../src/services/lenses/builtin-lenses';
import { defaultPillarPriorities, MAX_WORKLOADS_PER_ACCOUNT } from '../src/services/workloads/rules';
import { newLensReview, sumActiveCounts } from '../src/services/workloads/workloads.service';

/**
 * The scale benchmark's data sets (bench/scale.ts), written straight into a store in
 * bulk but built as the service builds them: the same workload record as
 * CreateWorkload, each answer's state and risk from the domain's applyAnswerUpdate and
 * answerRisk, the counts moved by the same delta as UpdateAnswer, the milestone
 * snapshots as CreateMilestone saves them, and the repositories' own row builders.
 * bench/scale.ts checks the result by comparing a seeded workload, read through the
 * API, with one made through the API from the same plan (planFor).
 */

export const FRAMEWORK = 'wellarchitected';
export const BENCH_ACCOUNT = '111122223333';
export const MILESTONES = 5;
/** Workloads of other accounts shared with the benchmark's account (and accepted), in every data set. */
export const SHARED = 10;

const lens = loadBuiltinLens(FRAMEWORK).current;
const questions = [...lens.questions.values()];

/** What CreateWorkload is called with for every workload of the data sets. */
export const createInput = (name: string) => ({
  WorkloadName: name,
  Description: 'A workload of the scale benchmark',
  Environment: 'PRODUCTION' as const,
  Lenses: [FRAMEWORK],
  AwsRegions: ['us-east-1'],
  ReviewOwner: 'scale@example.com',
});

/** A mix of answers: "None of these", half the practices, all but one (that one not applicable), all, the question not applicable. */
function answerUpdate(q: CompiledQuestion, i: number, j: number): AnswerUpdate {
  const practices = q.choices.map((c) => c.id).filter((id) => id !== q.noneChoiceId);
  switch ((i + j) % 5) {
    case 0:
      return { SelectedChoices: [q.noneChoiceId ?? practices[0]] };
    case 1:
      return { SelectedChoices: practices.slice(0, Math.ceil(practices.length / 2)), Notes: `Reviewed with the team (question ${j + 1}).` };
    case 2:
      return {
        SelectedChoices: practices.slice(0, -1),
        ChoiceUpdates: { [practices[practices.length - 1]]: { Status: 'NOT_APPLICABLE', Reason: 'OUT_OF_SCOPE', Notes: 'Run by the platform team.' } },
      };
    case 3:
      return { SelectedChoices: practices };
    default:
      return { IsApplicable: false, Reason: 'OUT_OF_SCOPE' };
  }
}

/** Workload i's review: every framework question answered in order, a milestone after each fifth of them. */
export function planFor(i: number) {
  const answers = questions.map((q, j) => ({ questionId: q.id, update: answerUpdate(q, i, j) }));
  const milestoneAfter = Array.from({ length: MILESTONES }, (_, m) => Math.ceil((questions.length * (m + 1)) / MILESTONES));
  return { answers, milestoneAfter };
}

export const workloadName = (i: number) => `Scale workload ${String(i).padStart(5, '0')}`;
export const milestoneName = (m: number) => `Review round ${m}`;

/** Which account owns workload i of a data set of `size`: the benchmark's account up to its quota, then others of 1,000 each. */
export function layout(size: number) {
  const own = Math.min(size - SHARED, MAX_WORKLOADS_PER_ACCOUNT);
  const accountOf = (i: number) => (i < own ? BENCH_ACCOUNT : `2000000000${String(Math.floor((i - own) / MAX_WORKLOADS_PER_ACCOUNT)).padStart(2, '0')}`);
  return { own, accountOf, isShared: (i: number) => i >= own && i < own + SHARED };
}

const NOT_GIVEN = {
  ...Object.fromEntries(['architecturalDesign', 'industryType', 'industry', 'notes', 'discoveryConfig', 'jiraConfig'].map((k) => [k, null])),
  ...Object.fromEntries(['accountIds', 'nonAwsRegions', 'applications'].map((k) => [k, []])),
} as unknown as Pick<WorkloadRecord, 'architecturalDesign' | 'industryType' | 'industry' | 'notes' | 'discoveryConfig' | 'jiraConfig' | 'accountIds' | 'nonAwsRegions' | 'applications'>;

type Rows<T extends keyof Database> = Array<Database[T]>;

interface Batch {
  workloads: Rows<'workloads'>;
  lens_reviews: Rows<'lens_reviews'>;
  answers: Rows<'answers'>;
  milestones: Rows<'milestones'>;
}

/** Every row the service would have written for workload i by the end of its plan (audit records aside). */
function rowsOf(i: number, id: string, accountId: string, start: number, batch: Batch) {
  const plan = planFor(i);
  let now = start;
  const review: LensReviewRecord = newLensReview(id, lens, 0, now);
  // As CreateWorkload builds it from createInput(): what the input leaves out is null or empty.
  const input = createInput(workloadName(i));
  const workload: WorkloadRecord = {
    ...NOT_GIVEN,
    id,
    accountId,
    arn: workloadArn('us-east-1', accountId, id),
    name: input.WorkloadName,
    description: input.Description,
    environment: input.Environment,
    reviewOwner: input.ReviewOwner,
    improvementStatus: 'NOT_APPLICABLE',
    awsRegions: input.AwsRegions,
    pillarPriorities: defaultPillarPriorities([lens]),
    isReviewOwnerUpdateAcknowledged: false,
    riskCounts: sumActiveCounts([review]),
    createdAt: now,
    updatedAt: now,
  };
  const answers: AnswerRecord[] = [];
  let milestone = 0;
  for (const [j, { questionId, update }] of plan.answers.entries()) {
    const question = lens.questions.get(questionId)!;
    const state = applyAnswerUpdate(question, unanswered(), update);
    const risk = answerRisk(question, state);
    now += 1000;
    answers.push({ workloadId: id, lensKey: FRAMEWORK, questionId, state, risk, updatedAt: now });
    // As UpdateAnswer moves them: one out of UNANSWERED, one into the answer's risk.
    const delta = emptyCounts();
    delta.UNANSWERED -= 1;
    delta[risk] += 1;
    review.riskCounts = addCounts({ ...review.riskCounts }, delta);
    review.updatedAt = now;
    workload.riskCounts = addCounts({ ...workload.riskCounts }, delta);
    workload.updatedAt = now;
    if (j + 1 === plan.milestoneAfter[milestone]) {
      milestone += 1;
      const snapshot = { workload: { ...workload }, lensReviews: [{ ...review }], answers: [...answers], tags: {} };
      batch.milestones.push(milestoneRow({ workloadId: id, number: milestone, name: milestoneName(milestone), nameKey: nameKey(milestoneName(milestone)), recordedAt: now + 1, snapshot }));
    }
  }
  batch.workloads.push(workloadRow(workload, nameKey(workload.name)));
  batch.lens_reviews.push({
    workload_id: id,
    lens_key: review.lensKey,
    lens_version: review.lensVersion,
    active: 1,
    position: review.position,
    notes: review.notes,
    pillar_notes: JSON.stringify(review.pillarNotes),
    risk_counts: JSON.stringify(review.riskCounts),
    updated_at: review.updatedAt,
  });
  for (const a of answers) {
    batch.answers.push({ workload_id: id, lens_key: a.lensKey, question_id: a.questionId, ...answerStateColumns(a.state), risk: a.risk, updated_at: a.updatedAt });
  }
}

/**
 * Many rows in few statements: on PostgreSQL one INSERT ... SELECT FROM unnest() of one
 * array per column for each few thousand rows; otherwise multi-row VALUES as large as
 * SQLite's limit on bound values allows.
 */
async function bulkInsert<T extends keyof Database>(trx: Trx, store: Store, table: T, rows: Rows<T>): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0] as object);
  const value = (row: Database[T], c: string) => (row as unknown as Record<string, unknown>)[c];
  // Milestones' large snapshots go as parameters of their own: escaped into an array literal they cost more than the insert.
  if (store.dialect === 'sqlite' || table === 'milestones') {
    const per = Math.floor(32_000 / columns.length);
    for (let at = 0; at < rows.length; at += per) await trx.insertInto(table).values(rows.slice(at, at + per) as never).execute();
    return;
  }
  const types = columns.map((c) => (rows.some((r) => typeof value(r, c) === 'number') ? 'bigint' : 'text'));
  const per = 5000;
  for (let at = 0; at < rows.length; at += per) {
    const chunk = rows.slice(at, at + per);
    const arrays = columns.map((c, k) => sql`${chunk.map((r) => value(r, c) ?? null)}::${sql.raw(types[k])}[]`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(trx);
  }
}

const hexId = (i: number, salt: string) => `${salt}${i.toString(16).padStart(8, '0')}`.padEnd(32, '7');

/**
 * Writes a data set of `size` workloads (layout() says whose), each with the framework
 * lens fully answered and MILESTONES milestones, and the shares of SHARED of them
 * with the benchmark's account, accepted. Returns the benchmark account's workload ids
 * in name order.
 */
export async function seed(store: Store, size: number, started = Date.UTC(2025, 0, 6)): Promise<string[]> {
  const { accountOf, isShared } = layout(size);
  const salt = size.toString(16).padStart(8, '0').slice(-8) + 'a5c0ffee';
  const ownIds: string[] = [];
  const accounts = new Set<string>();
  const BATCH = 250;
  for (let from = 0; from < size; from += BATCH) {
    const batch: Batch = { workloads: [], lens_reviews: [], answers: [], milestones: [] };
    const shared: Array<{ id: string; owner: string; at: number }> = [];
    for (let i = from; i < Math.min(size, from + BATCH); i++) {
      const id = hexId(i, salt);
      const accountId = accountOf(i);
      accounts.add(accountId);
      const at = started + i * 100_000;
      rowsOf(i, id, accountId, at, batch);
      if (accountId === BENCH_ACCOUNT) ownIds.push(id);
      if (isShared(i)) shared.push({ id, owner: accountId, at });
    }
    await store.db.transaction().execute(async (trx) => {
      for (const table of ['workloads', 'lens_reviews', 'answers', 'milestones'] as const) await bulkInsert(trx, store, table, batch[table] as never);
      for (const s of shared) {
        const shareId = hexId(Number.parseInt(s.id.slice(16, 24), 16), 'ffffffff');
        await insertShare(trx, {
          id: shareId,
          invitationId: shareId,
          resourceType: 'WORKLOAD',
          resourceId: s.id,
          ownerAccountId: s.owner,
          sharedWith: BENCH_ACCOUNT,
          recipientKind: 'ACCOUNT',
          recipientAccountId: BENCH_ACCOUNT,
          recipientUserName: null,
          permission: 'READONLY',
          status: 'ACCEPTED',
          invitedAt: s.at,
          createdAt: s.at,
          updatedAt: s.at + 1,
        });
      }
    });
  }
  for (const id of accounts) await ensureAccount(store.db, id, started);
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
  return ownIds;
}
