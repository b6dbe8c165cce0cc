import { GetWorkloadCommand, ListLensReviewsCommand, ListMilestonesCommand, type LensReviewSummary, type MilestoneSummary, type Workload } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { loadLensReviewAt } from '../commons/lens-review-at';
import { useLoad } from '../commons/use-load';
import { compareReviews, type QuestionChange } from './compare';

/** "current" or a milestone number, as the pickers and the URL hold it. */
export type StateRef = 'current' | number;

export const parseStateRef = (value: string | null): StateRef | undefined =>
  value === 'current' ? 'current' : value && /^\d+$/.test(value) ? Number(value) : undefined;

export interface CompareBasis {
  workload: Workload;
  /** Oldest first. */
  milestones: MilestoneSummary[];
  lenses: LensReviewSummary[];
}

/** The workload now, its milestones and its lenses: what can be compared. */
export function useCompareBasis(workloadId: string) {
  const wa = useWellArchitected();
  return useLoad<CompareBasis>(async () => {
    const [workload, milestones, lenses] = await Promise.all([
      wa.send(new GetWorkloadCommand({ WorkloadId: workloadId })),
      allPages((NextToken) => wa.send(new ListMilestonesCommand({ WorkloadId: workloadId, NextToken, MaxResults: 50 })), (o) => o.MilestoneSummaries),
      allPages((NextToken) => wa.send(new ListLensReviewsCommand({ WorkloadId: workloadId, NextToken, MaxResults: 50 })), (o) => o.LensReviewSummaries),
    ]);
    milestones.sort((a, b) => (a.MilestoneNumber ?? 0) - (b.MilestoneNumber ?? 0));
    return { workload: workload.Workload ?? {}, milestones, lenses };
  }, [wa, workloadId]);
}

/** Question by question, one lens between two states (a milestone, or the current state). */
export function useComparison(workloadId: string, lensAlias: string | undefined, base: StateRef | undefined, target: StateRef | undefined) {
  const wa = useWellArchitected();
  return useLoad<QuestionChange[] | undefined>(async () => {
    if (!lensAlias || base === undefined || target === undefined) return undefined;
    const at = (ref: StateRef) => loadLensReviewAt(wa, workloadId, lensAlias, ref === 'current' ? undefined : ref);
    const [before, after] = await Promise.all([at(base), at(target)]);
    return compareReviews(before.pillars, after.pillars);
  }, [wa, workloadId, lensAlias, base, target]);
}
