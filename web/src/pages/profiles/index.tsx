import { DeleteProfileCommand, type ProfileSummary } from '@aws-sdk/client-wellarchitected';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import { Pagination } from '../commons/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { Breadcrumbs } from '../commons/breadcrumbs';
import { DeleteModal } from '../commons/delete-modal';
import { ErrorAlert } from '../commons/error-alert';
import { segment } from '../commons/format';
import { OwnerFilter, type OwnerType } from '../commons/owner-filter';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { PROFILE_COLUMNS } from './config';
import { useProfiles } from './hooks';
import { TableHeader } from '../commons/table-header';

/** Profiles: the account's own and those shared with it, with create, edit and delete. */
export default function ProfilesPage() {
  const wa = useWellArchitected();
  const navigate = useNavigate();
  const [owner, setOwner] = useState<OwnerType>('SELF');
  const profiles = useProfiles(owner);
  const del = useConfirmDelete(async (p: ProfileSummary) => {
    await wa.send(new DeleteProfileCommand({ ProfileArn: p.ProfileArn! }));
    profiles.reload();
  }, 'The profile was deleted. Workloads that used it keep its answers and are told it is gone.');
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(profiles.data ?? [], {
    filtering: {
      fields: ['ProfileName', 'ProfileDescription', 'Owner'],
      empty: <Box textAlign="center">{owner === 'SELF' ? 'You have no profiles yet.' : 'No profiles are shared with you.'}</Box>,
      noMatch: <Box textAlign="center">No profile matches the filter.</Box>,
    },
    pagination: { pageSize: 20 },
    sorting: { defaultState: { sortingColumn: PROFILE_COLUMNS[5], isDescending: true } },
    selection: {},
  });
  const selected = collectionProps.selectedItems?.[0];
  return (
    <SpaceBetween size="m">
      <Breadcrumbs items={[{ text: 'Profiles', href: '/profiles' }]} />
      <ErrorAlert error={profiles.error} />
      <Table
        {...collectionProps}
        variant="full-page"
        selectionType={owner === 'SELF' ? 'single' : undefined}
        trackBy="ProfileArn"
        items={items}
        loading={profiles.loading}
        loadingText="Loading profiles"
        columnDefinitions={PROFILE_COLUMNS}
        ariaLabels={{ itemSelectionLabel: (_, p) => `Select ${p.ProfileName}`, selectionGroupLabel: 'Profile selection' }}
        header={
          <TableHeader
            variant="awsui-h1-sticky"
            title="Profiles"
            items={profiles.data}
            description="A profile records your business context and priorities; the questions it makes relevant are prioritized in the reviews of the workloads it is added to."
            onRefresh={profiles.reload}
            refreshLabel="Refresh profiles"
          >
            {owner === 'SELF' && (
              <>
                <Button disabled={!selected} onClick={() => navigate(`/profiles/${segment(selected!.ProfileArn!)}`)}>
                  Edit
                </Button>
                <Button disabled={!selected} onClick={() => del.ask(selected)}>
                  Delete
                </Button>
              </>
            )}
            <Button variant="primary" onClick={() => navigate('/profiles/new')}>
              Create profile
            </Button>
          </TableHeader>
        }
        filter={
          <OwnerFilter owner={owner} onChange={setOwner} filterProps={filterProps} filteredItemsCount={filteredItemsCount} plural="profiles" />
        }
        pagination={<Pagination {...paginationProps} />}
      />
      <DeleteModal header="Delete profile" {...del.modal}>
        Delete profile <b>{del.target?.ProfileName}</b>? It can no longer be added to workloads, and the workloads that use it are notified
        that it was deleted.
      </DeleteModal>
    </SpaceBetween>
  );
}
