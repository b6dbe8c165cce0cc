import { ValidationError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import { answerRisk, carryAnswerOver } from '../../domain/review/answer';
import { countRisks, type Risk } from '../../domain/review/risk';
import type { Trx } from '../../store/database';
import { findCustomLens, listWorkloadsOnLensVersions } from '../../store/lenses.repo';
import type { LensReviewRecord } from '../../store/records';
import { deleteAnswers, findLensReview, listAnswers, listLensReviews, upsertAnswer, upsertLensReview } from '../../store/reviews.repo';
import { findWorkload, touchWorkload } from '../../store/workloads.repo';
import { changeOwnWorkload, workloadNotFound } from '../access';
import type { ServiceContext } from '../context';
import { customLenses } from '../lenses/custom-lens-source';
import { saveMilestone } from '../milestones.service';
import type { Principal } from '../principal';
import { sumActiveCounts } from '../workloads/workloads.service';
import { lensReviewIn, reviewView } from './view';

/**
 * Moving lens reviews between versions of their lens: a workload's upgrade
 * (UpgradeLensReview), minor versions of custom lenses applied to every
 * workload on the lens, and tests putting a review on an older version.
 * Answers to questions that still exist are kept (minus choices that no longer
 * exist), answers to removed questions are dropped, new questions start
 * unanswered; the review's and the workload's risk counts are recomputed.
 */

async function moveLensReview(ctx: ServiceContext, trx: Trx, review: LensReviewRecord, target: CompiledLens): Promise<void> {
  const now = ctx.now();
  const risks = new Map<string, Risk>();
  const dropped: string[] = [];
  for (const answer of await listAnswers(trx, review.workloadId, review.lensKey)) {
    const question = target.questions.get(answer.questionId);
    if (!question) {
      dropped.push(answer.questionId);
      continue;
    }
    const state = carryAnswerOver(question, answer.state);
    const risk = answerRisk(question, state);
    risks.set(question.id, risk);
    await upsertAnswer(trx, { ...answer, state, risk, updatedAt: now });
  }
  await deleteAnswers(trx, review.workloadId, review.lensKey, dropped);
  const riskCounts = countRisks(target.questions.keys(), (id) => risks.get(id));
  await upsertLensReview(trx, { ...review, lensVersion: target.version, riskCounts, updatedAt: now });
  await touchWorkload(trx, review.workloadId, sumActiveCounts(await listLensReviews(trx, review.workloadId)), now);
}

/** Moves the review of `target`'s lens on every workload whose review is on one of `versions` (a minor version's publication). */
export async function moveWorkloadsOnLens(ctx: ServiceContext, trx: Trx, lensKey: string, versions: string[], target: CompiledLens) {
  for (const workloadId of await listWorkloadsOnLensVersions(trx, lensKey, versions)) {
    // Lock as UpdateAnswer does, so a concurrent answer's counts are not lost.
    await findWorkload(trx, workloadId, ctx.store.dialect);
    const review = await findLensReview(trx, workloadId, lensKey);
    if (review && versions.includes(review.lensVersion)) await moveLensReview(ctx, trx, review, target);
  }
}

/** The version a review would be upgraded to, if there is one. */
async function upgradeTarget(ctx: ServiceContext, trx: Trx, review: LensReviewRecord): Promise<CompiledLens | undefined> {
  const builtin = ctx.catalog.official(review.lensKey);
  if (builtin) return builtin.current.version === review.lensVersion ? undefined : builtin.current;
  const lens = await findCustomLens(trx, review.lensKey);
  if (!lens || lens.deletedAt !== null || !lens.latestVersion || lens.latestVersion === review.lensVersion) return undefined;
  return (await customLenses(ctx)).versionIn(trx, lens.arn, lens.latestVersion);
}

export async function upgradeLensReview(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; LensAlias: string; MilestoneName: string; ClientRequestToken?: string },
) {
  return changeOwnWorkload(ctx, principal, 'UpgradeLensReview', input, async (trx) => {
    const view = await reviewView(ctx, trx, principal, input.WorkloadId, undefined, 'own');
    const { review } = await lensReviewIn(ctx, view, input.LensAlias);
    const target = await upgradeTarget(ctx, trx, review);
    if (!target) {
      throw ValidationError.field('LensAlias', `no upgrade is available: workload ${view.workload.id} is on the latest version of lens ${input.LensAlias} there is`);
    }
    await saveMilestone(ctx, trx, principal, view.workload.id, input.MilestoneName);
    await moveLensReview(ctx, trx, review, target);
    return {};
  });
}

/**
 * Puts a workload's review of a lens on the given version, as if the workload
 * had been reviewed on it. Not part of the API: new workloads always get the
 * current version, and tests need workloads on older ones to exercise upgrades.
 */
export async function putLensReviewOnVersion(ctx: ServiceContext, principal: Principal, workloadId: string, lensAlias: string, version: string) {
  await changeOwnWorkload(ctx, principal, 'PutLensReviewOnVersion', { WorkloadId: workloadId }, async (trx, workload) => {
    const review = await findLensReview(trx, workload.id, ctx.catalog.reviewKey(lensAlias));
    if (!review) throw workloadNotFound(workloadId);
    await ctx.catalog.prepare(trx, [{ lensKey: review.lensKey, lensVersion: version }]);
    await moveLensReview(ctx, trx, review, await ctx.catalog.version(review.lensKey, version));
  });
}
