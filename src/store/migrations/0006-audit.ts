import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per record and trail: a call on another account's shared resource is in
  // both the caller's and the owner's trail, each row holding the same record.
  await db.schema
    .createTable('audit_records')
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('event_time', 'bigint', (c) => c.notNull())
    .addColumn('event_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('principal_arn', 'varchar(256)', (c) => c.notNull())
    // text: an ARN the request named may be as long as the model allows.
    .addColumn('resource_arn', 'text')
    .addColumn('read_only', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'varchar(64)')
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  // A change's record is first written here, inside the change's transaction: one
  // append with no index to update, so a change pays little for its record. The
  // trail moves these rows into audit_records (and its indexes) in batches.
  await db.schema
    .createTable('audit_journal')
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('event_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('event_time', 'bigint', (c) => c.notNull())
    .addColumn('event_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('principal_arn', 'varchar(256)', (c) => c.notNull())
    .addColumn('resource_arn', 'text')
    .addColumn('read_only', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'varchar(64)')
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  // Every lookup names one account and reads newest first; (event_time, event_id) is the page key.
  await db.schema.createIndex('audit_records_time').unique().on('audit_records').columns(['account_id', 'event_time', 'event_id']).execute();
  await db.schema.createIndex('audit_records_principal').on('audit_records').columns(['account_id', 'principal_arn', 'event_time', 'event_id']).execute();
  await db.schema.createIndex('audit_records_event_name').on('audit_records').columns(['account_id', 'event_name', 'event_time', 'event_id']).execute();
  await db.schema.createIndex('audit_records_resource').on('audit_records').columns(['account_id', 'resource_arn', 'event_time', 'event_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
