import type { Db, Trx } from './database';
import { arg, prepared } from './prepared';

type Conn = Db | Trx;

export async function listTags(db: Conn, resourceArn: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('tags').select(['tag_key', 'tag_value']).where('resource_arn', '=', resourceArn).orderBy('tag_key').execute();
  return Object.fromEntries(rows.map((r) => [r.tag_key, r.tag_value]));
}

const workloadTagRows = prepared((db) =>
  db
    .selectFrom('tags')
    .select(['tag_key', 'tag_value'])
    .where('resource_arn', '=', (eb) => eb.selectFrom('workloads').select('arn').where('id', '=', arg(0)))
    .orderBy('tag_key'),
);

/** A workload's tags by its id, so that they can be read together with the workload itself. */
export async function listWorkloadTags(db: Conn, workloadId: string): Promise<Record<string, string>> {
  return Object.fromEntries((await workloadTagRows.rows(db, workloadId)).map((r) => [r.tag_key, r.tag_value]));
}

export async function putTags(db: Conn, resourceArn: string, tags: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(tags)) {
    await db
      .insertInto('tags')
      .values({ resource_arn: resourceArn, tag_key: key, tag_value: value })
      .onConflict((oc) => oc.columns(['resource_arn', 'tag_key']).doUpdateSet({ tag_value: value }))
      .execute();
  }
}

export async function deleteTags(db: Conn, resourceArn: string, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await db.deleteFrom('tags').where('resource_arn', '=', resourceArn).where('tag_key', 'in', keys).execute();
}
