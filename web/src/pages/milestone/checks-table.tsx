import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { ChecksHidden, CheckStatusIndicator } from '../commons/check-status';
import { accountCounts, reportsProblem, useLensReviewChecks, type CheckSummaryView, type PracticeChecks } from '../commons/checks';
import { ErrorAlert } from '../commons/error-alert';
import type { LensReviewAt } from '../commons/lens-review-at';
import { Pagination } from '../commons/pagination';

interface Row {
  practice: PracticeChecks;
  check: CheckSummaryView;
  question: string;
  title: string;
}

/** The checks as the milestone kept them: one row per best practice and check, contradictions first. */
export function MilestoneChecksTable({ workloadId, lensAlias, milestoneNumber, answers }: { workloadId: string; lensAlias: string | undefined; milestoneNumber: number; answers: LensReviewAt | undefined }) {
  const checks = useLensReviewChecks(workloadId, lensAlias, { milestoneNumber });
  const questions = new Map((answers?.pillars ?? []).flatMap((p) => p.answers.map((a) => [a.QuestionId ?? '', a] as const)));
  const rows: Row[] = (checks.data?.practices ?? []).flatMap((practice) => {
    const answer = questions.get(practice.QuestionId);
    const title = answer?.Choices?.find((c) => c.ChoiceId === practice.ChoiceId)?.Title ?? practice.ChoiceId;
    return practice.CheckSummaries.map((check) => ({ practice, check, question: answer?.QuestionTitle ?? practice.QuestionId, title }));
  });
  const contradicts = (r: Row) => r.practice.Contradicted && reportsProblem(r.check.Status);
  rows.sort((a, b) => Number(contradicts(b)) - Number(contradicts(a)));
  const { items, paginationProps } = useCollection(rows, { pagination: { pageSize: 20 } });
  if (checks.data && !checks.data.shown) return <ChecksHidden count={checks.data.practices.length} />;
  if (checks.error) return <ErrorAlert error={checks.error} />;
  if (!rows.length) return null;
  return (
    <Table
      header={
        <Header variant="h2" counter={`(${rows.length})`} description="The checks from scanners as they were when the milestone was saved.">
          Checks at this milestone
        </Header>
      }
      items={items}
      wrapLines
      loading={checks.loading}
      columnDefinitions={[
        { id: 'question', header: 'Question', cell: (r) => r.question, minWidth: 200 },
        { id: 'practice', header: 'Best practice', cell: (r) => r.title, isRowHeader: true, minWidth: 160 },
        { id: 'check', header: 'Check', cell: (r) => `${r.check.Name} (${r.check.Provider})`, minWidth: 160 },
        { id: 'status', header: 'Status', cell: (r) => <span style={{ whiteSpace: 'nowrap' }}><CheckStatusIndicator status={r.check.Status} /></span> },
        { id: 'accounts', header: 'Accounts', cell: (r) => accountCounts(r.check.AccountSummary) },
        {
          id: 'followed',
          header: 'Marked as followed',
          cell: (r) => (contradicts(r) ? <span style={{ whiteSpace: 'nowrap' }}><StatusIndicator type="warning">Contradicted</StatusIndicator></span> : r.practice.Selected ? 'Yes' : 'No'),
        },
      ]}
      empty={<Box textAlign="center">No checks.</Box>}
      pagination={<Pagination {...paginationProps} />}
    />
  );
}
