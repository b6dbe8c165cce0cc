import Button from '@cloudscape-design/components/button';
import Header, { type HeaderProps } from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

interface TableHeaderProps {
  title: ReactNode;
  /** What the table lists (a useLoad result): its count beside the title, its reload behind the refresh button. */
  source?: { data?: unknown; loading: boolean; reload(): void };
  /** The table's items once loaded, when `source` holds more (or other) than the table: their count is shown beside the title. */
  items?: readonly unknown[];
  description?: ReactNode;
  variant?: HeaderProps.Variant;
  /** A refresh button first among the actions (`source`'s reload unless given), named for what it refreshes. */
  onRefresh?: () => void;
  refreshLabel?: string;
  refreshing?: boolean;
  /** The table's other actions, after the refresh button. */
  children?: ReactNode;
}

/** The header every table of the console has: title, count, description, refresh and actions in one row. */
export function TableHeader({ title, source, description, variant = 'h2', refreshLabel, children, ...given }: TableHeaderProps) {
  // No count until the source has loaded.
  const items = source && source.data === undefined ? undefined : (given.items ?? (source?.data as readonly unknown[] | undefined));
  // A refresh button where the page names it.
  const onRefresh = given.onRefresh ?? (refreshLabel === undefined ? undefined : source?.reload);
  const refreshing = given.refreshing ?? (source && source.loading && !!source.data);
  return (
    <Header
      variant={variant}
      counter={items ? `(${items.length})` : undefined}
      description={description}
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          {onRefresh && <Button iconName="refresh" ariaLabel={refreshLabel ?? 'Refresh'} loading={refreshing} onClick={onRefresh} />}
          {children}
        </SpaceBetween>
      }
    >
      {title}
    </Header>
  );
}
