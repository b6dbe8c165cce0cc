import type { Db, Trx } from './database';

/** The two tables of answers, each with the column naming whose answers they are: a workload's or a review template's. */
const ownerColumn = { answers: 'workload_id', review_template_answers: 'template_arn' } as const;

/** Deletes `owner`'s answers to `questionIds` in one lens (a workload's, or a review template's). */
export async function deleteAnswerRows(
  db: Db | Trx,
  table: keyof typeof ownerColumn,
  owner: string,
  lensKey: string,
  questionIds: string[],
): Promise<void> {
  if (!questionIds.length) return;
  await db
    .deleteFrom(table)
    .where(ownerColumn[table], '=', owner)
    .where('lens_key', '=', lensKey)
    .where('question_id', 'in', questionIds)
    .execute();
}
