import { GetMilestoneCommand, ListLensReviewsCommand, type LensReviewSummary, type Milestone } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { loadLensReviewAt, type LensReviewAt } from '../commons/lens-review-at';
import { useLoad } from '../commons/use-load';

export interface MilestoneState {
  milestone: Milestone;
  lenses: LensReviewSummary[];
}

/** The milestone and the lens reviews it recorded. */
export function useMilestone(workloadId: string, milestoneNumber: number) {
  const wa = useWellArchitected();
  return useLoad<MilestoneState>(async () => {
    const [out, lenses] = await Promise.all([
      wa.send(new GetMilestoneCommand({ WorkloadId: workloadId, MilestoneNumber: milestoneNumber })),
      allPages(
        (NextToken) => wa.send(new ListLensReviewsCommand({ WorkloadId: workloadId, MilestoneNumber: milestoneNumber, NextToken, MaxResults: 50 })),
        (o) => o.LensReviewSummaries,
      ),
    ]);
    return { milestone: out.Milestone ?? {}, lenses };
  }, [wa, workloadId, milestoneNumber]);
}

/** One lens's answers as the milestone recorded them. */
export function useMilestoneAnswers(workloadId: string, lensAlias: string | undefined, milestoneNumber: number) {
  const wa = useWellArchitected();
  return useLoad<LensReviewAt | undefined>(
    async () => (lensAlias ? loadLensReviewAt(wa, workloadId, lensAlias, milestoneNumber) : undefined),
    [wa, workloadId, lensAlias, milestoneNumber],
  );
}

