import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import { Pagination } from '../commons/pagination';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import { ErrorAlert } from '../commons/error-alert';
import { RiskStatus } from '../commons/risk-counts';
import type { Loaded } from '../commons/use-load';
import { CHANGE_LABELS, type Change, type QuestionChange } from './compare';

const CHANGE_STATUS: Record<Change, StatusIndicatorProps.Type> = {
  IMPROVED: 'success',
  WORSENED: 'error',
  ANSWER_CHANGED: 'info',
  ANSWERED: 'info',
  CLEARED: 'warning',
  CHANGED: 'info',
  UNCHANGED: 'stopped',
  ADDED: 'info',
  REMOVED: 'info',
};

function Practices({ row }: { row: QuestionChange }) {
  if (!row.added.length && !row.removed.length) return <>-</>;
  return (
    <SpaceBetween size="xxs">
      {row.added.map((t) => (
        <Box key={`+${t}`} color="text-status-success">
          + {t}
        </Box>
      ))}
      {row.removed.map((t) => (
        <Box key={`-${t}`} color="text-status-error">
          − {t}
        </Box>
      ))}
    </SpaceBetween>
  );
}

/** The comparison question by question; changed questions only unless asked for all. */
export function ChangesTable({ changes, description }: { changes: Loaded<QuestionChange[] | undefined>; description: string }) {
  const [scope, setScope] = useState<'changed' | 'all'>('changed');
  const rows = changes.data ?? [];
  const changedCount = rows.filter((r) => r.change !== 'UNCHANGED').length;
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(rows, {
    filtering: {
      filteringFunction: (r, text) =>
        (scope === 'all' || r.change !== 'UNCHANGED') && [r.QuestionTitle, r.PillarName, ...r.added, ...r.removed].some((t) => t.toLowerCase().includes(text.toLowerCase())),
    },
    pagination: { pageSize: 20 },
  });
  return (
    <Table
      {...collectionProps}
      header={
        <Header
          variant="h2"
          counter={changes.data ? `(${changedCount} of ${rows.length} changed)` : undefined}
          description={description}
          actions={
            <SegmentedControl
              selectedId={scope}
              onChange={(e) => setScope(e.detail.selectedId as 'changed' | 'all')}
              label="Questions shown"
              options={[
                { id: 'changed', text: 'Changed questions' },
                { id: 'all', text: 'All questions' },
              ]}
            />
          }
        >
          Question by question
        </Header>
      }
      filter={<TextFilter {...filterProps} filteringPlaceholder="Find questions or best practices" filteringAriaLabel="Find questions" countText={`${filteredItemsCount ?? 0} matches`} />}
      items={items}
      loading={changes.loading}
      loadingText="Comparing answers"
      wrapLines
      resizableColumns
      columnDefinitions={[
        { id: 'pillar', header: 'Pillar', cell: (r) => r.PillarName, width: 110 },
        { id: 'question', header: 'Question', cell: (r) => r.QuestionTitle, isRowHeader: true, width: 200 },
        {
          id: 'risk',
          header: 'Risk: from, to',
          cell: (r) => (
            <SpaceBetween size="xxs">
              {r.before ? <RiskStatus risk={r.before.Risk} /> : <Box color="text-status-inactive">Not in this version</Box>}
              {r.after ? <RiskStatus risk={r.after.Risk} /> : <Box color="text-status-inactive">Not in this version</Box>}
            </SpaceBetween>
          ),
          width: 245,
        },
        { id: 'change', header: 'Change', cell: (r) => <StatusIndicator type={CHANGE_STATUS[r.change]}>{CHANGE_LABELS[r.change]}</StatusIndicator>, width: 160 },
        { id: 'practices', header: 'Best practices selected (+) or unselected (−)', minWidth: 200, cell: (r) => <Practices row={r} /> },
      ]}
      empty={
        changes.error ? (
          <ErrorAlert error={changes.error} />
        ) : (
          <Box textAlign="center">{rows.length ? 'No question changed between these two states.' : 'Choose two states to compare.'}</Box>
        )
      }
      pagination={<Pagination {...paginationProps} />}
    />
  );
}
