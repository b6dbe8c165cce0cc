import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TextFilter, { type TextFilterProps } from '@cloudscape-design/components/text-filter';

export type OwnerType = 'SELF' | 'SHARED';

interface OwnerFilterProps {
  owner: OwnerType;
  onChange(owner: OwnerType): void;
  /** The collection hook's filterProps and filteredItemsCount. */
  filterProps: TextFilterProps;
  filteredItemsCount: number | undefined;
  /** Plural, lower case: "profiles", "review templates" (placeholder and aria label). */
  plural: string;
}

/** The "Owned by me / Shared with me" switch and the text filter above a list of shareable resources. */
export function OwnerFilter({ owner, onChange, filterProps, filteredItemsCount, plural }: OwnerFilterProps) {
  return (
    <SpaceBetween direction="horizontal" size="m" alignItems="center">
      <SegmentedControl
        label="Owner"
        selectedId={owner}
        onChange={({ detail }) => onChange(detail.selectedId as OwnerType)}
        options={[
          { id: 'SELF', text: 'Owned by me' },
          { id: 'SHARED', text: 'Shared with me' },
        ]}
      />
      <TextFilter
        {...filterProps}
        filteringPlaceholder={`Find ${plural}`}
        filteringAriaLabel={`Filter ${plural}`}
        countText={`${filteredItemsCount ?? 0} matches`}
      />
    </SpaceBetween>
  );
}
