import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import { Pagination } from '../commons/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorAlert } from '../commons/error-alert';
import type { Loaded } from '../commons/use-load';
import { COLUMNS } from './config';
import type { CustomLensRow } from './hooks';

interface LensTableProps {
  title: string;
  description: string;
  lenses: Loaded<CustomLensRow[]>;
  empty: ReactNode;
  actions(selected: CustomLensRow | undefined): ReactNode;
}

/** One of the two lists of the Custom lenses page, filterable, sortable and paged. */
export function LensTable({ title, description, lenses, empty, actions }: LensTableProps) {
  const { items, actions: collection, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(lenses.data ?? [], {
    filtering: {
      filteringFunction: (lens, text) => `${lens.name} ${lens.owner ?? ''} ${lens.version ?? ''}`.toLowerCase().includes(text.toLowerCase()),
      empty,
      noMatch: <Box textAlign="center">No custom lens matches the filter.</Box>,
    },
    sorting: { defaultState: { sortingColumn: COLUMNS[0] } },
    pagination: { pageSize: 10 },
    selection: { trackBy: 'arn' },
  });
  // A reload (after a delete or publish) starts with nothing selected, so no action names a stale row.
  // (Through a ref: the hook's actions are not guaranteed to keep their identity between renders.)
  const select = useRef(collection.setSelectedItems);
  select.current = collection.setSelectedItems;
  useEffect(() => select.current([]), [lenses.data]);
  const selected = collectionProps.selectedItems?.[0];
  return (
    <SpaceBetween size="s">
      <ErrorAlert error={lenses.error} />
      <Table
        {...collectionProps}
        selectionType="single"
        trackBy="arn"
        variant="container"
        ariaLabels={{
          tableLabel: title,
          selectionGroupLabel: 'Lens selection',
          itemSelectionLabel: (_s, lens) => `Select ${lens.name}`,
          allItemsSelectionLabel: () => 'Select all',
        }}
        items={items}
        columnDefinitions={COLUMNS}
        loading={lenses.loading && !lenses.data}
        loadingText="Loading custom lenses"
        header={
          <Header counter={lenses.data ? `(${lenses.data.length})` : undefined} description={description} actions={actions(selected)}>
            {title}
          </Header>
        }
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Find custom lenses"
            filteringAriaLabel={`Filter ${title}`}
            countText={filterProps.filteringText ? `${filteredItemsCount} matches` : undefined}
          />
        }
        pagination={<Pagination {...paginationProps} />}
      />
    </SpaceBetween>
  );
}
