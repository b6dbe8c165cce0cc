import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { CheckResult, FlaggedResource } from '../domain/checks/aggregate';
import type { CheckStatus } from '../domain/checks/finding';
import type { SourcedCheckResult } from '../domain/checks/summaries';
import type { Db, Trx } from './database';
import type { CheckResourcesTable } from './checks.table';
import type { Database } from './tables';
import { keysetPage } from './keyset-page';

type Conn = Db | Trx;

/**
 * Check results from scanners and the resources they flagged (migration 0009-check-results),
 * and the results as each milestone saved them (0015-milestone-checks).
 */

export type StoredCheckResult = SourcedCheckResult;

export interface StoredFlaggedResource extends FlaggedResource {
  source: string;
}

/** Rows per insert: at most 15 values each, well under both dialects' limits on bound parameters. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const resultRow = (workloadId: string, r: StoredCheckResult) => ({
  workload_id: workloadId,
  lens_key: r.lensKey,
  pillar_id: r.pillarId,
  question_id: r.questionId,
  choice_id: r.choiceId,
  source: r.source,
  check_id: r.checkId,
  account_id: r.accountId,
  name: r.name,
  description: r.description,
  status: r.status,
  flagged_resources: r.flaggedResources,
  updated_at: r.updatedAt,
});

/** Adds results to the workload's current ones (the caller removed any they replace). */
export async function insertCheckResults(trx: Trx, workloadId: string, results: readonly StoredCheckResult[]): Promise<void> {
  for (const rows of chunks(results)) await trx.insertInto('check_results').values(rows.map((r) => resultRow(workloadId, r))).execute();
}

/** A flagged resource as its row holds it, and back: absent texts are NULL. */
const resourceRow = (workloadId: string, { source, accountId, checkId, resourceId, status, ...r }: StoredFlaggedResource) => ({
  ...{ workload_id: workloadId, source, account_id: accountId, check_id: checkId, resource_id: resourceId, status },
  ...{ name: r.name ?? null, region: r.region ?? null, type: r.type ?? null, message: r.message ?? null },
});

const storedResource = ({ source, account_id: accountId, check_id: checkId, resource_id: resourceId, status, ...r }: Selectable<CheckResourcesTable>): StoredFlaggedResource => ({
  ...{ source, accountId, checkId, resourceId, status: status as CheckStatus },
  ...{ name: r.name ?? undefined, region: r.region ?? undefined, type: r.type ?? undefined, message: r.message ?? undefined },
});

export async function insertFlaggedResources(trx: Trx, workloadId: string, resources: readonly StoredFlaggedResource[]): Promise<void> {
  for (const rows of chunks(resources)) await trx.insertInto('check_resources').values(rows.map((r) => resourceRow(workloadId, r))).execute();
}

/**
 * Replaces what `source` said earlier about these accounts of the workload with
 * `results` and `resources` (the caller's transaction makes it all or nothing).
 */
export async function replaceCheckResults(
  trx: Trx,
  workloadId: string,
  source: string,
  accountIds: readonly string[],
  results: readonly CheckResult[],
  resources: readonly FlaggedResource[],
): Promise<void> {
  for (const accounts of chunks(accountIds)) {
    await trx.deleteFrom('check_results').where('workload_id', '=', workloadId).where('source', '=', source).where('account_id', 'in', accounts).execute();
    await trx.deleteFrom('check_resources').where('workload_id', '=', workloadId).where('source', '=', source).where('account_id', 'in', accounts).execute();
  }
  await insertCheckResults(trx, workloadId, results.map((r) => ({ ...r, source })));
  await insertFlaggedResources(trx, workloadId, resources.map((r) => ({ ...r, source })));
}

/** Which results to read: the workload's now, or a milestone's; all lenses, or one lens, question or practice. */
export interface CheckResultQuery {
  milestoneNumber?: number;
  lensKey?: string;
  questionId?: string;
  choiceId?: string;
}

/** Both tables have check_results' columns; a milestone's rows are narrowed to its number first. */
function resultsTable(db: Conn, milestoneNumber: number | undefined) {
  if (milestoneNumber === undefined) return db.selectFrom('check_results');
  const saved = db.selectFrom('milestone_check_results').where('milestone_number', '=', milestoneNumber);
  return saved as unknown as SelectQueryBuilder<Database, 'check_results', object>;
}

/** Results of the workload, by lens, question, practice, source, check and account. */
export async function listCheckResults(db: Conn, workloadId: string, q: CheckResultQuery = {}): Promise<StoredCheckResult[]> {
  let query = resultsTable(db, q.milestoneNumber).selectAll().where('workload_id', '=', workloadId);
  if (q.lensKey !== undefined) query = query.where('lens_key', '=', q.lensKey);
  if (q.questionId !== undefined) query = query.where('question_id', '=', q.questionId);
  if (q.choiceId !== undefined) query = query.where('choice_id', '=', q.choiceId);
  const rows = await query
    .orderBy('lens_key')
    .orderBy('question_id')
    .orderBy('choice_id')
    .orderBy('source')
    .orderBy('check_id')
    .orderBy('account_id')
    .execute();
  return rows.map((r) => ({
    lensKey: r.lens_key,
    pillarId: r.pillar_id,
    questionId: r.question_id,
    choiceId: r.choice_id,
    source: r.source,
    checkId: r.check_id,
    accountId: r.account_id,
    name: r.name,
    description: r.description,
    status: r.status as CheckStatus,
    flaggedResources: Number(r.flagged_resources),
    updatedAt: Number(r.updated_at),
  }));
}

/** Keeps the workload's results as they are now under a new milestone's number. */
export async function saveMilestoneCheckResults(trx: Trx, workloadId: string, milestoneNumber: number): Promise<void> {
  const columns = [
    'workload_id',
    'lens_key',
    'pillar_id',
    'question_id',
    'choice_id',
    'source',
    'check_id',
    'account_id',
    'name',
    'description',
    'status',
    'flagged_resources',
    'updated_at',
  ] as const;
  await trx
    .insertInto('milestone_check_results')
    .columns([...columns, 'milestone_number'])
    .expression((eb) =>
      eb
        .selectFrom('check_results')
        .select([...columns, eb.val(milestoneNumber).as('milestone_number')])
        .where('workload_id', '=', workloadId),
    )
    .execute();
}

/** A milestone's results as saved elsewhere (a workload import). */
export async function insertMilestoneCheckResults(trx: Trx, workloadId: string, milestoneNumber: number, results: readonly StoredCheckResult[]): Promise<void> {
  for (const rows of chunks(results)) {
    await trx
      .insertInto('milestone_check_results')
      .values(rows.map((r) => ({ ...resultRow(workloadId, r), milestone_number: milestoneNumber })))
      .execute();
  }
}

/** The resources one check flagged in one account, by resource id, after `after`. */
export async function listFlaggedResources(
  db: Conn,
  workloadId: string,
  source: string,
  checkId: string,
  accountId: string,
  after: string,
  limit: number,
): Promise<StoredFlaggedResource[]> {
  const resources = db
    .selectFrom('check_resources')
    .selectAll()
    .where('workload_id', '=', workloadId)
    .where('source', '=', source)
    .where('check_id', '=', checkId)
    .where('account_id', '=', accountId);
  return (await keysetPage(resources, 'resource_id', after, limit)).map(storedResource);
}

/** Every resource flagged in the workload (for its export). */
export async function listAllFlaggedResources(db: Conn, workloadId: string): Promise<StoredFlaggedResource[]> {
  const rows = await db
    .selectFrom('check_resources')
    .selectAll()
    .where('workload_id', '=', workloadId)
    .orderBy('source')
    .orderBy('account_id')
    .orderBy('check_id')
    .orderBy('resource_id')
    .execute();
  return rows.map(storedResource);
}

/** Everything the workload's checks left (with its deletion). */
export async function deleteWorkloadChecks(db: Conn, workloadId: string): Promise<void> {
  await db.deleteFrom('check_results').where('workload_id', '=', workloadId).execute();
  await db.deleteFrom('check_resources').where('workload_id', '=', workloadId).execute();
  await db.deleteFrom('milestone_check_results').where('workload_id', '=', workloadId).execute();
}
