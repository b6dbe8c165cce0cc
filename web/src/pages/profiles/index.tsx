import { DeleteProfileCommand, type ProfileSummary } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
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
import { useResourceTable } from '../commons/resource-table';
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
  const list = useResourceTable('profile', profiles, {
    trackBy: 'ProfileArn', rowName: (p) => p.ProfileName, selectionType: owner === 'SELF' ? 'single' : 'none',
    filtering: {
      fields: ['ProfileName', 'ProfileDescription', 'Owner'],
      empty: owner === 'SELF' ? 'You have no profiles yet.' : 'No profiles are shared with you.',
      noMatch: 'No profile matches the filter.',
    },
    sorting: { defaultState: { sortingColumn: PROFILE_COLUMNS[5], isDescending: true } },
  });
  const selected = list.selected;
  return (
    <SpaceBetween size="m">
      <Breadcrumbs items={[{ text: 'Profiles', href: '/profiles' }]} />
      <ErrorAlert error={profiles.error} />
      <Table
        {...list.table}
        variant="full-page"
        columnDefinitions={PROFILE_COLUMNS}
        header={
          <TableHeader variant="awsui-h1-sticky" title="Profiles" source={profiles} refreshLabel="Refresh profiles" description="A profile records your business context and priorities; the questions it makes relevant are prioritized in the reviews of the workloads it is added to.">
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
          <OwnerFilter owner={owner} onChange={setOwner} textFilter={list.filter('Find profiles', 'Filter profiles')} />
        }
      />
      <DeleteModal header="Delete profile" {...del.modal}>
        Delete profile <b>{del.target?.ProfileName}</b>? It can no longer be added to workloads, and the workloads that use it are notified
        that it was deleted.
      </DeleteModal>
    </SpaceBetween>
  );
}
