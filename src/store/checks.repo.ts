import type { CheckResult, FlaggedResource } from '../domain/checks/aggregate';
import type { CheckStatus } from '../domain/checks/finding';
import type { Db, Trx } from './database';

type Conn = Db | Trx;

/** Check results from scanners and the resources they flagged (see migration 0009-check-results). */

/** Rows per insert: at most 13 values each, well under both dialects' limits on bound parameters. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
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
  for (const rows of chunks(results)) {
    await trx
      .insertInto('check_results')
      .values(
        rows.map((r) => ({
          workload_id: workloadId,
          lens_key: r.lensKey,
          pillar_id: r.pillarId,
          question_id: r.questionId,
          choice_id: r.choiceId,
          source,
          check_id: r.checkId,
          account_id: r.accountId,
          name: r.name,
          description: r.description,
          status: r.status,
          flagged_resources: r.flaggedResources,
          updated_at: r.updatedAt,
        })),
      )
      .execute();
  }
  for (const rows of chunks(resources)) {
    await trx
      .insertInto('check_resources')
      .values(
        rows.map((r) => ({
          workload_id: workloadId,
          source,
          account_id: r.accountId,
          check_id: r.checkId,
          resource_id: r.resourceId,
          name: r.name ?? null,
          region: r.region ?? null,
          type: r.type ?? null,
          status: r.status,
          message: r.message ?? null,
        })),
      )
      .execute();
  }
}

export interface CheckResultRow {
  source: string;
  checkId: string;
  accountId: string;
  name: string;
  description: string;
  status: CheckStatus;
  flaggedResources: number;
  updatedAt: number;
}

/** Every result on one best practice of one lens, by source, check and account. */
export async function listChoiceCheckResults(db: Conn, workloadId: string, lensKey: string, questionId: string, choiceId: string): Promise<CheckResultRow[]> {
  const rows = await db
    .selectFrom('check_results')
    .select(['source', 'check_id', 'account_id', 'name', 'description', 'status', 'flagged_resources', 'updated_at'])
    .where('workload_id', '=', workloadId)
    .where('lens_key', '=', lensKey)
    .where('question_id', '=', questionId)
    .where('choice_id', '=', choiceId)
    .orderBy('source')
    .orderBy('check_id')
    .orderBy('account_id')
    .execute();
  return rows.map((r) => ({
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

/** The resources one check flagged in one account, by resource id, after `after`. */
export async function listFlaggedResources(db: Conn, workloadId: string, source: string, checkId: string, accountId: string, after: string, limit: number) {
  return db
    .selectFrom('check_resources')
    .select(['resource_id', 'name', 'region', 'type', 'status', 'message'])
    .where('workload_id', '=', workloadId)
    .where('source', '=', source)
    .where('check_id', '=', checkId)
    .where('account_id', '=', accountId)
    .where('resource_id', '>', after)
    .orderBy('resource_id')
    .limit(limit)
    .execute();
}
