import type { Selectable } from 'kysely';
import type { AnswerState } from '../domain/review/answer';
import { countRows } from './count-rows';
import type { Db, Dialect, Trx } from './database';
import type { ReviewTemplateAnswersTable, ReviewTemplateLensesTable, ReviewTemplatesTable } from './tables';
import { deleteAnswerRows } from './answer-rows';
import { answerStateColumns, answerStateOf } from './answer-state-columns';

type Conn = Db | Trx;

export interface TemplateRecord {
  arn: string;
  accountId: string;
  name: string;
  description: string;
  notes: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface TemplateLensRecord {
  templateArn: string;
  lensKey: string;
  lensVersion: string;
  position: number;
  notes: string | null;
  pillarNotes: Record<string, string>;
  updatedAt: number;
}

export interface TemplateAnswerRecord {
  templateArn: string;
  lensKey: string;
  questionId: string;
  state: AnswerState;
  updatedAt: number;
}

const toTemplate = (row: Selectable<ReviewTemplatesTable>): TemplateRecord => ({
  arn: row.arn,
  accountId: row.account_id,
  name: row.name,
  description: row.description,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toTemplateLens = (row: Selectable<ReviewTemplateLensesTable>): TemplateLensRecord => ({
  templateArn: row.template_arn,
  lensKey: row.lens_key,
  lensVersion: row.lens_version,
  position: row.position,
  notes: row.notes,
  pillarNotes: JSON.parse(row.pillar_notes),
  updatedAt: row.updated_at,
});

const toTemplateAnswer = (row: Selectable<ReviewTemplateAnswersTable>): TemplateAnswerRecord => ({
  templateArn: row.template_arn,
  lensKey: row.lens_key,
  questionId: row.question_id,
  state: answerStateOf(row),
  updatedAt: row.updated_at,
});

const templateRow = (t: TemplateRecord) => ({
  arn: t.arn,
  account_id: t.accountId,
  name: t.name,
  description: t.description,
  notes: t.notes,
  created_at: t.createdAt,
  updated_at: t.updatedAt,
});

export async function insertTemplate(db: Conn, t: TemplateRecord): Promise<void> {
  await db.insertInto('review_templates').values(templateRow(t)).execute();
}

export async function updateTemplate(db: Conn, t: TemplateRecord): Promise<void> {
  const { arn: _arn, ...rest } = templateRow(t);
  await db.updateTable('review_templates').set(rest).where('arn', '=', t.arn).execute();
}

/** With `lock`, holds the row on PostgreSQL so concurrent changes to the template serialize. */
export async function findTemplate(db: Conn, arn: string, lock?: Dialect): Promise<TemplateRecord | undefined> {
  let query = db.selectFrom('review_templates').selectAll().where('arn', '=', arn);
  if (lock === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toTemplate(row) : undefined;
}

export async function listTemplates(db: Conn, accountId: string): Promise<TemplateRecord[]> {
  const rows = await db.selectFrom('review_templates').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('arn').execute();
  return rows.map(toTemplate);
}

export function countTemplates(db: Conn, accountId: string): Promise<number> {
  return countRows(db.selectFrom('review_templates').where('account_id', '=', accountId));
}

export async function deleteTemplate(db: Conn, arn: string): Promise<void> {
  await db.deleteFrom('review_template_answers').where('template_arn', '=', arn).execute();
  await db.deleteFrom('review_template_lenses').where('template_arn', '=', arn).execute();
  await db.deleteFrom('tags').where('resource_arn', '=', arn).execute();
  await db.deleteFrom('review_templates').where('arn', '=', arn).execute();
}

/** The template's lenses in the order they were added. */
export async function listTemplateLenses(db: Conn, arn: string): Promise<TemplateLensRecord[]> {
  const rows = await db.selectFrom('review_template_lenses').selectAll().where('template_arn', '=', arn).orderBy('position').execute();
  return rows.map(toTemplateLens);
}

/** The lenses of several templates (a page of ListReviewTemplates). */
export async function listTemplateLensesOf(db: Conn, arns: string[]): Promise<TemplateLensRecord[]> {
  if (!arns.length) return [];
  const rows = await db.selectFrom('review_template_lenses').selectAll().where('template_arn', 'in', arns).orderBy('position').execute();
  return rows.map(toTemplateLens);
}

export async function upsertTemplateLens(db: Conn, l: TemplateLensRecord): Promise<void> {
  const values = {
    template_arn: l.templateArn,
    lens_key: l.lensKey,
    lens_version: l.lensVersion,
    position: l.position,
    notes: l.notes,
    pillar_notes: JSON.stringify(l.pillarNotes),
    updated_at: l.updatedAt,
  };
  const { template_arn: _t, lens_key: _l, ...changes } = values;
  await db
    .insertInto('review_template_lenses')
    .values(values)
    .onConflict((oc) => oc.columns(['template_arn', 'lens_key']).doUpdateSet(changes))
    .execute();
}

export async function deleteTemplateLens(db: Conn, arn: string, lensKey: string): Promise<void> {
  await db.deleteFrom('review_template_answers').where('template_arn', '=', arn).where('lens_key', '=', lensKey).execute();
  await db.deleteFrom('review_template_lenses').where('template_arn', '=', arn).where('lens_key', '=', lensKey).execute();
}

export async function listTemplateAnswers(db: Conn, arn: string, lensKey?: string): Promise<TemplateAnswerRecord[]> {
  let query = db.selectFrom('review_template_answers').selectAll().where('template_arn', '=', arn);
  if (lensKey) query = query.where('lens_key', '=', lensKey);
  return (await query.execute()).map(toTemplateAnswer);
}

export async function upsertTemplateAnswer(db: Conn, a: TemplateAnswerRecord): Promise<void> {
  const values = {
    template_arn: a.templateArn,
    lens_key: a.lensKey,
    question_id: a.questionId,
    ...answerStateColumns(a.state),
    updated_at: a.updatedAt,
  };
  const { template_arn: _t, lens_key: _l, question_id: _q, ...changes } = values;
  await db
    .insertInto('review_template_answers')
    .values(values)
    .onConflict((oc) => oc.columns(['template_arn', 'lens_key', 'question_id']).doUpdateSet(changes))
    .execute();
}

export function deleteTemplateAnswers(db: Conn, arn: string, lensKey: string, questionIds: string[]): Promise<void> {
  return deleteAnswerRows(db, 'review_template_answers', arn, lensKey, questionIds);
}
