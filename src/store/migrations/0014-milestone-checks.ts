import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The check results of a workload as they were when a milestone was saved (the
  // rows of check_results at that moment, under the milestone's number). Kept apart
  // from the milestone's JSON snapshot, which every milestone read parses whole.
  await db.schema
    .createTable('milestone_check_results')
    .addColumn('workload_id', 'varchar(32)', (c) => c.notNull().references('workloads.id').onDelete('cascade'))
    .addColumn('milestone_number', 'integer', (c) => c.notNull())
    .addColumn('lens_key', 'varchar(128)', (c) => c.notNull())
    .addColumn('pillar_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('question_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('choice_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('source', 'varchar(64)', (c) => c.notNull())
    .addColumn('check_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('flagged_resources', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('milestone_check_results_pk', [
      'workload_id',
      'milestone_number',
      'lens_key',
      'question_id',
      'choice_id',
      'source',
      'check_id',
      'account_id',
    ])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
