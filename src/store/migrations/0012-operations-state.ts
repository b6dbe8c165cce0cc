import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Audit rows the store refused (src/services/audit/trail.ts): kept here, as JSON text
  // with every character escaped, so that one bad record never holds back the others.
  await db.schema
    .createTable('audit_dead_letters')
    .addColumn('event_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('set_aside_at', 'bigint', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull())
    .addColumn('row_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_dead_letters_time').on('audit_dead_letters').columns(['set_aside_at']).execute();

  // Which process holds an outbox row's claim (host, pid and a random part), shown with its lease.
  await db.schema.alterTable('event_outbox').addColumn('claimed_by', 'varchar(128)').execute();

  // One version per kind of cached state (signing keys, policies, sessions, event targets,
  // custom lenses): a change bumps it, and every process drops that cache when it sees
  // the new version (src/services/caches/).
  await db.schema
    .createTable('cache_versions')
    .addColumn('scope', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();

  // Work that one process at a time may do (the audit retention purge): who holds it, until when.
  await db.schema
    .createTable('leases')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('holder', 'varchar(128)', (c) => c.notNull())
    .addColumn('held_until', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
