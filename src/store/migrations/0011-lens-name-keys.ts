import { type Kysely } from 'kysely';

// Frozen: later changes go in new migrations.
/**
 * Custom lens names are unique after the hosted service's normalisation (lower case,
 * letters and digits only) instead of trimmed and lower-cased: existing lenses get the
 * new key. Keys are first moved out of the way (to the lens's ARN), so no new key meets
 * an old one; should two existing names now share a key, the older lens takes it and the
 * later keeps its ARN as key (an import under either name is still refused by the first).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const lenses = db as unknown as Kysely<{ custom_lenses: { arn: string; account_id: string; name: string; name_key: string | null; created_at: number } }>;
  const rows = await lenses.selectFrom('custom_lenses').select(['arn', 'account_id', 'name']).where('name_key', 'is not', null).orderBy('created_at').execute();
  for (const row of rows) await lenses.updateTable('custom_lenses').set({ name_key: row.arn }).where('arn', '=', row.arn).execute();
  const taken = new Set<string>();
  for (const row of rows) {
    const key = row.name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (taken.has(`${row.account_id} ${key}`)) continue;
    taken.add(`${row.account_id} ${key}`);
    await lenses.updateTable('custom_lenses').set({ name_key: key }).where('arn', '=', row.arn).execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversible');
}
