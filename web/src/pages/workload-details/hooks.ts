import {
  GetWorkloadCommand,
  ListLensReviewsCommand,
  type LensReviewSummary,
  type Workload,
} from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { questionPath, questionToContinue } from '../commons/lens-answers';
import { loadLensReviewAt } from '../commons/lens-review-at';
import { useLoad } from '../commons/use-load';

export function useWorkload(workloadId: string) {
  const wa = useWellArchitected();
  return useLoad<Workload>(async () => (await wa.send(new GetWorkloadCommand({ WorkloadId: workloadId }))).Workload!, [wa, workloadId]);
}

/** The lenses applied to the workload, each with its risk counts. */
export function useLensReviews(workloadId: string) {
  const wa = useWellArchitected();
  return useLoad<LensReviewSummary[]>(
    () => allPages((NextToken) => wa.send(new ListLensReviewsCommand({ WorkloadId: workloadId, NextToken, MaxResults: 50 })), (o) => o.LensReviewSummaries),
    [wa, workloadId],
  );
}

/** The alias a lens review is addressed by in the API and in console paths (custom lenses: their ARN). */
export const reviewAlias = (lens: { LensAlias?: string; LensArn?: string }) => lens.LensAlias ?? lens.LensArn ?? '';

/** Where "Start reviewing"/"Continue reviewing" goes for a lens: its first unanswered question. */
export function useReviewTarget() {
  const wa = useWellArchitected();
  return async (workloadId: string, lensAlias: string): Promise<string> => {
    const { review, pillars } = await loadLensReviewAt(wa, workloadId, lensAlias);
    const questionId = questionToContinue(pillars);
    if (!questionId) throw new Error(`The lens ${review.LensName ?? lensAlias} has no questions to review.`);
    return questionPath(workloadId, lensAlias, questionId);
  };
}
