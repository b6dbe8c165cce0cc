import type { WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import { Breadcrumbs } from '../commons/breadcrumbs';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { Pagination } from '../commons/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { usePermissions } from '../commons/permissions';
import { useAllWorkloads } from '../commons/all-workloads';
import { DeleteWorkloadModal } from '../commons/delete-workload-modal';
import { ErrorAlert } from '../commons/error-alert';
import { segment } from '../commons/format';
import { useSession } from '../commons/session-context';
import { WORKLOAD_COLUMNS } from './config';
import { TableHeader } from '../commons/table-header';

/** The Workloads page: own and shared workloads, filtered, sorted and paged; define, view, edit, delete. */
export default function WorkloadsPage() {
  const navigate = useNavigate();
  const can = usePermissions(['CreateWorkload']);
  const { session } = useSession();
  const workloads = useAllWorkloads();
  const [deleting, setDeleting] = useState<WorkloadSummary>();
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount, actions } = useCollection(workloads.data ?? [], {
    filtering: {
      filteringFunction: (w, text) => {
        const needle = text.toLowerCase();
        return [w.WorkloadName, w.Owner].some((v) => v?.toLowerCase().includes(needle));
      },
      empty: (
        <Box textAlign="center" color="inherit">
          <SpaceBetween size="s">
            <b>No workloads</b>
            <Button disabled={!can.CreateWorkload.allowed} disabledReason={can.CreateWorkload.reason} onClick={() => navigate('/workloads/new')}>Define workload</Button>
          </SpaceBetween>
        </Box>
      ),
      noMatch: (
        <Box textAlign="center" color="inherit">
          <SpaceBetween size="s">
            <b>No matches</b>
            <Button onClick={() => actions.setFiltering('')}>Clear filter</Button>
          </SpaceBetween>
        </Box>
      ),
    },
    sorting: { defaultState: { sortingColumn: WORKLOAD_COLUMNS[0] } },
    pagination: { pageSize: 20 },
    selection: { trackBy: 'WorkloadId', keepSelection: false },
  });
  const selected = collectionProps.selectedItems?.[0];
  const canChange = usePermissions(['UpdateWorkload', 'DeleteWorkload'], { WorkloadId: selected?.WorkloadId }, !!selected);
  const owned = selected?.Owner === session.accountId;
  const detailsPath = selected ? `/workloads/${segment(selected.WorkloadId!)}` : '';

  return (
    <SpaceBetween size="m">
      <Breadcrumbs items={[{ text: 'Workloads', href: '/workloads' }]} />
      <ErrorAlert error={workloads.error} />
      <Table
        {...collectionProps}
        variant="full-page"
        selectionType="single"
        items={items}
        columnDefinitions={WORKLOAD_COLUMNS}
        loading={workloads.loading && !workloads.data}
        loadingText="Loading workloads"
        trackBy="WorkloadId"
        wrapLines
        ariaLabels={{
          itemSelectionLabel: (_s, w) => `Select ${w.WorkloadName}`,
          selectionGroupLabel: 'Workload selection',
        }}
        header={
          <TableHeader
            variant="awsui-h1-sticky"
            title="Workloads"
            items={workloads.data}
            description="Your workloads and the workloads shared with you."
            onRefresh={workloads.reload}
            refreshLabel="Refresh"
            refreshing={workloads.loading}
          >
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
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Find workloads by name or owner"
            filteringAriaLabel="Find workloads"
            countText={`${filteredItemsCount ?? 0} ${filteredItemsCount === 1 ? 'match' : 'matches'}`}
          />
        }
        pagination={<Pagination {...paginationProps} />}
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
