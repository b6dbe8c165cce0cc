import Button from '@cloudscape-design/components/button';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Loaded } from './use-load';
import { pluralOf, useResourceTable, type ResourceTableOptions } from './resource-table';

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

interface OwnedListOptions<T> extends Pick<ResourceTableOptions<T>, 'trackBy' | 'rowName' | 'items'> {
  /** The list page's breadcrumb: its title and address. */
  crumb: { text: string; href: string };
  /** Whose rows are shown, and the switch that changes it. */
  owner: OwnerType;
  onOwnerChange(owner: OwnerType): void;
  columns: TableProps.ColumnDefinition<T>[];
  /** Sorted newest first by this column. */
  sortingColumn: TableProps.SortingColumn<T>;
  /** The fields the text filter searches. */
  fields: string[];
  /** The primary button, which opens `<crumb.href>/new`: "Create profile". */
  createText: string;
}

/**
 * The page listing shareable `noun`s (profiles, review templates), one owner at a time:
 * only the account's own rows can be selected (to act on them), and the owner switch
 * stands beside the text filter. `page` is the ListPage's props but for its description
 * and actions: `<ListPage {...list.page} description="…" actions={list.headerActions(…)}>`.
 */
export function useOwnedList<T>(noun: string, source: Loaded<T[]>, { crumb, owner, onOwnerChange, columns, sortingColumn, fields, createText, ...options }: OwnedListOptions<T>) {
  const navigate = useNavigate();
  const plural = pluralOf(noun);
  const own = owner === 'SELF';
  const list = useResourceTable(noun, source, {
    ...options,
    selectionType: own ? 'single' : 'none',
    filtering: {
      fields,
      empty: own ? `You have no ${plural} yet.` : `No ${plural} are shared with you.`,
      noMatch: `No ${noun} matches the filter.`,
    },
    sorting: { defaultState: { sortingColumn, isDescending: true } },
  });
  const page = {
    ...list.table,
    breadcrumbs: [crumb],
    source,
    counted: options.items,
    columnDefinitions: columns,
    filter: <OwnerFilter owner={owner} onChange={onOwnerChange} textFilter={list.filter()} />,
  };
  /** The header's buttons: `rowActions` (on the selected row) over the account's own rows only, then Create. */
  const headerActions = (rowActions: ReactNode) => (
    <>
      {own && rowActions}
      <Button variant="primary" onClick={() => navigate(`${crumb.href}/new`)}>
        {createText}
      </Button>
    </>
  );
  return { ...list, page, headerActions };
}
