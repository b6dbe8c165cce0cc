import { useEffect, useRef, type ReactNode } from 'react';
import { useResourceTable } from '../commons/resource-table';
import { SourceTable } from '../commons/source-table';
import type { Loaded } from '../commons/use-load';
import { COLUMNS } from './config';
import type { CustomLensRow } from './hooks';

interface LensTableProps {
  title: string;
  description: string;
  lenses: Loaded<CustomLensRow[]>;
  empty: ReactNode;
  refreshLabel: string;
  actions(selected: CustomLensRow | undefined): ReactNode;
}

/** One of the two lists of the Custom lenses page, filterable, sortable and paged. */
export function LensTable({ title, description, lenses, empty, refreshLabel, actions }: LensTableProps) {
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
    <SourceTable
      {...list.table}
      size="s"
      variant="container"
      source={lenses}
      title={title}
      description={description}
      refreshLabel={refreshLabel}
      actions={actions(selected)}
      columnDefinitions={COLUMNS}
      filter={list.filter('Find custom lenses', `Filter ${title}`)}
    />
  );
}
