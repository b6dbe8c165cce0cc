import type { MilestoneSummary } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import Table from '@cloudscape-design/components/table';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate } from 'react-router-dom';
import { FRAMEWORK_LENS } from '../commons/lens-picker';
import { useLensReport } from '../commons/lens-report';
import { useAction } from '../commons/use-action';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime, segment } from '../commons/format';
import { answeredOfTotal, RiskCount } from '../commons/risk-counts';
import { RouterLink } from '../commons/router-link';
import type { Loaded } from '../commons/use-load';
import { TableHeader } from '../commons/table-header';
import { EmptyState, useResourceTable } from '../commons/resource-table';

/** The Milestones tab: every saved milestone; view one, generate its report, or compare two. */
export function MilestonesTab({ workloadId, milestones }: { workloadId: string; milestones: Loaded<MilestoneSummary[]> }) {
  const navigate = useNavigate();
  const report = useLensReport();
  // The framework lens is on every workload, so every milestone has its report.
  const generate = useAction(async (m: MilestoneSummary) => {
    await report({ workloadId, lensAlias: FRAMEWORK_LENS, milestoneNumber: m.MilestoneNumber, names: [m.WorkloadSummary?.WorkloadName ?? '', m.MilestoneName ?? ''] });
    return m;
  }, (m) => `Report of milestone ${m.MilestoneName} downloaded (other lenses' reports are on the milestone's page).`);
  const base = `/workloads/${segment(workloadId)}/milestones`;
  const list = useResourceTable('milestone', milestones, {
    trackBy: 'MilestoneNumber', rowName: (m) => m.MilestoneName, pageSize: 10,
    filtering: { filteringFunction: (m, text) => (m.MilestoneName ?? '').toLowerCase().includes(text.toLowerCase()) },
    sorting: { defaultState: { sortingColumn: { sortingField: 'MilestoneNumber' }, isDescending: true } },
  });
  const selected = list.selected;
  return (
    <SpaceBetween size="s">
    <ErrorAlert error={generate.error} onDismiss={generate.clearError} />
    <Table
      {...list.table}
      header={
        <TableHeader title="Milestones" source={milestones} description="A milestone records the state of the workload at the time it was saved.">
          <Button disabled={!selected} onClick={() => navigate(`${base}/${selected!.MilestoneNumber}`)}>
            View milestone
          </Button>
          <Button disabled={!selected} disabledReason={selected ? undefined : 'Select a milestone first.'} loading={generate.running} onClick={() => selected && void generate.run(selected)}>
            Generate report
          </Button>
          <Button disabled={(milestones.data?.length ?? 0) === 0} onClick={() => navigate(`${base}/compare`)}>
            Compare milestones
          </Button>
        </TableHeader>
      }
      filter={list.filter('Find milestones')}
      columnDefinitions={[
        { id: 'number', header: 'Number', cell: (m) => m.MilestoneNumber, sortingField: 'MilestoneNumber' },
        { id: 'name', header: 'Name', cell: (m) => <RouterLink href={`${base}/${m.MilestoneNumber}`}>{m.MilestoneName}</RouterLink>, sortingField: 'MilestoneName', isRowHeader: true },
        { id: 'answered', header: 'Questions answered', cell: (m) => answeredOfTotal(m.WorkloadSummary?.RiskCounts) },
        { id: 'high', header: 'High risks', cell: (m) => <RiskCount risk="HIGH" counts={m.WorkloadSummary?.RiskCounts} /> },
        { id: 'medium', header: 'Medium risks', cell: (m) => <RiskCount risk="MEDIUM" counts={m.WorkloadSummary?.RiskCounts} /> },
        { id: 'saved', header: 'Date saved', cell: (m) => formatTime(m.RecordedAt), sortingComparator: (a, b) => (a.RecordedAt?.getTime() ?? 0) - (b.RecordedAt?.getTime() ?? 0) },
      ]}
      empty={milestones.error ? <ErrorAlert error={milestones.error} /> : <EmptyState>No milestones saved yet. Choose Save milestone on the Overview tab.</EmptyState>}
    />
    </SpaceBetween>
  );
}
