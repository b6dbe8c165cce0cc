import { GetLensReviewReportCommand } from '@aws-sdk/client-wellarchitected';
import { useCallback } from 'react';
import { useWellArchitected } from '../../api/client';
import { downloadBase64, fileNameOf } from './download-file';

export interface ReportOf {
  workloadId: string;
  /** The alias of an AWS lens or the ARN of a custom one. */
  lensAlias: string;
  /** For the file name: the workload's, the milestone's (if any) and the lens's names. */
  names: string[];
  milestoneNumber?: number;
}

/** "Generate report": a lens review's PDF (now, or at a milestone), saved to the browser's downloads. */
export function useLensReport(): (of: ReportOf) => Promise<void> {
  const wa = useWellArchitected();
  return useCallback(
    async ({ workloadId, lensAlias, names, milestoneNumber }: ReportOf) => {
      const out = await wa.send(new GetLensReviewReportCommand({ WorkloadId: workloadId, LensAlias: lensAlias, MilestoneNumber: milestoneNumber }));
      const base64 = out.LensReviewReport?.Base64String;
      if (!base64) throw new Error('The server answered without a report.');
      downloadBase64(base64, `${fileNameOf(...names)}.pdf`);
    },
    [wa],
  );
}
