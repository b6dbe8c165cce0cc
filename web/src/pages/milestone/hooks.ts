import { GetLensReviewReportCommand, GetMilestoneCommand, ListLensReviewsCommand, type LensReviewSummary, type Milestone } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { downloadBase64, fileNameOf } from '../commons/download-file';
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

/** "Generate report": the milestone's PDF for one lens, saved to the browser's downloads. */
export function useMilestoneReport(workloadId: string, milestoneNumber: number) {
  const wa = useWellArchitected();
  return async (lens: LensReviewSummary, names: string[]) => {
    const out = await wa.send(
      new GetLensReviewReportCommand({ WorkloadId: workloadId, LensAlias: lens.LensAlias ?? lens.LensArn, MilestoneNumber: milestoneNumber }),
    );
    const base64 = out.LensReviewReport?.Base64String;
    if (!base64) throw new Error('The report came back empty.');
    downloadBase64(base64, `${fileNameOf(...names, lens.LensName ?? 'lens')}.pdf`);
    return lens;
  };
}
