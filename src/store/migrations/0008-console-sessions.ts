import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A console sign-in: temporary credentials for the root user or an IAM user. The secret is
  // sealed (SigV4 verification needs it); the session token is kept only as its SHA-256.
  await db.schema
    .createTable('console_sessions')
    .addColumn('access_key_id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // null for the account's root user.
    .addColumn('user_name', 'varchar(64)')
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('token_sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  // Old sessions are purged by expiry.
  await db.schema.createIndex('console_sessions_expires').on('console_sessions').column('expires_at').execute();

  // The root user's console password (optional: the root user may also sign in with its keys).
  await db.schema
    .createTable('root_console_passwords')
    .addColumn('account_id', 'varchar(12)', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
