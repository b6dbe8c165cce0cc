import { UpdateShareInvitationCommand, type ShareInvitationSummary, type ShareResourceType } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert } from '../commons/error-alert';
import { useNotifications } from '../commons/notifications';
import { RouterLink } from '../commons/router-link';
import { useResourceTable } from '../commons/resource-table';
import { ContentPage } from '../commons/page';
import { SourceTable } from '../commons/source-table';
import { invitationName, PERMISSIONS, RESOURCE_TYPES, resourcePath, useInvitations } from './hooks';

type Decision = 'ACCEPT' | 'REJECT';

/** "Share invitations": pending invitations by resource type, accepted or rejected one or several at a time. */
export default function ShareInvitations() {
  const wa = useWellArchitected();
  const { notify } = useNotifications();
  const [params, setParams] = useSearchParams();
  const invitations = useInvitations();
  const type = (RESOURCE_TYPES.find((t) => t.type === params.get('type'))?.type ?? 'WORKLOAD') as ShareResourceType;
  const noun = RESOURCE_TYPES.find((t) => t.type === type)!.noun;
  const [progress, setProgress] = useState<{ decision: Decision; done: number; total: number }>();
  const [failure, setFailure] = useState<unknown>();

  const list = useResourceTable('invitation', { data: invitations.data?.[type], loading: invitations.loading }, {
    trackBy: 'ShareInvitationId', rowName: invitationName, selectionType: 'multi', tableLabel: `${noun} invitations`, pageSize: 10,
    filtering: {
      filteringFunction: (i, text) => `${invitationName(i)} ${i.SharedBy ?? ''}`.toLowerCase().includes(text.toLowerCase()),
      empty: `No pending ${noun.toLowerCase()} invitations.`,
      noMatch: 'No invitation matches the filter.',
    },
  });
  const { actions } = list;
  const selected = list.selectedItems;

  const decide = async (decision: Decision) => {
    const chosen = [...selected];
    setFailure(undefined);
    const done: ShareInvitationSummary[] = [];
    setProgress({ decision, done: 0, total: chosen.length });
    try {
      for (const invitation of chosen) {
        await wa.send(new UpdateShareInvitationCommand({ ShareInvitationId: invitation.ShareInvitationId, ShareInvitationAction: decision }));
        done.push(invitation);
        setProgress({ decision, done: done.length, total: chosen.length });
      }
    } catch (e) {
      setFailure(e);
    } finally {
      setProgress(undefined);
      if (done.length) {
        notify({ type: 'success', content: <Outcome decision={decision} invitations={done} /> });
        actions.setSelectedItems(chosen.filter((c) => !done.includes(c)));
        invitations.reload();
      }
    }
  };

  const running = (d: Decision) => progress?.decision === d;
  const progressText = progress ? ` (${progress.done} of ${progress.total})` : '';
  return (
    <ContentPage
      breadcrumbs={[{ text: 'Share invitations', href: '/invitations' }]}
      title="Share invitations"
      description="Requests from other accounts to share a workload, custom lens, profile or review template with you. An invitation not accepted within seven days expires."
    >
      <SpaceBetween size="m">
        <SegmentedControl
          label="Resource type"
          selectedId={type}
          onChange={({ detail }) => {
            actions.setSelectedItems([]);
            setParams({ type: detail.selectedId }, { replace: true });
          }}
          options={RESOURCE_TYPES.map((t) => ({
            id: t.type,
            text: `${t.label}${invitations.data ? ` (${invitations.data[t.type].length})` : ''}`,
          }))}
        />
        <SourceTable
          {...list.table}
          variant="container"
          source={invitations}
          counted={invitations.data?.[type]}
          title={`${noun} invitations`}
          refreshLabel="Refresh invitations"
          alerts={<ErrorAlert error={failure} onDismiss={() => setFailure(undefined)} />}
          actions={
            <>
              <Button disabled={!selected.length || !!progress} loading={running('REJECT')} onClick={() => void decide('REJECT')}>
                Reject{running('REJECT') ? progressText : ''}
              </Button>
              <Button variant="primary" disabled={!selected.length || !!progress} loading={running('ACCEPT')} onClick={() => void decide('ACCEPT')}>
                Accept{running('ACCEPT') ? progressText : ''}
              </Button>
            </>
          }
          columnDefinitions={[
            { id: 'name', header: 'Name', cell: invitationName, minWidth: 200, sortingComparator: (a, b) => invitationName(a).localeCompare(invitationName(b)), isRowHeader: true },
            { id: 'type', header: 'Resource type', cell: () => noun },
            { id: 'owner', header: 'Owner', cell: (i) => i.SharedBy ?? '-', sortingField: 'SharedBy' },
            { id: 'sharedWith', header: 'Shared with', cell: (i) => i.SharedWith ?? '-' },
            { id: 'permission', header: 'Permission', cell: (i) => PERMISSIONS[i.PermissionType ?? '']?.label ?? i.PermissionType ?? '-' },
            { id: 'details', header: 'Permission details', cell: (i) => PERMISSIONS[i.PermissionType ?? '']?.details ?? '-', maxWidth: 320 },
          ]}
          wrapLines
          filter={list.filter('Find invitations by name or owner', 'Filter invitations')}
        />
      </SpaceBetween>
    </ContentPage>
  );
}

const WHERE: Record<string, string> = {
  WORKLOAD: 'Workloads and the Dashboard',
  LENS: 'Custom lenses (Shared with me)',
  PROFILE: 'Profiles',
  TEMPLATE: 'Review templates',
};

/** What accepting or rejecting did, with links to what was accepted. */
function Outcome({ decision, invitations }: { decision: Decision; invitations: ShareInvitationSummary[] }) {
  if (decision === 'REJECT') {
    return <>Rejected {invitations.map((i) => invitationName(i)).join(', ')}.</>;
  }
  return (
    <SpaceBetween size="xxxs">
      {invitations.map((i) => {
        const path = resourcePath(i);
        return (
          <span key={i.ShareInvitationId}>
            Accepted {path ? <RouterLink href={path}>{invitationName(i)}</RouterLink> : invitationName(i)}; it now shows in {WHERE[i.ShareResourceType ?? '']}.
          </span>
        );
      })}
    </SpaceBetween>
  );
}
