import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'varchar(12)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(64)')
    .addColumn('organizational_unit_id', 'varchar(128)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('access_keys')
    .addColumn('access_key_id', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('user_name', 'varchar(64)')
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workloads')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('arn', 'varchar(256)', (c) => c.notNull())
    .addColumn('name', 'varchar(400)', (c) => c.notNull())
    .addColumn('name_key', 'varchar(400)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('environment', 'varchar(32)', (c) => c.notNull())
    .addColumn('review_owner', 'text')
    .addColumn('architectural_design', 'text')
    .addColumn('industry_type', 'text')
    .addColumn('industry', 'text')
    .addColumn('notes', 'text')
    .addColumn('improvement_status', 'varchar(32)', (c) => c.notNull())
    .addColumn('account_ids', 'text', (c) => c.notNull())
    .addColumn('aws_regions', 'text', (c) => c.notNull())
    .addColumn('non_aws_regions', 'text', (c) => c.notNull())
    .addColumn('pillar_priorities', 'text', (c) => c.notNull())
    .addColumn('applications', 'text', (c) => c.notNull())
    .addColumn('discovery_config', 'text')
    .addColumn('jira_config', 'text')
    .addColumn('is_review_owner_update_acknowledged', 'integer', (c) => c.notNull())
    .addColumn('risk_counts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('workloads_account_name_key', ['account_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('lens_reviews')
    .addColumn('workload_id', 'varchar(32)', (c) => c.notNull().references('workloads.id').onDelete('cascade'))
    .addColumn('lens_key', 'varchar(256)', (c) => c.notNull())
    .addColumn('lens_version', 'varchar(32)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('pillar_notes', 'text', (c) => c.notNull())
    .addColumn('risk_counts', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lens_reviews_pk', ['workload_id', 'lens_key'])
    .execute();

  await db.schema
    .createTable('answers')
    .addColumn('workload_id', 'varchar(32)', (c) => c.notNull().references('workloads.id').onDelete('cascade'))
    .addColumn('lens_key', 'varchar(256)', (c) => c.notNull())
    .addColumn('question_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('selected_choices', 'text', (c) => c.notNull())
    .addColumn('choice_answers', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('is_applicable', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(32)')
    .addColumn('risk', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('answers_pk', ['workload_id', 'lens_key', 'question_id'])
    .execute();

  await db.schema
    .createTable('milestones')
    .addColumn('workload_id', 'varchar(32)', (c) => c.notNull().references('workloads.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(400)', (c) => c.notNull())
    .addColumn('name_key', 'varchar(400)', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('milestones_pk', ['workload_id', 'number'])
    .addUniqueConstraint('milestones_name_key', ['workload_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('resource_arn', 'varchar(256)', (c) => c.notNull())
    .addColumn('tag_key', 'varchar(512)', (c) => c.notNull())
    .addColumn('tag_value', 'varchar(1024)', (c) => c.notNull())
    .addPrimaryKeyConstraint('tags_pk', ['resource_arn', 'tag_key'])
    .execute();

  await db.schema
    .createTable('idempotency')
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('operation', 'varchar(64)', (c) => c.notNull())
    .addColumn('token', 'varchar(2048)', (c) => c.notNull())
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_pk', ['account_id', 'operation', 'token'])
    .execute();

  await db.schema.createIndex('workloads_account_order').on('workloads').columns(['account_id', 'name_key', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
