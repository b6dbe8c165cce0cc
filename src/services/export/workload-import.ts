import { ValidationError } from '../../domain/errors';
import type { CompiledLens } from '../../domain/lens/compiled-lens';
import { insertCheckResults, insertFlaggedResources } from '../../store/checks.repo';
import { findProfileSelections, putWorkloadProfile } from '../../store/profiles.repo';
import type { Trx } from '../../store/database';
import { newResourceId } from '../account-resources';
import { mutate, type ServiceContext } from '../context';
import { authorizeCall } from '../identity/authorize-call';
import { restoreMilestone } from '../milestones.service';
import type { Principal } from '../principal';
import { updateAnswerIn, updateLensReviewIn } from '../reviews/reviews.service';
import { reviewView } from '../reviews/view';
import { createWorkloadIn, updateWorkloadIn } from '../workloads/workloads.service';
import { checkResultsOf, flaggedResourcesOf } from './check-entries';
import { WORKLOAD_DOCUMENT_FORMAT, WORKLOAD_DOCUMENT_VERSION, type WorkloadDocument } from './workload-document';

/**
 * Imports a workload file as a new workload in ONE transaction composed of the
 * transaction-scoped functions of the calls a client would make -
 * CreateWorkload, UpdateWorkload, UpdateLensReview, UpdateAnswer,
 * CreateMilestone - so names, quotas, answers and risk counts are checked and
 * computed exactly as there, and a failure anywhere (or a process killed
 * half-way) leaves nothing. The caller is authorized, before anything runs,
 * for plumbline:ImportWorkload and each of those actions the file needs, on
 * the workload about to exist (the pipeline leaves ImportWorkload's own action
 * to this service: its model names the created workload as its resource).
 */

export function checkWorkloadDocument(doc: unknown): asserts doc is WorkloadDocument {
  const d = doc as Partial<WorkloadDocument> | null;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) throw ValidationError.field('$', 'must be a JSON object exported by Plumbline');
  if (d.format !== WORKLOAD_DOCUMENT_FORMAT) throw ValidationError.field('format', `must be '${WORKLOAD_DOCUMENT_FORMAT}'`);
  if (d.version !== WORKLOAD_DOCUMENT_VERSION) throw ValidationError.field('version', `must be ${WORKLOAD_DOCUMENT_VERSION}`);
  if (typeof d.Workload !== 'object' || d.Workload === null) throw ValidationError.field('Workload', 'must be an object');
  if (!Array.isArray(d.LensReviews)) throw ValidationError.field('LensReviews', 'must be a list');
  d.LensReviews.forEach((r, i) => {
    if (typeof r !== 'object' || r === null || typeof r.LensAlias !== 'string') throw ValidationError.field(`LensReviews[${i}].LensAlias`, 'must be a string');
    if (!Array.isArray(r.Answers)) throw ValidationError.field(`LensReviews[${i}].Answers`, 'must be a list');
  });
  if (d.Milestones !== undefined && !Array.isArray(d.Milestones)) throw ValidationError.field('Milestones', 'must be a list');
  d.Milestones?.forEach((m, i) => checkMilestoneEntry(m, `Milestones[${i}]`));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A milestone's parts are stored as they are, so their structure is checked here, member by member. */
function checkMilestoneEntry(m: unknown, at: string): void {
  if (!isObject(m)) throw ValidationError.field(at, 'must be an object');
  if (typeof m.MilestoneName !== 'string') throw ValidationError.field(`${at}.MilestoneName`, 'must be a string');
  if (typeof m.RecordedAt !== 'string' || Number.isNaN(Date.parse(m.RecordedAt))) throw ValidationError.field(`${at}.RecordedAt`, 'must be an ISO 8601 time');
  if (!isObject(m.Workload)) throw ValidationError.field(`${at}.Workload`, 'must be an object');
  if (!Array.isArray(m.LensReviews) || !m.LensReviews.every((r) => isObject(r) && typeof r.lensKey === 'string' && typeof r.lensVersion === 'string')) {
    throw ValidationError.field(`${at}.LensReviews`, 'must be a list of lens reviews with lensKey and lensVersion');
  }
  if (!Array.isArray(m.Answers)) throw ValidationError.field(`${at}.Answers`, 'must be a list');
  m.Answers.forEach((a: unknown, j) => {
    const state = isObject(a) ? a.state : undefined;
    const valid =
      isObject(a) && typeof a.lensKey === 'string' && typeof a.questionId === 'string' && isObject(state) &&
      Array.isArray(state.selected) && state.selected.every((c) => typeof c === 'string') && isObject(state.choiceAnswers) && typeof state.isApplicable === 'boolean';
    if (!valid) throw ValidationError.field(`${at}.Answers[${j}]`, 'must be an answer with lensKey, questionId and state (selected, choiceAnswers, isApplicable)');
  });
}

/** Names problems by their place in the file, so a bad answer can be found in it. */
function within(prefix: string, error: unknown): unknown {
  if (!(error instanceof ValidationError) || !error.fields.length) return error;
  return ValidationError.fields(error.fields.map((f) => ({ Name: `${prefix}.${f.Name}`, Message: f.Message })));
}

/** The API actions an import of `doc` performs, with the members IAM policies are matched against. */
function importActions(doc: WorkloadDocument, WorkloadId: string): Array<[operation: string, input: Record<string, unknown>]> {
  const actions: Array<[string, Record<string, unknown>]> = [
    ['plumbline:ImportWorkload', { WorkloadId }],
    ['CreateWorkload', { ...doc.Workload }],
  ];
  if (doc.WorkloadUpdates) actions.push(['UpdateWorkload', { WorkloadId }]);
  for (const review of doc.LensReviews) {
    const ref = { WorkloadId, LensAlias: review.LensAlias };
    if (review.LensNotes !== undefined || review.PillarNotes !== undefined) actions.push(['UpdateLensReview', ref]);
    if (review.Answers.length) actions.push(['UpdateAnswer', ref]);
  }
  if (doc.Milestones?.length) actions.push(['CreateMilestone', { WorkloadId }]);
  if (doc.Checks?.length || doc.FlaggedResources?.length || doc.Milestones?.some((m) => m.Checks?.length)) actions.push(['plumbline:ImportCheckResults', { WorkloadId }]);
  return actions;
}

/** The profile version the workload was on, when this account still has it; else CreateWorkload's latest stays. */
async function keepProfileVersion(trx: Trx, WorkloadId: string, doc: WorkloadDocument) {
  const arn = doc.Workload.ProfileArns?.[0];
  if (!arn || doc.ProfileVersion === undefined) return;
  if (await findProfileSelections(trx, arn, doc.ProfileVersion)) {
    await putWorkloadProfile(trx, { workloadId: WorkloadId, profileArn: arn, profileVersion: doc.ProfileVersion });
  }
}

/** The file's check results, on the lens versions the new workload's reviews are on, and the resources they flagged. */
async function importChecks(ctx: ServiceContext, trx: Trx, principal: Principal, WorkloadId: string, doc: WorkloadDocument) {
  if (doc.Checks === undefined && doc.FlaggedResources === undefined) return;
  const view = await reviewView(ctx, trx, principal, WorkloadId);
  const lenses = new Map<string, CompiledLens>();
  for (const r of view.reviews.filter((x) => x.active)) lenses.set(r.lensKey, await ctx.catalog.version(r.lensKey, r.lensVersion));
  await insertCheckResults(trx, WorkloadId, checkResultsOf(doc.Checks, 'Checks', (key) => lenses.get(key)));
  await insertFlaggedResources(trx, WorkloadId, flaggedResourcesOf(doc.FlaggedResources, 'FlaggedResources'));
}

export async function importWorkload(ctx: ServiceContext, principal: Principal, doc: WorkloadDocument, options: { WorkloadName?: string } = {}) {
  // Named first, so that every action is authorized on the workload it will act on.
  const WorkloadId = newResourceId();
  for (const [operation, input] of importActions(doc, WorkloadId)) await authorizeCall(ctx, principal, operation, input);
  return mutate(ctx, { principal, operation: 'ImportWorkload' }, async (trx) => {
    const created = await createWorkloadIn(ctx, trx, principal, { ...doc.Workload, WorkloadName: options.WorkloadName ?? doc.Workload.WorkloadName }, WorkloadId).catch(
      (error: unknown) => {
        throw within('Workload', error);
      },
    );
    await keepProfileVersion(trx, WorkloadId, doc);
    if (doc.WorkloadUpdates) {
      await updateWorkloadIn(ctx, trx, principal, { WorkloadId, ...doc.WorkloadUpdates }).catch((error: unknown) => {
        throw within('WorkloadUpdates', error);
      });
    }
    for (const [i, review] of doc.LensReviews.entries()) {
      const at = `LensReviews[${i}]`;
      if (review.LensNotes !== undefined || review.PillarNotes !== undefined) {
        const notes = { WorkloadId, LensAlias: review.LensAlias, LensNotes: review.LensNotes, PillarNotes: review.PillarNotes };
        await updateLensReviewIn(ctx, trx, principal, notes).catch((error: unknown) => {
          throw within(at, error);
        });
      }
      for (const [j, answer] of review.Answers.entries()) {
        await updateAnswerIn(ctx, trx, principal, { WorkloadId, LensAlias: review.LensAlias, ...answer }).catch((error: unknown) => {
          throw within(`${at}.Answers[${j}]`, error);
        });
      }
    }
    await importChecks(ctx, trx, principal, WorkloadId, doc);
    for (const [i, m] of (doc.Milestones ?? []).entries()) {
      const checks = (lensOf: (key: string) => CompiledLens | undefined) => checkResultsOf(m.Checks, `Milestones[${i}].Checks`, lensOf);
      const saved = { name: m.MilestoneName, recordedAt: Date.parse(m.RecordedAt), workload: m.Workload, lensReviews: m.LensReviews, answers: m.Answers, tags: m.Tags, checks };
      await restoreMilestone(ctx, trx, principal, WorkloadId, saved).catch((error: unknown) => {
        throw within(`Milestones[${i}]`, error);
      });
    }
    return { WorkloadId, WorkloadArn: created.WorkloadArn, MilestonesImported: doc.Milestones?.length ?? 0 };
  });
}
