import { DeleteProfileCommand, type ProfileSummary } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { DeleteButton } from '../commons/delete-modal';
import { segment } from '../commons/format';
import { ListPage } from '../commons/list-page';
import { useOwnedList, type OwnerType } from '../commons/owner-filter';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { DeleteProfileModal, PROFILE_COLUMNS, PROFILES_CRUMB } from './config';
import { useProfiles } from './hooks';

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
  const list = useOwnedList('profile', profiles, {
    crumb: PROFILES_CRUMB, owner, onOwnerChange: setOwner, columns: PROFILE_COLUMNS, sortingColumn: PROFILE_COLUMNS[5],
    trackBy: 'ProfileArn', rowName: (p) => p.ProfileName, fields: ['ProfileName', 'ProfileDescription', 'Owner'], createText: 'Create profile',
  });
  const selected = list.selected;
  return (
    <ListPage
      {...list.page}
      description="A profile records your business context and priorities; the questions it makes relevant are prioritized in the reviews of the workloads it is added to."
      actions={list.headerActions(
        <>
          <Button disabled={!selected} onClick={() => navigate(`/profiles/${segment(selected!.ProfileArn!)}`)}>
            Edit
          </Button>
          <DeleteButton selected={selected} onAsk={del.ask} />
        </>,
      )}
    >
      <DeleteProfileModal name={del.target?.ProfileName} {...del.modal} />
    </ListPage>
  );
}
