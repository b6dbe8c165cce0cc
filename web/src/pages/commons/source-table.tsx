import type { HeaderProps } from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';
import { TableHeader } from './table-header';

export interface SourceTableProps<T> extends Omit<TableProps<T>, 'header'> {
  /** What the table lists (a useLoad result): its load error above the table, its count and reload in the header. */
  source: { data?: unknown; error: unknown; loading: boolean; reload(): void };
  title: string;
  description?: ReactNode;
  headerVariant?: HeaderProps.Variant;
  /** Names the header's refresh button; without it, the header has none. */
  refreshLabel?: string;
  refreshing?: boolean;
  /** The rows counted beside the title, when the table shows fewer than `source` holds. */
  counted?: readonly unknown[];
  /** The header's buttons, after its refresh button. */
  actions?: ReactNode;
  /** Errors of the actions on the rows, shown below the load error. */
  alerts?: ReactNode;
  size?: 's' | 'm';
}

/**
 * A table of what `source` loaded: why the load failed (and the `alerts`) above it, and a
 * TableHeader with its title, count, refresh and actions.
 * `<SourceTable {...list.table} source={shares} title="Shares" refreshLabel="Refresh shares" columnDefinitions={…} actions={…} />`.
 */
export function SourceTable<T>({ source, title, description, headerVariant, refreshLabel, refreshing, counted, actions, alerts, size = 'm', ...table }: SourceTableProps<T>) {
  return (
    <SpaceBetween size={size}>
      <ErrorAlert error={source.error} />
      {alerts}
      <Table
        {...table}
        header={
          <TableHeader variant={headerVariant} title={title} source={source} items={counted} refreshLabel={refreshLabel} refreshing={refreshing} description={description}>
            {actions}
          </TableHeader>
        }
      />
    </SpaceBetween>
  );
}
