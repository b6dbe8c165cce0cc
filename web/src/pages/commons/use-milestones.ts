import { ListMilestonesCommand, type MilestoneSummary } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from './all-pages';
import { useLoad } from './use-load';

/** Every milestone of a workload (all pages), newest first; none while no workload is chosen. */
export function useMilestones(workloadId: string | undefined) {
  const wa = useWellArchitected();
  return useLoad<MilestoneSummary[]>(async () => {
    if (!workloadId) return [];
    const all = await allPages(
      (NextToken) => wa.send(new ListMilestonesCommand({ WorkloadId: workloadId, NextToken, MaxResults: 50 })),
      (o) => o.MilestoneSummaries,
    );
    return all.sort((a, b) => (b.MilestoneNumber ?? 0) - (a.MilestoneNumber ?? 0));
  }, [wa, workloadId]);
}
