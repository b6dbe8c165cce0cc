import Box from '@cloudscape-design/components/box';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { DraftDifference } from './hooks';

const CHANGE: Record<string, { type: StatusIndicatorProps.Type; label: string }> = {
  NEW: { type: 'success', label: 'New' },
  UPDATED: { type: 'info', label: 'Updated' },
  DELETED: { type: 'stopped', label: 'Deleted' },
};

const Change = ({ status }: { status: string }) => (
  <StatusIndicator type={CHANGE[status]?.type ?? 'info'}>{CHANGE[status]?.label ?? status}</StatusIndicator>
);

interface Row {
  key: string;
  pillar: string;
  pillarStatus: string;
  question?: string;
  questionStatus?: string;
}

/**
 * "Review changes before publishing": the lens name, the pillar names and the new,
 * updated and deleted questions of the draft against the latest published version.
 */
export function DraftChanges({ difference }: { difference: DraftDifference }) {
  const first = difference.BaseLensVersion === undefined;
  const rows: Row[] = difference.VersionDifferences.PillarDifferences.flatMap((p) => {
    const base = { pillar: p.PillarName, pillarStatus: p.DifferenceStatus };
    // A first version is all new: one row per pillar says how many questions it brings.
    if (first) {
      const n = p.QuestionDifferences.length;
      return [{ key: p.PillarId, ...base, question: `${n} ${n === 1 ? 'question' : 'questions'}`, questionStatus: 'NEW' }];
    }
    if (p.QuestionDifferences.length === 0) return [{ key: p.PillarId, ...base }];
    return p.QuestionDifferences.map((q) => ({ key: `${p.PillarId}/${q.QuestionId}`, ...base, question: q.QuestionTitle, questionStatus: q.DifferenceStatus }));
  });
  const renamed = difference.BaseLensName !== undefined && difference.BaseLensName !== difference.LensName;
  return (
    <SpaceBetween size="m">
      <KeyValuePairs
        columns={2}
        items={[
          {
            label: 'Name',
            value: renamed ? (
              <span>
                {difference.LensName} <Box variant="small">(was {difference.BaseLensName})</Box>
              </span>
            ) : (
              difference.LensName
            ),
          },
          { label: 'Compared with', value: difference.BaseLensVersion ? `Version ${difference.BaseLensVersion}` : 'Nothing: the first version' },
        ]}
      />
      <Table
        variant="embedded"
        ariaLabels={{ tableLabel: 'Changes to publish' }}
        items={rows}
        trackBy="key"
        wrapLines
        columnDefinitions={[
          {
            id: 'pillar',
            header: 'Pillar',
            minWidth: 220,
            cell: (r) => (
              <SpaceBetween direction="horizontal" size="xs">
                <span>{r.pillar}</span>
                <Change status={r.pillarStatus} />
              </SpaceBetween>
            ),
          },
          { id: 'question', header: first ? 'Questions' : 'Question', cell: (r) => r.question ?? <Box color="text-status-inactive">No question changed (pillar renamed)</Box> },
          { id: 'change', header: 'Change', cell: (r) => (r.questionStatus ? <Change status={r.questionStatus} /> : '-'), minWidth: 120 },
        ]}
        empty={<Box textAlign="center">No pillar or question changed{difference.BaseLensDescription !== difference.LensDescription ? ' (the description did)' : ''}.</Box>}
      />
    </SpaceBetween>
  );
}
