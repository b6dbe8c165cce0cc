import { sql, type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An account's GetGlobalSettings / UpdateGlobalSettings; an account without a row has the defaults (all DISABLED).
  await db.schema
    .createTable('global_settings')
    .addColumn('account_id', 'varchar(12)', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('organization_sharing', 'varchar(16)', (c) => c.notNull())
    .addColumn('discovery_integration', 'varchar(16)', (c) => c.notNull())
    // The account's Jira configuration as UpdateGlobalSettings stored it (null: never set).
    .addColumn('jira_issue_management_status', 'varchar(16)')
    .addColumn('jira_issue_management_type', 'varchar(16)')
    .addColumn('jira_project_key', 'varchar(100)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Lens shares with organizations and OUs now need organization sharing enabled: accounts
  // that already made such shares keep it enabled, so nothing they did stops working.
  await sql`
    INSERT INTO global_settings (account_id, organization_sharing, discovery_integration, updated_at)
    SELECT DISTINCT owner_account_id, 'ENABLED', 'DISABLED', 0 FROM shares
    WHERE recipient_kind IN ('ORGANIZATION', 'ORGANIZATIONAL_UNIT')
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
