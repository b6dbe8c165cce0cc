import type { MilestoneSummary } from '@aws-sdk/client-wellarchitected';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import { Pagination } from '../commons/pagination';
import Table from '@cloudscape-design/components/table';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime, segment } from '../commons/format';
import { answeredOfTotal, RiskCount } from '../commons/risk-counts';
import { RouterLink } from '../commons/router-link';
import type { Loaded } from '../commons/use-load';

/** The dashboard's Milestones section: the milestones of the workload selected in Workload reviews. */
export function DashboardMilestones({ workload, milestones }: { workload: { WorkloadId?: string; WorkloadName?: string } | undefined; milestones: Loaded<MilestoneSummary[]> }) {
  const { items, collectionProps, paginationProps } = useCollection(milestones.data ?? [], {
    pagination: { pageSize: 10 },
    sorting: {},
  });
  const base = workload ? `/workloads/${segment(workload.WorkloadId!)}/milestones` : '';
  return (
    <Table
      {...collectionProps}
      header={
        <Header variant="h2" counter={workload && milestones.data ? `(${milestones.data.length})` : undefined}>
          {workload ? `Milestones (${workload.WorkloadName})` : 'Milestones'}
        </Header>
      }
      items={workload ? items : []}
      loading={!!workload && milestones.loading}
      loadingText="Loading milestones"
      columnDefinitions={[
        {
          id: 'name',
          header: 'Name',
          cell: (m) => <RouterLink href={`${base}/${m.MilestoneNumber}`}>{m.MilestoneName}</RouterLink>,
          isRowHeader: true,
        },
        { id: 'answered', header: 'Questions answered', cell: (m) => answeredOfTotal(m.WorkloadSummary?.RiskCounts) },
        { id: 'high', header: 'High risks', cell: (m) => <RiskCount risk="HIGH" counts={m.WorkloadSummary?.RiskCounts} /> },
        { id: 'medium', header: 'Medium risks', cell: (m) => <RiskCount risk="MEDIUM" counts={m.WorkloadSummary?.RiskCounts} /> },
        { id: 'saved', header: 'Date saved', cell: (m) => formatTime(m.RecordedAt) },
      ]}
      empty={
        <Box textAlign="center" color="inherit">
          {milestones.error ? <ErrorAlert error={milestones.error} /> : workload ? 'No milestones saved for this workload.' : 'Select a workload to see its milestones.'}
        </Box>
      }
      pagination={<Pagination {...paginationProps} />}
    />
  );
}
