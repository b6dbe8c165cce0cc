import type { AnswerState } from '../../domain/review/answer';
import { listAllFlaggedResources, listCheckResults } from '../../store/checks.repo';
import { listMilestonePage } from '../../store/milestones.repo';
import { findWorkloadProfile } from '../../store/profiles.repo';
import type { Trx } from '../../store/database';
import { listTags } from '../../store/tags.repo';
import { read, type ServiceContext } from '../context';
import { MAX_MILESTONES, type SavedMilestone } from '../milestones.service';
import type { Principal } from '../principal';
import { reviewView } from '../reviews/view';
import type { CreateWorkloadInput } from '../workloads/workloads.service';
import { checkEntry, flaggedResourceEntry, type CheckEntry, type FlaggedResourceEntry } from './check-entries';

/**
 * A whole workload as a file that can be imported as a new workload: its
 * properties as CreateWorkload takes them (with the profile), the properties
 * only UpdateWorkload sets, each lens review as the UpdateLensReview and
 * UpdateAnswer calls that rebuild it, and its milestones as saved. Risks are
 * not trusted from the file; the import recomputes them as answering does.
 */

export const WORKLOAD_DOCUMENT_FORMAT = 'plumbline-workload';
export const WORKLOAD_DOCUMENT_VERSION = 1;

export interface AnswerEntry {
  QuestionId: string;
  SelectedChoices: string[];
  ChoiceUpdates?: Record<string, { Status: 'SELECTED' | 'NOT_APPLICABLE' | 'UNSELECTED'; Reason?: string; Notes?: string }>;
  Notes?: string;
  IsApplicable: boolean;
  Reason?: string;
}

export interface LensReviewEntry {
  LensAlias: string;
  LensVersion: string;
  LensNotes?: string;
  PillarNotes?: Record<string, string>;
  Answers: AnswerEntry[];
}

/** A milestone exactly as saved: the workload, its lens reviews, answers and tags at that moment (ids are the new workload's on import). */
export interface MilestoneEntry {
  MilestoneName: string;
  /** ISO 8601 with milliseconds: the time it was saved, kept on import. */
  RecordedAt: string;
  Workload: SavedMilestone['workload'];
  LensReviews: SavedMilestone['lensReviews'];
  Answers: SavedMilestone['answers'];
  Tags?: SavedMilestone['tags'];
  /** The check results it kept (files exported before milestones kept checks lack them). */
  Checks?: CheckEntry[];
}

export interface WorkloadDocument {
  format: typeof WORKLOAD_DOCUMENT_FORMAT;
  version: typeof WORKLOAD_DOCUMENT_VERSION;
  exportedAt: string;
  source: { WorkloadId: string; WorkloadArn: string; MilestoneNumber?: number };
  Workload: Omit<CreateWorkloadInput, 'ClientRequestToken' | 'ReviewTemplateArns'>;
  /** What only UpdateWorkload sets (files exported before these were carried lack them). */
  WorkloadUpdates?: { ImprovementStatus?: string; IsReviewOwnerUpdateAcknowledged?: boolean };
  /** The profile's version the workload was on (the ARN is in Workload.ProfileArns). */
  ProfileVersion?: number;
  LensReviews: LensReviewEntry[];
  /** In number order; absent when exporting a milestone (a milestone has no milestones). */
  Milestones?: MilestoneEntry[];
  /** The check results from scanners (a milestone's as it kept them). */
  Checks?: CheckEntry[];
  /** The resources the checks flagged (not kept by milestones, so absent from an exported milestone). */
  FlaggedResources?: FlaggedResourceEntry[];
}

function answerEntry(questionId: string, state: AnswerState): AnswerEntry {
  const updates = Object.entries(state.choiceAnswers).filter(([, c]) => c.status === 'NOT_APPLICABLE' || c.reason || c.notes);
  return {
    QuestionId: questionId,
    SelectedChoices: state.selected,
    ...(updates.length
      ? { ChoiceUpdates: Object.fromEntries(updates.map(([id, c]) => [id, { Status: c.status, Reason: c.reason, Notes: c.notes }])) }
      : {}),
    Notes: state.notes ?? undefined,
    IsApplicable: state.isApplicable,
    Reason: state.reason ?? undefined,
  };
}

const orUndefined = <T>(v: T | null): T | undefined => v ?? undefined;

const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);

/** Every milestone of a workload (at most MAX_MILESTONES), in number order, as saved. */
async function milestoneEntries(trx: Trx, workloadId: string): Promise<MilestoneEntry[]> {
  const saved = await listMilestonePage(trx, workloadId, 0, MAX_MILESTONES);
  const entries: MilestoneEntry[] = [];
  for (const { record, snapshot } of saved) {
    const { id: _id, accountId: _account, arn: _arn, ...workload } = snapshot.workload;
    const checks = await listCheckResults(trx, workloadId, { milestoneNumber: record.number });
    entries.push({
      MilestoneName: record.name,
      RecordedAt: new Date(record.recordedAt).toISOString(),
      Workload: workload,
      LensReviews: snapshot.lensReviews.map(({ workloadId: _w, ...review }) => review),
      Answers: snapshot.answers.map(({ workloadId: _w, ...answer }) => answer),
      Tags: snapshot.tags,
      Checks: nonEmpty(checks.map(checkEntry)),
    });
  }
  return entries;
}

export async function exportWorkload(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; MilestoneNumber?: number },
): Promise<WorkloadDocument> {
  return read(ctx, async (trx) => {
    const view = await reviewView(ctx, trx, principal, input.WorkloadId, input.MilestoneNumber);
    const w = view.workload;
    const tags = await listTags(trx, w.arn);
    // A milestone does not record the profile, so an exported milestone carries none.
    const profile = view.milestoneNumber === undefined ? await findWorkloadProfile(trx, w.id) : undefined;
    const reviews = view.reviews.filter((r) => r.active).sort((a, b) => a.position - b.position);
    const reviewed = new Set(reviews.map((r) => r.lensKey));
    const lensReviews: LensReviewEntry[] = [];
    for (const review of reviews) {
      const answers = (await view.answers(review.lensKey)).sort((a, b) => a.questionId.localeCompare(b.questionId));
      lensReviews.push({
        LensAlias: review.lensKey,
        LensVersion: review.lensVersion,
        LensNotes: orUndefined(review.notes),
        PillarNotes: Object.keys(review.pillarNotes).length ? review.pillarNotes : undefined,
        Answers: answers.map((a) => answerEntry(a.questionId, a.state)),
      });
    }
    return {
      format: WORKLOAD_DOCUMENT_FORMAT,
      version: WORKLOAD_DOCUMENT_VERSION,
      exportedAt: new Date(ctx.now()).toISOString(),
      source: { WorkloadId: w.id, WorkloadArn: w.arn, MilestoneNumber: view.milestoneNumber },
      Workload: {
        WorkloadName: w.name,
        Description: w.description,
        Environment: w.environment,
        Lenses: reviews.map((r) => r.lensKey),
        ReviewOwner: orUndefined(w.reviewOwner),
        ArchitecturalDesign: orUndefined(w.architecturalDesign),
        IndustryType: orUndefined(w.industryType),
        Industry: orUndefined(w.industry),
        Notes: orUndefined(w.notes),
        AccountIds: nonEmpty(w.accountIds),
        AwsRegions: nonEmpty(w.awsRegions),
        NonAwsRegions: nonEmpty(w.nonAwsRegions),
        PillarPriorities: nonEmpty(w.pillarPriorities),
        Applications: nonEmpty(w.applications),
        DiscoveryConfig: orUndefined(w.discoveryConfig),
        JiraConfiguration: orUndefined(w.jiraConfig),
        Tags: Object.keys(tags).length ? tags : undefined,
        ProfileArns: profile ? [profile.profileArn] : undefined,
      },
      WorkloadUpdates: { ImprovementStatus: w.improvementStatus, IsReviewOwnerUpdateAcknowledged: w.isReviewOwnerUpdateAcknowledged },
      ProfileVersion: profile?.profileVersion,
      LensReviews: lensReviews,
      Milestones: view.milestoneNumber === undefined ? await milestoneEntries(trx, w.id) : undefined,
      // Checks on a lens the workload no longer reviews stay behind, like that lens's answers.
      Checks: nonEmpty((await listCheckResults(trx, w.id, { milestoneNumber: view.milestoneNumber })).filter((r) => reviewed.has(r.lensKey)).map(checkEntry)),
      FlaggedResources: view.milestoneNumber === undefined ? nonEmpty((await listAllFlaggedResources(trx, w.id)).map(flaggedResourceEntry)) : undefined,
    };
  });
}
