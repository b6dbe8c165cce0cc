import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Evidence from scanners: one row per account, check and best practice of a
  // workload's lens, with the worst status the account's findings of that check had.
  await db.schema
    .createTable('check_results')
    .addColumn('workload_id', 'varchar(32)', (c) => c.notNull().references('workloads.id').onDelete('cascade'))
    .addColumn('lens_key', 'varchar(128)', (c) => c.notNull())
    .addColumn('pillar_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('question_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('choice_id', 'varchar(128)', (c) => c.notNull())
    // The scanner (Prowler, or the Source of a generic import): a new import of the same
    // source for an account replaces that account's earlier results.
    .addColumn('source', 'varchar(64)', (c) => c.notNull())
    .addColumn('check_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('flagged_resources', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_results_pk', ['workload_id', 'lens_key', 'question_id', 'choice_id', 'source', 'check_id', 'account_id'])
    .execute();
  await db.schema.createIndex('check_results_source').on('check_results').columns(['workload_id', 'source', 'account_id']).execute();

  // The resources a check flagged (WARNING or ERROR), shown on demand.
  await db.schema
    .createTable('check_resources')
    .addColumn('workload_id', 'varchar(32)', (c) => c.notNull().references('workloads.id').onDelete('cascade'))
    .addColumn('source', 'varchar(64)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('check_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('region', 'varchar(64)')
    .addColumn('type', 'varchar(256)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('message', 'text')
    .addPrimaryKeyConstraint('check_resources_pk', ['workload_id', 'source', 'account_id', 'check_id', 'resource_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
