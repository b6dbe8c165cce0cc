import Button from '@cloudscape-design/components/button';
import Header, { type HeaderProps } from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

interface TableHeaderProps {
  title: ReactNode;
  /** The table's items once loaded: their count is shown beside the title. */
  items: readonly unknown[] | undefined;
  description?: ReactNode;
  variant?: HeaderProps.Variant;
  /** A refresh button first among the actions, named for what it refreshes. */
  onRefresh?: () => void;
  refreshLabel?: string;
  refreshing?: boolean;
  /** The table's other actions, after the refresh button. */
  children?: ReactNode;
}

/** The header every table of the console has: title, count, description, refresh and actions in one row. */
export function TableHeader({ title, items, description, variant = 'h2', onRefresh, refreshLabel, refreshing, children }: TableHeaderProps) {
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
