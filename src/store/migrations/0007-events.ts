import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_targets')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    // Names are unique in an account ignoring case.
    .addColumn('name_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('path', 'text')
    .addColumn('secret_sealed', 'text')
    .addColumn('pattern', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // Delivery state, written by whichever process delivered last.
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('last_status', 'varchar(32)')
    .addColumn('last_error', 'text')
    .addColumn('last_success_at', 'bigint')
    .addUniqueConstraint('event_targets_account_name_key', ['account_id', 'name_key'])
    .execute();

  // The transactional outbox: one row per event and target, written with the change.
  await db.schema
    .createTable('event_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    // No foreign key: a change must never fail because a cached target was just deleted
    // by another process; rows of a deleted target are never claimed and are removed.
    .addColumn('target_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('event_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    // A process that claimed the row delivers it until then; after, another may.
    .addColumn('claimed_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema.createIndex('event_outbox_due').on('event_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('event_outbox_target').on('event_outbox').columns(['target_id', 'status', 'created_at']).execute();
}
