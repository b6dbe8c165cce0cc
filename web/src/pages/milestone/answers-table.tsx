import type { AnswerSummary } from '@aws-sdk/client-wellarchitected';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import { Pagination } from '../commons/pagination';
import Select from '@cloudscape-design/components/select';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from '../commons/error-alert';
import type { LensReviewAt } from '../commons/lens-review-at';
import { riskLabel, RiskStatus } from '../commons/risk-counts';
import type { Loaded } from '../commons/use-load';

interface Row extends AnswerSummary {
  PillarName: string;
}

const ALL = { value: '', label: 'All' };

/** The chosen titles of a question's best practices ("None of these" included, as the lens words it). */
export function selectedTitles(a: AnswerSummary): string[] {
  const chosen = new Set(a.SelectedChoices ?? []);
  return (a.Choices ?? []).filter((c) => chosen.has(c.ChoiceId ?? '')).map((c) => c.Title ?? c.ChoiceId ?? '');
}

/** A lens review's answers, read-only: filter by pillar, risk or text; paged. */
export function AnswersTable({ answers, header, actions }: { answers: Loaded<LensReviewAt | undefined>; header: string; actions?: ReactNode }) {
  const [pillar, setPillar] = useState(ALL);
  const [risk, setRisk] = useState(ALL);
  const rows: Row[] = (answers.data?.pillars ?? []).flatMap((p) => p.answers.map((a) => ({ ...a, PillarName: p.PillarName })));
  const pillarOptions = [ALL, ...(answers.data?.pillars ?? []).map((p) => ({ value: p.PillarId, label: p.PillarName }))];
  const riskOptions = [ALL, ...['HIGH', 'MEDIUM', 'NONE', 'NOT_APPLICABLE', 'UNANSWERED'].map((r) => ({ value: r, label: riskLabel(r) }))];
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(rows, {
    filtering: {
      filteringFunction: (a, text) =>
        (!pillar.value || a.PillarId === pillar.value) &&
        (!risk.value || a.Risk === risk.value) &&
        [a.QuestionTitle, ...selectedTitles(a)].some((t) => t?.toLowerCase().includes(text.toLowerCase())),
    },
    pagination: { pageSize: 20 },
  });
  return (
    <Table
      {...collectionProps}
      header={<Header variant="h2" counter={answers.data ? `(${rows.length})` : undefined} actions={actions}>{header}</Header>}
      items={items}
      loading={answers.loading}
      loadingText="Loading answers"
      wrapLines
      resizableColumns
      filter={
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <div style={{ flex: '1 1 320px' }}>
            <TextFilter {...filterProps} filteringPlaceholder="Find questions or best practices" filteringAriaLabel="Find questions" countText={`${filteredItemsCount ?? 0} matches`} />
          </div>
          <div style={{ flex: '0 0 260px' }}>
            <Select selectedOption={pillar} onChange={(e) => setPillar(e.detail.selectedOption as typeof ALL)} options={pillarOptions} inlineLabelText="Pillar" />
          </div>
          <div style={{ flex: '0 0 240px' }}>
            <Select selectedOption={risk} onChange={(e) => setRisk(e.detail.selectedOption as typeof ALL)} options={riskOptions} inlineLabelText="Risk" />
          </div>
        </div>
      }
      columnDefinitions={[
        { id: 'pillar', header: 'Pillar', cell: (a) => a.PillarName, width: 130 },
        { id: 'question', header: 'Question', cell: (a) => a.QuestionTitle, isRowHeader: true, width: 300 },
        { id: 'risk', header: 'Risk', cell: (a) => <RiskStatus risk={a.Risk} />, width: 220 },
        {
          id: 'selected',
          header: 'Best practices selected',
          minWidth: 200,
          cell: (a) => (a.IsApplicable === false ? `Question does not apply${a.Reason ? ` (${a.Reason.replace(/_/g, ' ').toLowerCase()})` : ''}` : selectedTitles(a).join('; ') || '-'),
        },
      ]}
      empty={answers.error ? <ErrorAlert error={answers.error} /> : <Box textAlign="center">No questions match.</Box>}
      pagination={<Pagination {...paginationProps} />}
    />
  );
}
