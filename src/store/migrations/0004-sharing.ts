import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shares')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('invitation_id', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('resource_type', 'varchar(16)', (c) => c.notNull())
    // The workload id, or the lens ARN.
    .addColumn('resource_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('owner_account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('shared_with', 'varchar(1024)', (c) => c.notNull())
    .addColumn('recipient_kind', 'varchar(24)', (c) => c.notNull())
    // null for organization and OU shares.
    .addColumn('recipient_account_id', 'varchar(12)')
    .addColumn('recipient_user_name', 'varchar(128)')
    .addColumn('permission', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    // When the current invitation was sent: it expires seven days later.
    .addColumn('invited_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('shares_resource_recipient', ['resource_type', 'resource_id', 'shared_with'])
    .execute();
  await db.schema.createIndex('shares_recipient_account').on('shares').columns(['recipient_account_id', 'status']).execute();
  await db.schema.createIndex('shares_recipient_group').on('shares').columns(['shared_with', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
