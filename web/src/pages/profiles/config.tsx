import type { ProfileSummary } from '@aws-sdk/client-wellarchitected';
import type { TableProps } from '@cloudscape-design/components/table';
import { DeleteModal, type DeleteModalState } from '../commons/delete-modal';
import { formatTime, segment } from '../commons/format';
import { nameColumn } from '../commons/resource-table';

export const PROFILES_CRUMB = { text: 'Profiles', href: '/profiles' };

export const PROFILE_COLUMNS: TableProps.ColumnDefinition<ProfileSummary>[] = [
  nameColumn('ProfileName', (p) => `/profiles/${segment(p.ProfileArn!)}`),
  { id: 'description', header: 'Description', cell: (p) => p.ProfileDescription ?? '-' },
  { id: 'version', header: 'Latest version', cell: (p) => p.ProfileVersion, sortingComparator: (a, b) => Number(a.ProfileVersion) - Number(b.ProfileVersion) },
  { id: 'owner', header: 'Owner', cell: (p) => p.Owner, sortingField: 'Owner' },
  { id: 'created', header: 'Created', cell: (p) => formatTime(p.CreatedAt), sortingComparator: (a, b) => +(a.CreatedAt ?? 0) - +(b.CreatedAt ?? 0) },
  { id: 'updated', header: 'Last updated', cell: (p) => formatTime(p.UpdatedAt), sortingComparator: (a, b) => +(a.UpdatedAt ?? 0) - +(b.UpdatedAt ?? 0) },
];

/** Asks before deleting a profile, from the list or from its page. */
export function DeleteProfileModal({ name, ...modal }: DeleteModalState & { name: string | undefined }) {
  return (
    <DeleteModal header="Delete profile" {...modal}>
      Delete profile <b>{name}</b>? It can no longer be added to workloads, and the workloads that use it are notified that it was deleted.
    </DeleteModal>
  );
}
