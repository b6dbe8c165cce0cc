import type { LensSummary } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { useState, type ReactNode } from 'react';

/** What a workload's Lenses member takes: the alias of an AWS lens, the ARN of a custom one. */
export const lensKey = (lens: LensSummary) => (lens.LensType === 'AWS_OFFICIAL' ? (lens.LensAlias ?? lens.LensArn ?? '') : (lens.LensArn ?? lens.LensAlias ?? ''));

export const FRAMEWORK_LENS = 'wellarchitected';
/** The guide's limit: a workload has at most 20 lenses. */
export const MAX_LENSES = 20;

const LENS_TYPES: Record<string, string> = { AWS_OFFICIAL: 'AWS', CUSTOM_SELF: 'Custom (mine)', CUSTOM_SHARED: 'Custom (shared with me)' };
/** Longer descriptions show their start and a "Show more": a row stays a few lines high at any width. */
const SHORT_DESCRIPTION = 140;

function Description({ text }: { text: string | undefined }) {
  const [open, setOpen] = useState(false);
  if (!text) return null;
  const long = text.length > SHORT_DESCRIPTION;
  return (
    <Box variant="small" color="text-body-secondary">
      {long && !open ? `${text.slice(0, SHORT_DESCRIPTION).trimEnd()}…` : text}{' '}
      {long && (
        <Button variant="inline-link" onClick={() => setOpen(!open)} ariaExpanded={open}>
          {open ? 'Show less' : 'Show more'}
        </Button>
      )}
    </Box>
  );
}

interface LensPickerProps {
  lenses: LensSummary[];
  loading: boolean;
  /** Lens keys chosen. */
  selected: string[];
  /** Lens keys that stay chosen whatever the user does (the framework lens on a new workload). */
  fixed?: string[];
  /** How many more may be chosen beyond those already chosen here. */
  limit: number;
  onChange(selected: string[]): void;
  header: ReactNode;
}

/**
 * Lenses to choose, as a table that fits its container at every width: each row holds
 * the name, its type and owner, and the description under them (shortened, with Show
 * more), so nothing is squeezed to a letter per line.
 */
export function LensPicker({ lenses, loading, selected, fixed = [], limit, onChange, header }: LensPickerProps) {
  const chosen = lenses.filter((l) => fixed.includes(lensKey(l)) || selected.includes(lensKey(l)));
  return (
    <Table<LensSummary>
      header={header}
      items={lenses}
      loading={loading}
      loadingText="Loading lenses"
      selectionType="multi"
      selectedItems={chosen}
      isItemDisabled={(l) => fixed.includes(lensKey(l)) || (chosen.length >= limit && !chosen.includes(l))}
      onSelectionChange={(e) => onChange(e.detail.selectedItems.map(lensKey).filter((k) => !fixed.includes(k)))}
      trackBy={(l) => lensKey(l)}
      ariaLabels={{
        itemSelectionLabel: (_s, l) => `Apply ${l.LensName}`,
        allItemsSelectionLabel: () => 'Apply all lenses',
        selectionGroupLabel: 'Lens selection',
      }}
      // One column: side-by-side columns squeeze the name to a few letters a line in a narrow window.
      columnDefinitions={[
        {
          id: 'lens',
          header: 'Lens',
          cell: (l) => (
            <div>
              <Box fontWeight="bold">{l.LensName}</Box>
              <Box variant="small">
                {LENS_TYPES[l.LensType ?? ''] ?? l.LensType}
                {l.Owner ? ` \u00b7 owner ${l.Owner}` : ''}
              </Box>
              <Description text={l.Description} />
            </div>
          ),
          isRowHeader: true,
        },
      ]}
      empty={<Box textAlign="center">No lenses available</Box>}
      wrapLines
    />
  );
}

/** The table's header with the count chosen out of the limit. */
export const lensPickerHeader = (count: number, description: string) => (
  <Header variant="h2" counter={`(${count}/${MAX_LENSES})`} description={description}>
    Lenses
  </Header>
);
