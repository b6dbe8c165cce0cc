import Badge from '@cloudscape-design/components/badge';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import { formatTime } from '../commons/format';
import { RouterLink } from '../commons/router-link';
import { lensPath, type CustomLensRow } from './hooks';

/** The guide's fields: Name, Owner, Status, Version, Last updated. */
export const COLUMNS: TableProps.ColumnDefinition<CustomLensRow>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (lens) => <RouterLink href={lensPath(lens.arn)}>{lens.name}</RouterLink>,
    sortingField: 'name',
    isRowHeader: true,
  },
  { id: 'owner', header: 'Owner', cell: (lens) => lens.owner ?? '-', sortingField: 'owner' },
  { id: 'status', header: 'Status', cell: (lens) => <LensStatus lens={lens} />, sortingField: 'status' },
  { id: 'version', header: 'Version', cell: (lens) => lens.version ?? '-', sortingField: 'version' },
  {
    id: 'updated',
    header: 'Last updated',
    cell: (lens) => formatTime(lens.updatedAt),
    sortingComparator: (a, b) => (a.updatedAt?.getTime() ?? 0) - (b.updatedAt?.getTime() ?? 0),
  },
];

export function LensStatus({ lens }: { lens: Pick<CustomLensRow, 'status' | 'hasDraft'> }) {
  return (
    <SpaceBetween direction="horizontal" size="xs">
      <StatusIndicator type={lens.status === 'PUBLISHED' ? 'success' : 'pending'}>{lens.status}</StatusIndicator>
      {lens.status === 'PUBLISHED' && lens.hasDraft && <Badge color="blue">Draft not published</Badge>}
    </SpaceBetween>
  );
}
