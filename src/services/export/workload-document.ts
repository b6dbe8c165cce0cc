import type { AnswerState } from '../../domain/review/answer';
import { listTags } from '../../store/tags.repo';
import { read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { reviewView } from '../reviews/view';
import type { CreateWorkloadInput } from '../workloads/workloads.service';

/**
 * A whole workload as a file that can be imported as a new workload: its
 * properties as CreateWorkload takes them, and each lens review as the
 * UpdateLensReview and UpdateAnswer calls that rebuild it. Risks are not
 * stored in the file; the import recomputes them exactly as answering does.
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

export interface WorkloadDocument {
  format: typeof WORKLOAD_DOCUMENT_FORMAT;
  version: typeof WORKLOAD_DOCUMENT_VERSION;
  exportedAt: string;
  source: { WorkloadId: string; WorkloadArn: string; MilestoneNumber?: number };
  Workload: Omit<CreateWorkloadInput, 'ClientRequestToken' | 'ProfileArns' | 'ReviewTemplateArns'>;
  LensReviews: LensReviewEntry[];
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

export async function exportWorkload(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; MilestoneNumber?: number },
): Promise<WorkloadDocument> {
  return read(ctx, async (trx) => {
    const view = await reviewView(ctx, trx, principal, input.WorkloadId, input.MilestoneNumber);
    const w = view.workload;
    const tags = await listTags(trx, w.arn);
    const reviews = view.reviews.filter((r) => r.active).sort((a, b) => a.position - b.position);
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
      },
      LensReviews: lensReviews,
    };
  });
}
