import {
  GetLensCommand,
  ListLensReviewImprovementsCommand,
  type ImprovementSummary,
} from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { loadLensAnswers, type PillarAnswers } from '../commons/lens-answers';
import { loadWorkloadLensReview } from '../commons/lens-review-at';
import { useLoad } from '../commons/use-load';

/** AWS lenses have ARNs in the `aws` account (arn:aws:wellarchitected::aws:lens/<alias>); every other lens is custom. */
export const isCustomLensArn = (arn: string | undefined) => !!arn && !/:aws:lens\//.test(arn);

/** The workload, its lens review and, for a custom lens, who owns the lens (GetLens fails once the owner deletes it). */
export function useLensReviewPage(workloadId: string, lensAlias: string) {
  const wa = useWellArchitected();
  return useLoad(async () => {
    const { workload, review } = await loadWorkloadLensReview(wa, workloadId, lensAlias);
    const lensArn = review?.LensArn;
    const lens = isCustomLensArn(lensArn)
      ? await wa.send(new GetLensCommand({ LensAlias: lensArn })).then(
          (out) => out.Lens,
          () => undefined,
        )
      : undefined;
    return { workload, review, lens };
  }, [wa, workloadId, lensAlias]);
}

export interface ImprovementPlan {
  items: ImprovementSummary[];
  /** Every answer, for practice titles and the questions the workload's profile prioritizes. */
  pillars: PillarAnswers[];
}

/** The whole improvement plan (every page of ListLensReviewImprovements) with the answers it refers to. */
export function useImprovementPlan(workloadId: string, lensAlias: string, pillarOrder: Array<{ PillarId?: string; PillarName?: string }> | undefined) {
  const wa = useWellArchitected();
  return useLoad<ImprovementPlan | undefined>(async () => {
    if (!pillarOrder) return undefined;
    const [items, pillars] = await Promise.all([
      allPages(
        (NextToken) => wa.send(new ListLensReviewImprovementsCommand({ WorkloadId: workloadId, LensAlias: lensAlias, MaxResults: 100, NextToken })),
        (out) => out.ImprovementSummaries,
      ),
      loadLensAnswers(wa, workloadId, lensAlias, pillarOrder),
    ]);
    return { items, pillars };
    // Keyed on the pillars themselves: a reload of the lens review (after a notes edit) need not reload the plan.
  }, [wa, workloadId, lensAlias, pillarOrder && pillarOrder.map((p) => p.PillarId).join('/')]);
}
