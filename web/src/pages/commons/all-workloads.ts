import { ListWorkloadsCommand, type WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { allPages } from './all-pages';
import { useLoad } from './use-load';

/**
 * Every workload the caller can see (own and shared), all pages: for pickers that
 * choose workloads to act on (add a profile, apply a template).
 */
export function useAllWorkloads() {
  const wa = useWellArchitected();
  return useLoad<WorkloadSummary[]>(
    () => allPages((NextToken) => wa.send(new ListWorkloadsCommand({ NextToken, MaxResults: 50 })), (out) => out.WorkloadSummaries),
    [wa],
  );
}
