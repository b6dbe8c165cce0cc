import { type ColumnDataType, type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.

/** check_results' columns (0009-check-results), every one required, after the milestone's number. */
const KEPT_COLUMNS: Array<[name: string, type: ColumnDataType]> = [
  ['lens_key', 'varchar(128)'],
  ['pillar_id', 'varchar(64)'],
  ['question_id', 'varchar(128)'],
  ['choice_id', 'varchar(128)'],
  ['source', 'varchar(64)'],
  ['check_id', 'varchar(256)'],
  ['account_id', 'varchar(12)'],
  ['name', 'text'],
  ['description', 'text'],
  ['status', 'varchar(16)'],
  ['flagged_resources', 'integer'],
  ['updated_at', 'bigint'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // The check results of a workload as they were when a milestone was saved (the rows of
  // check_results at that moment, under the milestone's number). Kept apart from the
  // milestone's JSON snapshot, which every milestone read parses whole.
  let table = db.schema
    .createTable('milestone_check_results')
    .addColumn('workload_id', 'varchar(32)', (c) => c.notNull().references('workloads.id').onDelete('cascade'))
    .addColumn('milestone_number', 'integer', (c) => c.notNull());
  for (const [name, type] of KEPT_COLUMNS) table = table.addColumn(name, type, (c) => c.notNull());
  const key = ['workload_id', 'milestone_number', 'lens_key', 'question_id', 'choice_id', 'source', 'check_id', 'account_id'];
  // The builder's type knows only the columns added by name, not those of the loop.
  await table.addPrimaryKeyConstraint('milestone_check_results_pk', key as Array<'workload_id' | 'milestone_number'>).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
