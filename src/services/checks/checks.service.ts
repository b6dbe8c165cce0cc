import { summarizeChecks } from '../../domain/checks/summaries';
import { ValidationError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import { listCheckResults, listFlaggedResources, type StoredCheckResult, type StoredFlaggedResource } from '../../store/checks.repo';
import type { Trx } from '../../store/database';
import { read, type ServiceContext } from '../context';
import { decodeToken, encodeToken, pageOf, seconds } from '../pagination';
import type { Principal } from '../principal';
import { lensReviewIn, reviewView } from '../reviews/view';

/**
 * ListCheckSummaries and ListCheckDetails: the evidence scanners gave on one best
 * practice of a workload's lens (imported by import.service.ts). Provider is the
 * scanner's name (the model's enum knows only Trusted Advisor).
 */

/** A flagged resource as ListCheckResources shows it. */
export const presentFlaggedResource = (r: StoredFlaggedResource) => ({
  Id: r.resourceId,
  Name: r.name,
  Region: r.region,
  Type: r.type,
  Status: r.status,
  Message: r.message,
});

interface ChoiceRef {
  WorkloadId: string;
  LensArn: string;
  PillarId: string;
  QuestionId: string;
  ChoiceId: string;
  NextToken?: string;
  MaxResults?: number;
}

/** The practice named by the call, checked against the lens version the workload is on. */
function checkChoice(lens: CompiledLens, input: ChoiceRef) {
  const question = lens.questions.get(input.QuestionId);
  if (!question) throw ValidationError.field('QuestionId', `'${input.QuestionId}' is not a question of lens ${lens.alias} version ${lens.version}`);
  if (question.pillarId !== input.PillarId) {
    throw ValidationError.field('PillarId', `Question '${question.id}' belongs to pillar '${question.pillarId}', not '${input.PillarId}'`);
  }
  if (!question.choiceIds.has(input.ChoiceId)) {
    throw ValidationError.field('ChoiceId', `'${input.ChoiceId}' is not a best practice of question '${question.id}'`);
  }
}

async function choiceResults(ctx: ServiceContext, trx: Trx, principal: Principal, input: ChoiceRef) {
  const view = await reviewView(ctx, trx, principal, input.WorkloadId);
  const { review, lens } = await lensReviewIn(ctx, view, input.LensArn);
  checkChoice(lens, input);
  const rows = await listCheckResults(trx, view.workload.id, { lensKey: review.lensKey, questionId: input.QuestionId, choiceId: input.ChoiceId });
  const about = { LensArn: lens.arn, PillarId: input.PillarId, QuestionId: input.QuestionId, ChoiceId: input.ChoiceId };
  return { rows, about };
}

const checkOf = (c: { checkId: string; name: string; description: string; source: string }) => ({
  Id: c.checkId,
  Name: c.name,
  Description: c.description,
  Provider: c.source,
});

export async function listCheckSummaries(ctx: ServiceContext, principal: Principal, input: ChoiceRef) {
  return read(ctx, async (trx) => {
    const { rows, about } = await choiceResults(ctx, trx, principal, input);
    const summaries = summarizeChecks(rows).map((c) => ({
      ...checkOf(c),
      UpdatedAt: seconds(c.updatedAt),
      ...about,
      Status: c.status,
      AccountSummary: c.accountSummary,
    }));
    const page = pageOf(summaries, input.NextToken, input.MaxResults);
    return { CheckSummaries: page.items, NextToken: page.nextToken };
  });
}

/** The model bounds a detail's count of flagged resources to 1-9,999 (absent when none). */
const flaggedCount = (n: number) => (n > 0 ? Math.min(n, 9999) : undefined);

export async function listCheckDetails(ctx: ServiceContext, principal: Principal, input: ChoiceRef) {
  return read(ctx, async (trx) => {
    const { rows, about } = await choiceResults(ctx, trx, principal, input);
    const details = rows.map((row: StoredCheckResult) => ({
      ...checkOf(row),
      ...about,
      Status: row.status,
      AccountId: row.accountId,
      FlaggedResources: flaggedCount(row.flaggedResources),
      UpdatedAt: seconds(row.updatedAt),
    }));
    const page = pageOf(details, input.NextToken, input.MaxResults);
    return { CheckDetails: page.items, NextToken: page.nextToken };
  });
}

const isAfterResource = (v: unknown): v is { r: string } => typeof v === 'object' && v !== null && typeof (v as { r: unknown }).r === 'string';

/** The resources one check flagged in one account of the workload, by resource id. */
export async function listCheckResources(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; CheckId: string; AccountId: string; Provider: string; NextToken?: string; MaxResults?: number },
) {
  const after = decodeToken(input.NextToken, isAfterResource)?.r ?? '';
  const limit = input.MaxResults ?? 100;
  return read(ctx, async (trx) => {
    const view = await reviewView(ctx, trx, principal, input.WorkloadId);
    const rows = await listFlaggedResources(trx, view.workload.id, input.Provider, input.CheckId, input.AccountId, after, limit + 1);
    const page = rows.slice(0, limit);
    return {
      WorkloadId: view.workload.id,
      CheckId: input.CheckId,
      AccountId: input.AccountId,
      Provider: input.Provider,
      FlaggedResources: page.map(presentFlaggedResource),
      NextToken: rows.length > limit ? encodeToken({ r: page[page.length - 1].resourceId }) : undefined,
    };
  });
}
