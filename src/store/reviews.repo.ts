import type { Selectable } from 'kysely';
import type { Db, Trx } from './database';
import type { AnswerRecord, LensReviewRecord } from './records';
import type { AnswersTable, LensReviewsTable } from './tables';
import { answerStateColumns, answerStateOf } from './answer-state-columns';

type Conn = Db | Trx;

const toLensReview = (row: Selectable<LensReviewsTable>): LensReviewRecord => ({
  workloadId: row.workload_id,
  lensKey: row.lens_key,
  lensVersion: row.lens_version,
  active: row.active === 1,
  position: row.position,
  notes: row.notes,
  pillarNotes: JSON.parse(row.pillar_notes),
  riskCounts: JSON.parse(row.risk_counts),
  updatedAt: row.updated_at,
});

const toAnswer = (row: Selectable<AnswersTable>): AnswerRecord => ({
  workloadId: row.workload_id,
  lensKey: row.lens_key,
  questionId: row.question_id,
  state: answerStateOf(row),
  risk: row.risk as AnswerRecord['risk'],
  updatedAt: row.updated_at,
});

/** Every lens review of a workload, removed ones included, in association order. */
export async function listLensReviews(db: Conn, workloadId: string): Promise<LensReviewRecord[]> {
  const rows = await db.selectFrom('lens_reviews').selectAll().where('workload_id', '=', workloadId).orderBy('position').execute();
  return rows.map(toLensReview);
}

export async function listLensReviewsOf(db: Conn, workloadIds: string[]): Promise<LensReviewRecord[]> {
  if (!workloadIds.length) return [];
  const rows = await db
    .selectFrom('lens_reviews')
    .selectAll()
    .where('workload_id', 'in', workloadIds)
    .where('active', '=', 1)
    .orderBy('position')
    .execute();
  return rows.map(toLensReview);
}

export async function findLensReview(db: Conn, workloadId: string, lensKey: string): Promise<LensReviewRecord | undefined> {
  const row = await db
    .selectFrom('lens_reviews')
    .selectAll()
    .where('workload_id', '=', workloadId)
    .where('lens_key', '=', lensKey)
    .executeTakeFirst();
  return row ? toLensReview(row) : undefined;
}

export async function upsertLensReview(db: Conn, r: LensReviewRecord): Promise<void> {
  const values = {
    workload_id: r.workloadId,
    lens_key: r.lensKey,
    lens_version: r.lensVersion,
    active: r.active ? 1 : 0,
    position: r.position,
    notes: r.notes,
    pillar_notes: JSON.stringify(r.pillarNotes),
    risk_counts: JSON.stringify(r.riskCounts),
    updated_at: r.updatedAt,
  };
  const { workload_id: _w, lens_key: _l, ...changes } = values;
  await db
    .insertInto('lens_reviews')
    .values(values)
    .onConflict((oc) => oc.columns(['workload_id', 'lens_key']).doUpdateSet(changes))
    .execute();
}

/** Writes only the notes, so a concurrent answer's risk counts are never overwritten. */
export async function updateLensReviewNotes(db: Conn, r: LensReviewRecord): Promise<void> {
  await db
    .updateTable('lens_reviews')
    .set({ notes: r.notes, pillar_notes: JSON.stringify(r.pillarNotes), updated_at: r.updatedAt })
    .where('workload_id', '=', r.workloadId)
    .where('lens_key', '=', r.lensKey)
    .execute();
}

export async function listAnswers(db: Conn, workloadId: string, lensKey?: string): Promise<AnswerRecord[]> {
  let query = db.selectFrom('answers').selectAll().where('workload_id', '=', workloadId);
  if (lensKey) query = query.where('lens_key', '=', lensKey);
  return (await query.execute()).map(toAnswer);
}

export async function findAnswer(db: Conn, workloadId: string, lensKey: string, questionId: string) {
  const row = await db
    .selectFrom('answers')
    .selectAll()
    .where('workload_id', '=', workloadId)
    .where('lens_key', '=', lensKey)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
  return row ? toAnswer(row) : undefined;
}

export async function upsertAnswer(db: Conn, a: AnswerRecord): Promise<void> {
  const values = {
    workload_id: a.workloadId,
    lens_key: a.lensKey,
    question_id: a.questionId,
    ...answerStateColumns(a.state),
    risk: a.risk,
    updated_at: a.updatedAt,
  };
  const { workload_id: _w, lens_key: _l, question_id: _q, ...changes } = values;
  await db
    .insertInto('answers')
    .values(values)
    .onConflict((oc) => oc.columns(['workload_id', 'lens_key', 'question_id']).doUpdateSet(changes))
    .execute();
}

export async function deleteAnswers(db: Conn, workloadId: string, lensKey: string, questionIds: string[]): Promise<void> {
  if (!questionIds.length) return;
  await db
    .deleteFrom('answers')
    .where('workload_id', '=', workloadId)
    .where('lens_key', '=', lensKey)
    .where('question_id', 'in', questionIds)
    .execute();
}
