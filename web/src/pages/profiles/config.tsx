import type { ProfileSummary } from '@aws-sdk/client-wellarchitected';
import type { TableProps } from '@cloudscape-design/components/table';
import { formatTime, segment } from '../commons/format';
import { RouterLink } from '../commons/router-link';

export const PROFILE_COLUMNS: TableProps.ColumnDefinition<ProfileSummary>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (p) => <RouterLink href={`/profiles/${segment(p.ProfileArn!)}`}>{p.ProfileName}</RouterLink>,
    sortingField: 'ProfileName',
    isRowHeader: true,
  },
  { id: 'description', header: 'Description', cell: (p) => p.ProfileDescription ?? '-' },
  { id: 'version', header: 'Latest version', cell: (p) => p.ProfileVersion, sortingComparator: (a, b) => Number(a.ProfileVersion) - Number(b.ProfileVersion) },
  { id: 'owner', header: 'Owner', cell: (p) => p.Owner, sortingField: 'Owner' },
  { id: 'created', header: 'Created', cell: (p) => formatTime(p.CreatedAt), sortingComparator: (a, b) => +(a.CreatedAt ?? 0) - +(b.CreatedAt ?? 0) },
  { id: 'updated', header: 'Last updated', cell: (p) => formatTime(p.UpdatedAt), sortingComparator: (a, b) => +(a.UpdatedAt ?? 0) - +(b.UpdatedAt ?? 0) },
];
