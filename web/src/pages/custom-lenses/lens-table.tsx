import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorAlert } from '../commons/error-alert';
import { useResourceTable } from '../commons/resource-table';
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
  const list = useResourceTable('custom lens', lenses, {
    trackBy: 'arn', rowName: (lens) => lens.name, tableLabel: title, pageSize: 10,
    filtering: {
      filteringFunction: (lens, text) => `${lens.name} ${lens.owner ?? ''} ${lens.version ?? ''}`.toLowerCase().includes(text.toLowerCase()),
      empty,
      noMatch: 'No custom lens matches the filter.',
    },
    sorting: { defaultState: { sortingColumn: COLUMNS[0] } },
  });
  const collection = list.actions;
  // A reload (after a delete or publish) starts with nothing selected, so no action names a stale row.
  // (Through a ref: the hook's actions are not guaranteed to keep their identity between renders.)
  const select = useRef(collection.setSelectedItems);
  select.current = collection.setSelectedItems;
  useEffect(() => select.current([]), [lenses.data]);
  const selected = list.selected;
  return (
    <SpaceBetween size="s">
      <ErrorAlert error={lenses.error} />
      <Table
        {...list.table}
        variant="container"
        columnDefinitions={COLUMNS}
        header={
          <Header counter={lenses.data ? `(${lenses.data.length})` : undefined} description={description} actions={actions(selected)}>
            {title}
          </Header>
        }
        filter={list.filter('Find custom lenses', `Filter ${title}`)}
      />
    </SpaceBetween>
  );
}
