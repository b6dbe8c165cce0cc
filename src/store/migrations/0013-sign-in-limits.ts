import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Console sign-in attempts per identity ("<account>/<user>", "key:<id>") or client
  // address ("ip:<address>"), counted in a fixed window starting at the first attempt.
  // In the database so that every instance serving it shares the count.
  await db.schema
    .createTable('sign_in_limits')
    .addColumn('limit_key', 'varchar(256)', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();
  // Windows that have ended are purged by start time.
  await db.schema.createIndex('sign_in_limits_window_start').on('sign_in_limits').column('window_start').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
