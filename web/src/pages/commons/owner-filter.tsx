import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

export type OwnerType = 'SELF' | 'SHARED';

interface OwnerFilterProps {
  owner: OwnerType;
  onChange(owner: OwnerType): void;
  /** The table's text filter (useResourceTable's `filter`). */
  textFilter: ReactNode;
}

const OWNERS = [
  { id: 'SELF', text: 'Owned by me' },
  { id: 'SHARED', text: 'Shared with me' },
];

/** The "Owned by me / Shared with me" switch and the text filter above a list of shareable resources. */
export function OwnerFilter({ owner, onChange, textFilter }: OwnerFilterProps) {
  return (
    <SpaceBetween direction="horizontal" size="m" alignItems="center">
      <SegmentedControl label="Owner" selectedId={owner} onChange={({ detail }) => onChange(detail.selectedId as OwnerType)} options={OWNERS} />
      {textFilter}
    </SpaceBetween>
  );
}
