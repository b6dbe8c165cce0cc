import { useCollection, type UseCollectionOptions } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { ReactNode } from 'react';
import { Pagination } from './pagination';
import { RouterLink } from './router-link';

/** "1 match", "3 matches": the count beside a table's text filter. */
export const matchesText = (count: number | undefined) => `${count ?? 0} ${count === 1 ? 'match' : 'matches'}`;

/** What a table says when it has no rows: a sentence, or a title with the action that adds the first row. */
export function EmptyState({ children, title, action, size = 's' }: { children?: ReactNode; title?: string; action?: ReactNode; size?: 'xs' | 's' }) {
  if (title === undefined) return <Box textAlign="center">{children}</Box>;
  return (
    <Box textAlign="center" color="inherit">
      <SpaceBetween size={size}>
        <b>{title}</b>
        {action}
      </SpaceBetween>
    </Box>
  );
}

/** A sentence becomes an <EmptyState>; anything else is shown as given. */
const emptyState = (content: ReactNode) => (typeof content === 'string' ? <EmptyState>{content}</EmptyState> : content);

/** "profile" → "profiles", "custom lens" → "custom lenses". */
export const pluralOf = (noun: string) => `${noun}${/(s|x|ch|sh)$/.test(noun) ? 'es' : 's'}`;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The rows of a table and whether they are loading (a useLoad result fits). */
export interface TableSource<T> {
  data?: readonly T[];
  loading: boolean;
}

export interface ResourceTableOptions<T> {
  trackBy: keyof T & string;
  /** A row's name, for its selection control ("Select <name>"). */
  rowName?: (item: T) => string | undefined;
  /** The rows shown when they are not all of `source.data` (a tab, a part). */
  items?: readonly T[];
  /** Single by default; 'none' for a list without selection. */
  selectionType?: TableProps.SelectionType | 'none';
  keepSelection?: boolean;
  /** The table's own name, when no heading names it. */
  tableLabel?: string;
  /** Filtering: text searched in `fields` or by `filteringFunction`; `empty` and `noMatch` may be plain sentences. */
  filtering?: UseCollectionOptions<T>['filtering'];
  sorting?: UseCollectionOptions<T>['sorting'];
  pageSize?: number;
}

/**
 * The collection behind one of the console's lists of `noun`s (filtering, sorting, paging,
 * selection) and the Table props every list sets alike: loading state and text, selection,
 * the names screen readers read, pagination.
 * `const list = useResourceTable('workload', workloads, { trackBy: 'WorkloadId', rowName: (w) => w.WorkloadName })`,
 * then `<Table {...list.table} columnDefinitions={…} header={…} filter={list.filter()} />`.
 */
export function useResourceTable<T>(noun: string, source: TableSource<T>, options: ResourceTableOptions<T>) {
  const { trackBy, rowName, selectionType = 'single', keepSelection, tableLabel, filtering, sorting = {}, pageSize = 20 } = options;
  const plural = pluralOf(noun);
  const collection = useCollection(options.items ?? source.data ?? [], {
    filtering: filtering && { ...filtering, empty: emptyState(filtering.empty), noMatch: emptyState(filtering.noMatch) },
    sorting,
    pagination: { pageSize },
    selection: { trackBy, keepSelection },
  });
  const { collectionProps, filterProps, filteredItemsCount, paginationProps } = collection;
  const selectedItems = collectionProps.selectedItems ?? [];
  const table = {
    ...collectionProps,
    items: collection.items,
    trackBy,
    selectionType: selectionType === 'none' ? undefined : selectionType,
    loading: source.loading && !source.data,
    loadingText: `Loading ${plural}`,
    ariaLabels: {
      tableLabel,
      selectionGroupLabel: `${capitalized(noun)} selection`,
      itemSelectionLabel: (_: unknown, item: T) => `Select ${rowName?.(item) ?? noun}`,
      allItemsSelectionLabel: () => `Select all ${plural}`,
    },
    pagination: <Pagination {...paginationProps} />,
  } satisfies Partial<TableProps<T>>;
  /** The text filter above the table, with its count of matches. */
  const filter = (placeholder = `Find ${plural}`, ariaLabel = `Filter ${plural}`) => (
    <TextFilter {...filterProps} filteringPlaceholder={placeholder} filteringAriaLabel={ariaLabel} countText={matchesText(filteredItemsCount)} />
  );
  return { ...collection, table, selected: selectedItems[0], selectedItems, filter };
}

/** A table's empty state with a button that creates the first row. */
export function EmptyWithAction({ title, actionText, onAction, disabled, disabledReason, size }: { title: string; actionText: string; onAction(): void; disabled?: boolean; disabledReason?: string; size?: 'xs' | 's' }) {
  return (
    <EmptyState
      title={title}
      size={size}
      action={
        <Button disabled={disabled} disabledReason={disabledReason} onClick={onAction}>
          {actionText}
        </Button>
      }
    />
  );
}

/** A list's first column: the row's name (its `field`), linking to the row's page, sorted by name and read as the row's header. */
export function nameColumn<T>(field: keyof T & string, href: (item: T) => string, header = 'Name'): TableProps.ColumnDefinition<T> {
  return { id: 'name', header, cell: (item) => <RouterLink href={href(item)}>{item[field] as ReactNode}</RouterLink>, sortingField: field, isRowHeader: true };
}
