import { GetLensReviewCommand, GetWorkloadCommand, type LensReview, type WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { loadLensAnswers, type PillarAnswers } from './lens-answers';

export interface LensReviewAt {
  review: LensReview;
  pillars: PillarAnswers[];
}

/** A lens review with all its answers, now or as a milestone recorded it (milestone pages, comparisons). */
export async function loadLensReviewAt(wa: WellArchitectedClient, workloadId: string, lensAlias: string, milestoneNumber?: number): Promise<LensReviewAt> {
  const out = await wa.send(new GetLensReviewCommand({ WorkloadId: workloadId, LensAlias: lensAlias, MilestoneNumber: milestoneNumber }));
  const review = out.LensReview ?? {};
  const pillars = await loadLensAnswers(wa, workloadId, lensAlias, review.PillarReviewSummaries ?? [], milestoneNumber);
  return { review, pillars };
}

/** A workload and its review of one lens, read together (the lens review and question pages). */
export async function loadWorkloadLensReview(wa: WellArchitectedClient, workloadId: string, lensAlias: string) {
  const [workload, review] = await Promise.all([
    wa.send(new GetWorkloadCommand({ WorkloadId: workloadId })),
    wa.send(new GetLensReviewCommand({ WorkloadId: workloadId, LensAlias: lensAlias })),
  ]);
  return { workload: workload.Workload, review: review.LensReview };
}
