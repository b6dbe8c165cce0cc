import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Whether a workload has high and medium risks, kept by the database itself from
  // risk_counts on every write (whichever statement writes it), and indexed by account:
  // the dashboard's counts (GetWorkloadRiskCounts) read this index, not the workloads'
  // rows and their JSON. SQLite can add only virtual generated columns to a table (their
  // values live in the index); PostgreSQL stores them.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [column, risk] of [['has_high_risks', 'HIGH'], ['has_medium_risks', 'MEDIUM']] as const) {
    const flag = postgres
      ? sql`case when coalesce(cast(cast(risk_counts as json) ->> ${sql.lit(risk)} as integer), 0) > 0 then 1 else 0 end`
      : sql`coalesce(json_extract(risk_counts, ${sql.lit(`$.${risk}`)}), 0) > 0`;
    await sql`alter table workloads add column ${sql.ref(column)} integer generated always as (${flag}) ${sql.raw(postgres ? 'stored' : 'virtual')}`.execute(db);
  }
  await db.schema.createIndex('workloads_account_risks').on('workloads').columns(['account_id', 'has_high_risks', 'has_medium_risks']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
