import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('custom_lenses')
    .addColumn('arn', 'varchar(256)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    // null once deleted, so a deleted lens's name can be used again.
    .addColumn('name_key', 'varchar(128)')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('draft_json', 'text')
    .addColumn('draft_updated_at', 'bigint')
    .addColumn('latest_version', 'varchar(32)')
    .addColumn('version_count', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('custom_lenses_account_name_key', ['account_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('custom_lens_versions')
    .addColumn('lens_arn', 'varchar(256)', (c) => c.notNull().references('custom_lenses.arn').onDelete('cascade'))
    .addColumn('version', 'varchar(32)', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('is_major', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('lens_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('custom_lens_versions_pk', ['lens_arn', 'version'])
    .execute();

  await db.schema.createIndex('custom_lenses_account').on('custom_lenses').columns(['account_id', 'created_at', 'arn']).execute();
  await db.schema.createIndex('lens_reviews_lens').on('lens_reviews').columns(['lens_key', 'lens_version']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
