import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('profiles')
    .addColumn('arn', 'varchar(256)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    // null once deleted, so a deleted profile's name can be used again.
    .addColumn('name_key', 'varchar(100)')
    .addColumn('description', 'varchar(100)', (c) => c.notNull())
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('profiles_account_name_key', ['account_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('profile_versions')
    .addColumn('profile_arn', 'varchar(256)', (c) => c.notNull().references('profiles.arn').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('selections', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('profile_versions_pk', ['profile_arn', 'version'])
    .execute();

  // One row per workload: a workload has at most one profile.
  await db.schema
    .createTable('workload_profiles')
    .addColumn('workload_id', 'varchar(32)', (c) => c.primaryKey().references('workloads.id').onDelete('cascade'))
    .addColumn('profile_arn', 'varchar(256)', (c) => c.notNull())
    .addColumn('profile_version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('review_templates')
    .addColumn('arn', 'varchar(256)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'varchar(250)', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('review_template_lenses')
    .addColumn('template_arn', 'varchar(256)', (c) => c.notNull().references('review_templates.arn').onDelete('cascade'))
    .addColumn('lens_key', 'varchar(256)', (c) => c.notNull())
    .addColumn('lens_version', 'varchar(32)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('pillar_notes', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_template_lenses_pk', ['template_arn', 'lens_key'])
    .execute();

  await db.schema
    .createTable('review_template_answers')
    .addColumn('template_arn', 'varchar(256)', (c) => c.notNull().references('review_templates.arn').onDelete('cascade'))
    .addColumn('lens_key', 'varchar(256)', (c) => c.notNull())
    .addColumn('question_id', 'varchar(128)', (c) => c.notNull())
    .addColumn('selected_choices', 'text', (c) => c.notNull())
    .addColumn('choice_answers', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('is_applicable', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(32)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_template_answers_pk', ['template_arn', 'lens_key', 'question_id'])
    .execute();

  await db.schema.createIndex('profiles_account').on('profiles').columns(['account_id', 'created_at', 'arn']).execute();
  await db.schema.createIndex('workload_profiles_profile').on('workload_profiles').columns(['profile_arn']).execute();
  await db.schema.createIndex('review_templates_account').on('review_templates').columns(['account_id', 'created_at', 'arn']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
