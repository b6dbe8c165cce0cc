import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('management_account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizational_units')
    .addColumn('id', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(64)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('user_name', 'varchar(64)', (c) => c.notNull())
    // IAM user names are unique ignoring case.
    .addColumn('name_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('password_changed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('users_pk', ['account_id', 'user_name'])
    .addUniqueConstraint('users_account_name_key', ['account_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('user_policies')
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('user_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('policy_name', 'varchar(128)', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_policies_pk', ['account_id', 'user_name', 'policy_name'])
    .addForeignKeyConstraint('user_policies_user', ['account_id', 'user_name'], 'users', ['account_id', 'user_name'], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('user_managed_policies')
    .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
    .addColumn('user_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('policy_arn', 'varchar(256)', (c) => c.notNull())
    .addColumn('attached_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_managed_policies_pk', ['account_id', 'user_name', 'policy_arn'])
    .addForeignKeyConstraint('user_managed_policies_user', ['account_id', 'user_name'], 'users', ['account_id', 'user_name'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema.createIndex('access_keys_account_user').on('access_keys').columns(['account_id', 'user_name']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
