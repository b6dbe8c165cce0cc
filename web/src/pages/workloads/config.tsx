import type { WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import type { TableProps } from '@cloudscape-design/components/table';
import { formatTime } from '../commons/format';
import { improvementStatusLabel } from '../commons/improvement-status';
import { answeredOfTotal, questionsAnswered, riskCount, RiskCount } from '../commons/risk-counts';
import { nameColumn } from '../commons/resource-table';
import { workloadPath } from '../commons/workload-paths';

/** A workload's name, linking to its page: the first column of every list of workloads. */
export const WORKLOAD_NAME_COLUMN = nameColumn<WorkloadSummary>('WorkloadName', (w) => workloadPath(w.WorkloadId!));

/** The Workloads page's columns, as the user guide lists them. */
export const WORKLOAD_COLUMNS: TableProps.ColumnDefinition<WorkloadSummary>[] = [
  { ...WORKLOAD_NAME_COLUMN, minWidth: 180 },
  { id: 'owner', header: 'Owner', cell: (w) => w.Owner, sortingField: 'Owner', width: 130 },
  {
    id: 'answered',
    width: 120,
    header: 'Questions answered',
    cell: (w) => answeredOfTotal(w.RiskCounts),
    sortingComparator: (a, b) => questionsAnswered(a.RiskCounts) - questionsAnswered(b.RiskCounts),
  },
  {
    id: 'high',
    width: 95,
    header: 'High risks',
    cell: (w) => <RiskCount risk="HIGH" counts={w.RiskCounts} />,
    sortingComparator: (a, b) => riskCount(a.RiskCounts, 'HIGH') - riskCount(b.RiskCounts, 'HIGH'),
  },
  {
    id: 'medium',
    width: 105,
    header: 'Medium risks',
    cell: (w) => <RiskCount risk="MEDIUM" counts={w.RiskCounts} />,
    sortingComparator: (a, b) => riskCount(a.RiskCounts, 'MEDIUM') - riskCount(b.RiskCounts, 'MEDIUM'),
  },
  {
    id: 'improvement',
    width: 125,
    header: 'Improvement status',
    cell: (w) => improvementStatusLabel(w.ImprovementStatus),
    sortingComparator: (a, b) => improvementStatusLabel(a.ImprovementStatus).localeCompare(improvementStatusLabel(b.ImprovementStatus)),
  },
  {
    id: 'updated',
    width: 180,
    header: 'Last updated',
    cell: (w) => formatTime(w.UpdatedAt),
    sortingComparator: (a, b) => (a.UpdatedAt?.getTime() ?? 0) - (b.UpdatedAt?.getTime() ?? 0),
  },
];
