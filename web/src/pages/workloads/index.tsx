import type { WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import { Breadcrumbs } from '../commons/breadcrumbs';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { usePermissions } from '../commons/permissions';
import { useAllWorkloads } from '../commons/all-workloads';
import { DeleteWorkloadModal } from '../commons/delete-workload-modal';
import { ErrorAlert } from '../commons/error-alert';
import { segment } from '../commons/format';
import { useSession } from '../commons/session-context';
import { EmptyState, EmptyWithAction, useResourceTable } from '../commons/resource-table';
import { WORKLOAD_COLUMNS } from './config';
import { TableHeader } from '../commons/table-header';

/** The Workloads page: own and shared workloads, filtered, sorted and paged; define, view, edit, delete. */
export default function WorkloadsPage() {
  const navigate = useNavigate();
  const can = usePermissions(['CreateWorkload']);
  const { session } = useSession();
  const workloads = useAllWorkloads();
  const [deleting, setDeleting] = useState<WorkloadSummary>();
  const list = useResourceTable('workload', workloads, {
    trackBy: 'WorkloadId', rowName: (w) => w.WorkloadName,
    filtering: {
      filteringFunction: (w, text) => {
        const needle = text.toLowerCase();
        return [w.WorkloadName, w.Owner].some((v) => v?.toLowerCase().includes(needle));
      },
      empty: (
        <EmptyWithAction title="No workloads" actionText="Define workload" disabled={!can.CreateWorkload.allowed} disabledReason={can.CreateWorkload.reason} onAction={() => navigate('/workloads/new')} />
      ),
      noMatch: <EmptyState title="No matches" action={<Button onClick={() => list.actions.setFiltering('')}>Clear filter</Button>} />,
    },
    sorting: { defaultState: { sortingColumn: WORKLOAD_COLUMNS[0] } },
  });
  const selected = list.selected;
  const canChange = usePermissions(['UpdateWorkload', 'DeleteWorkload'], { WorkloadId: selected?.WorkloadId }, !!selected);
  const owned = selected?.Owner === session.accountId;
  const detailsPath = selected ? `/workloads/${segment(selected.WorkloadId!)}` : '';

  return (
    <SpaceBetween size="m">
      <Breadcrumbs items={[{ text: 'Workloads', href: '/workloads' }]} />
      <ErrorAlert error={workloads.error} />
      <Table
        {...list.table}
        variant="full-page"
        columnDefinitions={WORKLOAD_COLUMNS}
        wrapLines
        header={
          <TableHeader variant="awsui-h1-sticky" title="Workloads" source={workloads} refreshing={workloads.loading} refreshLabel="Refresh" description="Your workloads and the workloads shared with you.">
            <Button disabled={!selected} onClick={() => navigate(detailsPath)}>
              View details
            </Button>
            <Button disabled={!selected || !owned || !canChange.UpdateWorkload.allowed} disabledReason={selected && owned ? canChange.UpdateWorkload.reason : undefined} onClick={() => navigate(`${detailsPath}?tab=properties&edit=1`)}>
              Edit
            </Button>
            <Button disabled={!selected || !owned || !canChange.DeleteWorkload.allowed} disabledReason={selected && owned ? canChange.DeleteWorkload.reason : undefined} onClick={() => setDeleting(selected)}>
              Delete
            </Button>
            <Button variant="primary" disabled={!can.CreateWorkload.allowed} disabledReason={can.CreateWorkload.reason} onClick={() => navigate('/workloads/new')}>
              Define workload
            </Button>
          </TableHeader>
        }
        filter={list.filter('Find workloads by name or owner', 'Find workloads')}
      />
      <DeleteWorkloadModal
        workload={deleting}
        onClose={() => setDeleting(undefined)}
        onDeleted={() => {
          setDeleting(undefined);
          workloads.reload();
        }}
      />
    </SpaceBetween>
  );
}
