import Button from '@cloudscape-design/components/button';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DeleteWorkloadModal } from '../commons/delete-workload-modal';
import { ErrorAlert } from '../commons/error-alert';
import { Page, PageLoading } from '../commons/page';
import { usePermissions } from '../commons/permissions';
import { useSession } from '../commons/session-context';
import { useMilestones } from '../commons/use-milestones';
import { workloadCrumbs } from '../commons/workload-paths';
import { useLensReviews, useWorkload } from './hooks';
import { MilestonesTab } from './milestones-tab';
import { OverviewTab } from './overview-tab';
import { PropertiesTab } from './properties-tab';
import { RejectShareModal } from './reject-share-modal';
import { SaveMilestoneModal } from './save-milestone-modal';
import { SharesTab } from './shares-tab';

/** The workload details page: Overview, Milestones, Properties and (owner only) Shares. */
export default function WorkloadDetailsPage() {
  const workloadId = useParams().workloadId!;
  const navigate = useNavigate();
  const { session } = useSession();
  const [search, setSearch] = useSearchParams();
  const workload = useWorkload(workloadId);
  const lenses = useLensReviews(workloadId);
  const milestones = useMilestones(workloadId);
  const [dialog, setDialog] = useState<'delete' | 'reject' | 'milestone'>();
  const tab = search.get('tab') ?? 'overview';
  const can = usePermissions(['DeleteWorkload'], { WorkloadId: workloadId });
  const w = workload.data;
  const owner = w?.Owner === session.accountId;
  const reloadAll = () => {
    workload.reload();
    lenses.reload();
    milestones.reload();
  };

  const breadcrumbs = workloadCrumbs(workloadId, w?.WorkloadName);
  if (!w) return <PageLoading breadcrumbs={breadcrumbs} error={workload.error} />;

  const tabs = [
    {
      id: 'overview',
      label: 'Overview',
      content: <OverviewTab workload={w} lenses={lenses} owner={owner} onChanged={reloadAll} onSaveMilestone={() => setDialog('milestone')} />,
    },
    { id: 'milestones', label: 'Milestones', content: <MilestonesTab workloadId={workloadId} milestones={milestones} /> },
    {
      id: 'properties',
      label: 'Properties',
      content: <PropertiesTab key={String(w.UpdatedAt?.getTime())} workload={w} owner={owner} startEditing={search.get('edit') === '1'}
          onSaved={() => {
            // The tab remounts with the saved workload; it should not reopen the editor.
            setSearch({ tab: 'properties' }, { replace: true });
            reloadAll();
          }}
        />,
    },
    ...(owner ? [{ id: 'shares', label: 'Shares', content: <SharesTab workloadId={workloadId} workloadName={w.WorkloadName ?? ''} /> }] : []),
  ];

  return (
    <Page
      breadcrumbs={breadcrumbs}
      title={w.WorkloadName}
      description={w.Description}
      actions={
        owner ? (
          <Button disabled={!can.DeleteWorkload.allowed} disabledReason={can.DeleteWorkload.reason} onClick={() => setDialog('delete')}>
            Delete workload
          </Button>
        ) : w.ShareInvitationId ? (
          <Button onClick={() => setDialog('reject')}>Reject share</Button>
        ) : undefined
      }
    >
      <ErrorAlert error={workload.error} />
      <Tabs
        activeTabId={tab}
        onChange={(e) => setSearch(e.detail.activeTabId === 'overview' ? {} : { tab: e.detail.activeTabId }, { replace: true })}
        tabs={tabs}
      />
      <SaveMilestoneModal
        workloadId={workloadId}
        visible={dialog === 'milestone'}
        onClose={() => setDialog(undefined)}
        onSaved={() => {
          setDialog(undefined);
          milestones.reload();
        }}
      />
      <DeleteWorkloadModal workload={dialog === 'delete' ? w : undefined} onClose={() => setDialog(undefined)} onDeleted={() => navigate('/workloads')} />
      {w.ShareInvitationId && (
        <RejectShareModal
          workloadName={w.WorkloadName ?? ''}
          invitationId={w.ShareInvitationId}
          visible={dialog === 'reject'}
          onClose={() => setDialog(undefined)}
          onRejected={() => navigate('/workloads')}
        />
      )}
    </Page>
  );
}
