import type { Selectable } from 'kysely';
import type { Db, Trx } from './database';
import type { AnswerRecord, LensReviewRecord } from './records';
import type { AnswersTable, LensReviewsTable } from './tables';
import { deleteAnswerRows } from './answer-rows';
import { answerStateColumns, answerStateOf } from './answer-state-columns';
import { arg, prepared } from './prepared';

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
const lensReviewsOfWorkload = prepared((db) => db.selectFrom('lens_reviews').selectAll().where('workload_id', '=', arg(0)).orderBy('position'));

export async function listLensReviews(db: Conn, workloadId: string): Promise<LensReviewRecord[]> {
  return (await lensReviewsOfWorkload.rows(db, workloadId)).map(toLensReview);
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

const lensReviewByKey = prepared((db) =>
  db.selectFrom('lens_reviews').selectAll().where('workload_id', '=', arg(0)).where('lens_key', '=', arg(1)),
);

export async function findLensReview(db: Conn, workloadId: string, lensKey: string): Promise<LensReviewRecord | undefined> {
  const row = await lensReviewByKey.first(db, workloadId, lensKey);
  return row ? toLensReview(row) : undefined;
}

/**
 * A prepared insert of one row whose arguments are its `keys`, then its `columns`, in
 * that order; a row already under those keys gets the new `columns` instead.
 */
function preparedUpsert(table: 'lens_reviews' | 'answers', keys: readonly string[], columns: readonly string[]) {
  return prepared((db) => {
    const values = Object.fromEntries([...keys, ...columns].map((c, i) => [c, arg(i)]));
    const changes = Object.fromEntries(columns.map((c) => [c, (eb: { ref(c: string): unknown }) => eb.ref(`excluded.${c}`)]));
    return db
      .insertInto(table)
      .values(values as never)
      .onConflict((oc) => oc.columns(keys as never).doUpdateSet(changes as never));
  });
}

const upsertLensReviewRow = preparedUpsert(
  'lens_reviews',
  ['workload_id', 'lens_key'],
  ['lens_version', 'active', 'position', 'notes', 'pillar_notes', 'risk_counts', 'updated_at'],
);

export async function upsertLensReview(db: Conn, r: LensReviewRecord): Promise<void> {
  await upsertLensReviewRow.run(
    db,
    r.workloadId,
    r.lensKey,
    r.lensVersion,
    r.active ? 1 : 0,
    r.position,
    r.notes,
    JSON.stringify(r.pillarNotes),
    JSON.stringify(r.riskCounts),
    r.updatedAt,
  );
}

const lensReviewCounts = prepared((db) =>
  db.updateTable('lens_reviews').set({ risk_counts: arg(0), updated_at: arg(1) }).where('workload_id', '=', arg(2)).where('lens_key', '=', arg(3)),
);

/** Writes only the risk counts (and time) of a lens review, as an answer changes them. */
export async function updateLensReviewCounts(db: Conn, r: Pick<LensReviewRecord, 'workloadId' | 'lensKey' | 'riskCounts' | 'updatedAt'>): Promise<void> {
  await lensReviewCounts.run(db, JSON.stringify(r.riskCounts), r.updatedAt, r.workloadId, r.lensKey);
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

const answersOfLens = prepared((db) => db.selectFrom('answers').selectAll().where('workload_id', '=', arg(0)).where('lens_key', '=', arg(1)));

export async function listAnswers(db: Conn, workloadId: string, lensKey?: string): Promise<AnswerRecord[]> {
  if (lensKey) return (await answersOfLens.rows(db, workloadId, lensKey)).map(toAnswer);
  const query = db.selectFrom('answers').selectAll().where('workload_id', '=', workloadId);
  return (await query.execute()).map(toAnswer);
}

const answerByKey = prepared((db) =>
  db.selectFrom('answers').selectAll().where('workload_id', '=', arg(0)).where('lens_key', '=', arg(1)).where('question_id', '=', arg(2)),
);

export async function findAnswer(db: Conn, workloadId: string, lensKey: string, questionId: string) {
  const row = await answerByKey.first(db, workloadId, lensKey, questionId);
  return row ? toAnswer(row) : undefined;
}

const upsertAnswerRow = preparedUpsert(
  'answers',
  ['workload_id', 'lens_key', 'question_id'],
  ['selected_choices', 'choice_answers', 'notes', 'is_applicable', 'reason', 'risk', 'updated_at'],
);

export async function upsertAnswer(db: Conn, a: AnswerRecord): Promise<void> {
  const c = answerStateColumns(a.state);
  await upsertAnswerRow.run(db, a.workloadId, a.lensKey, a.questionId, c.selected_choices, c.choice_answers, c.notes, c.is_applicable, c.reason, a.risk, a.updatedAt);
}

export function deleteAnswers(db: Conn, workloadId: string, lensKey: string, questionIds: string[]): Promise<void> {
  return deleteAnswerRows(db, 'answers', workloadId, lensKey, questionIds);
}
