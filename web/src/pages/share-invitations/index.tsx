import { UpdateShareInvitationCommand, type ShareInvitationSummary, type ShareResourceType } from '@aws-sdk/client-wellarchitected';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { Pagination } from '../commons/pagination';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { Breadcrumbs } from '../commons/breadcrumbs';
import { ErrorAlert } from '../commons/error-alert';
import { useNotifications } from '../commons/notifications';
import { RouterLink } from '../commons/router-link';
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

  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount, actions } = useCollection(invitations.data?.[type] ?? [], {
    filtering: {
      filteringFunction: (i, text) => `${invitationName(i)} ${i.SharedBy ?? ''}`.toLowerCase().includes(text.toLowerCase()),
      empty: <Box textAlign="center">No pending {noun.toLowerCase()} invitations.</Box>,
      noMatch: <Box textAlign="center">No invitation matches the filter.</Box>,
    },
    sorting: {},
    pagination: { pageSize: 10 },
    selection: { trackBy: 'ShareInvitationId' },
  });
  const selected = collectionProps.selectedItems ?? [];

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
    <ContentLayout
      breadcrumbs={
        <Breadcrumbs items={[{ text: 'Share invitations', href: '/invitations' }]} />
      }
      header={
        <Header
          variant="h1"
          description="Requests from other accounts to share a workload, custom lens, profile or review template with you. An invitation not accepted within seven days expires."
        >
          Share invitations
        </Header>
      }
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
        <ErrorAlert error={invitations.error} />
        <ErrorAlert error={failure} onDismiss={() => setFailure(undefined)} />
        <Table
          {...collectionProps}
          selectionType="multi"
          trackBy="ShareInvitationId"
          variant="container"
          items={items}
          loading={invitations.loading && !invitations.data}
          loadingText="Loading invitations"
          ariaLabels={{
            tableLabel: `${noun} invitations`,
            selectionGroupLabel: 'Invitation selection',
            itemSelectionLabel: (_s, i) => `Select ${invitationName(i)}`,
            allItemsSelectionLabel: () => 'Select all invitations',
          }}
          columnDefinitions={[
            { id: 'name', header: 'Name', cell: invitationName, minWidth: 200, sortingComparator: (a, b) => invitationName(a).localeCompare(invitationName(b)), isRowHeader: true },
            { id: 'type', header: 'Resource type', cell: () => noun },
            { id: 'owner', header: 'Owner', cell: (i) => i.SharedBy ?? '-', sortingField: 'SharedBy' },
            { id: 'sharedWith', header: 'Shared with', cell: (i) => i.SharedWith ?? '-' },
            { id: 'permission', header: 'Permission', cell: (i) => PERMISSIONS[i.PermissionType ?? '']?.label ?? i.PermissionType ?? '-' },
            { id: 'details', header: 'Permission details', cell: (i) => PERMISSIONS[i.PermissionType ?? '']?.details ?? '-', maxWidth: 320 },
          ]}
          wrapLines
          header={
            <Header
              counter={invitations.data ? `(${invitations.data[type].length})` : undefined}
              actions={
                <SpaceBetween direction="horizontal" size="xs">
                  <Button iconName="refresh" ariaLabel="Refresh invitations" loading={invitations.loading && !!invitations.data} onClick={invitations.reload} />
                  <Button disabled={!selected.length || !!progress} loading={running('REJECT')} onClick={() => void decide('REJECT')}>
                    Reject{running('REJECT') ? progressText : ''}
                  </Button>
                  <Button variant="primary" disabled={!selected.length || !!progress} loading={running('ACCEPT')} onClick={() => void decide('ACCEPT')}>
                    Accept{running('ACCEPT') ? progressText : ''}
                  </Button>
                </SpaceBetween>
              }
            >
              {noun} invitations
            </Header>
          }
          filter={
            <TextFilter
              {...filterProps}
              filteringPlaceholder="Find invitations by name or owner"
              filteringAriaLabel="Filter invitations"
              countText={filterProps.filteringText ? `${filteredItemsCount} matches` : undefined}
            />
          }
          pagination={<Pagination {...paginationProps} />}
        />
      </SpaceBetween>
    </ContentLayout>
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
