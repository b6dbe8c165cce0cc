import type { WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import { useNavigate } from 'react-router-dom';
import { usePermissions } from '../commons/permissions';
import { useAllWorkloads } from '../commons/all-workloads';
import { DeleteWorkloadModal } from '../commons/delete-workload-modal';
import { useSession } from '../commons/session-context';
import { EmptyState, EmptyWithAction, useResourceTable } from '../commons/resource-table';
import { ListPage } from '../commons/list-page';
import { useItemDialog } from '../commons/use-item-dialog';
import { WORKLOADS_CRUMB, workloadPath } from '../commons/workload-paths';
import { WORKLOAD_COLUMNS } from './config';

/** The Workloads page: own and shared workloads, filtered, sorted and paged; define, view, edit, delete. */
export default function WorkloadsPage() {
  const navigate = useNavigate();
  const can = usePermissions(['CreateWorkload']);
  const { session } = useSession();
  const workloads = useAllWorkloads();
  const deleting = useItemDialog<WorkloadSummary>(workloads.reload);
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
  const detailsPath = selected ? workloadPath(selected.WorkloadId!) : '';

  return (
    <ListPage
      {...list.table}
      breadcrumbs={[WORKLOADS_CRUMB]}
      source={workloads}
      description="Your workloads and the workloads shared with you."
      refreshLabel="Refresh"
      refreshing={workloads.loading}
      columnDefinitions={WORKLOAD_COLUMNS}
      wrapLines
      filter={list.filter('Find workloads by name or owner', 'Find workloads')}
      actions={
        <>
          <Button disabled={!selected} onClick={() => navigate(detailsPath)}>
            View details
          </Button>
          <Button disabled={!selected || !owned || !canChange.UpdateWorkload.allowed} disabledReason={selected && owned ? canChange.UpdateWorkload.reason : undefined} onClick={() => navigate(`${detailsPath}?tab=properties&edit=1`)}>
            Edit
          </Button>
          <Button disabled={!selected || !owned || !canChange.DeleteWorkload.allowed} disabledReason={selected && owned ? canChange.DeleteWorkload.reason : undefined} onClick={() => deleting.open(selected)}>
            Delete
          </Button>
          <Button variant="primary" disabled={!can.CreateWorkload.allowed} disabledReason={can.CreateWorkload.reason} onClick={() => navigate('/workloads/new')}>
            Define workload
          </Button>
        </>
      }
    >
      <DeleteWorkloadModal workload={deleting.item} onClose={deleting.close} onDeleted={deleting.done} />
    </ListPage>
  );
}
