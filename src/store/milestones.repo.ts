import type { Selectable } from 'kysely';
import type { Db, Trx } from './database';
import { nameKeyHolder } from './name-keys';
import type { MilestoneRecord, WorkloadSnapshot } from './records';
import type { MilestonesTable } from './tables';
import { keysetPage } from './keyset-page';

type Conn = Db | Trx;

export async function lastMilestoneNumber(db: Conn, workloadId: string): Promise<number> {
  const row = await db
    .selectFrom('milestones')
    .select((eb) => eb.fn.max<number>('number').as('n'))
    .where('workload_id', '=', workloadId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findMilestoneByNameKey(db: Conn, workloadId: string, nameKey: string) {
  return nameKeyHolder(db, 'milestones', workloadId, nameKey);
}

type NewMilestone = MilestoneRecord & { nameKey: string; snapshot: WorkloadSnapshot };

/** The row insertMilestone writes (also what bench/scale.ts seeds in bulk). */
export const milestoneRow = (m: NewMilestone): MilestonesTable => ({
  workload_id: m.workloadId,
  number: m.number,
  name: m.name,
  name_key: m.nameKey,
  recorded_at: m.recordedAt,
  snapshot: JSON.stringify(m.snapshot),
});

export async function insertMilestone(db: Conn, m: NewMilestone): Promise<void> {
  await db.insertInto('milestones').values(milestoneRow(m)).execute();
}

const toMilestone = (row: Selectable<MilestonesTable>) => ({
  record: { workloadId: row.workload_id, number: row.number, name: row.name, recordedAt: row.recorded_at } as MilestoneRecord,
  snapshot: JSON.parse(row.snapshot) as WorkloadSnapshot,
});

export async function findMilestone(db: Conn, workloadId: string, number: number) {
  const row = await db
    .selectFrom('milestones')
    .selectAll()
    .where('workload_id', '=', workloadId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? toMilestone(row) : undefined;
}

/** Milestones after `afterNumber`, newest number last. */
export async function listMilestonePage(db: Conn, workloadId: string, afterNumber: number, limit: number) {
  const milestones = db.selectFrom('milestones').selectAll().where('workload_id', '=', workloadId);
  return (await keysetPage(milestones, 'number', afterNumber, limit)).map(toMilestone);
}
