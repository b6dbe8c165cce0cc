import type { WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import { Pagination } from '../commons/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { usePlumbline } from '../../api/plumbline-client';
import { usePermissions } from '../commons/permissions';
import { useAllWorkloads } from '../commons/all-workloads';
import { useLoad } from '../commons/use-load';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { answeredOfTotal, RiskCount } from '../commons/risk-counts';
import { WORKLOAD_NAME_COLUMN } from '../workloads/config';
import { useMilestones } from '../commons/use-milestones';
import { matchesRisk, RISK_FILTERS, type RiskFilter } from './hooks';
import { DashboardMilestones } from './milestones-table';

function Counter({ label, count, filter, active, onChoose }: { label: string; count: number | undefined; filter: RiskFilter; active: boolean; onChoose(f: RiskFilter): void }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      {/* On a line of its own: the large count's underline would otherwise run into "Shown below". */}
      <div>
      <Link
        variant="awsui-value-large"
        href="#"
        ariaLabel={`${label}: ${count ?? 'loading'}. Show these workloads`}
        onFollow={(e) => {
          e.preventDefault();
          onChoose(filter);
        }}
      >
        {count ?? '-'}
      </Link>
      </div>
      {active && (
        <Box variant="small" display="block" margin={{ top: 'xs' }}>
          Shown below
        </Box>
      )}
    </div>
  );
}

interface WorkloadRiskCounts {
  WorkloadCount: number;
  WorkloadsWithHighRisks: number;
  WorkloadsWithMediumRisks: number;
}

const TALLY_OF: Record<Exclude<RiskFilter, 'NONE'>, keyof WorkloadRiskCounts> = { ALL: 'WorkloadCount', HIGH: 'WorkloadsWithHighRisks', MEDIUM: 'WorkloadsWithMediumRisks' };

/** The Dashboard: resource counts, the workload reviews they filter, the selected workload's milestones. */
export default function DashboardPage() {
  const navigate = useNavigate();
  const can = usePermissions(['CreateWorkload']);
  const workloads = useAllWorkloads();
  const [risk, setRisk] = useState<RiskFilter>('ALL');
  const [selected, setSelected] = useState<WorkloadSummary>();
  const milestones = useMilestones(selected?.WorkloadId);
  const plumbline = usePlumbline();
  // Counted by the server at once (GetWorkloadRiskCounts); from the loaded workloads when the caller may not ask for them.
  const tally = useLoad(() => plumbline('GetWorkloadRiskCounts') as Promise<WorkloadRiskCounts>, [plumbline]);
  const all = workloads.data ?? [];
  const count = (f: RiskFilter) =>
    tally.data && f !== 'NONE'
      ? tally.data[TALLY_OF[f]]
      : workloads.data
        ? all.filter((w) => matchesRisk(w, f)).length
        : undefined;
  const { items, collectionProps, paginationProps, filteredItemsCount } = useCollection(all, {
    filtering: { filteringFunction: (w) => matchesRisk(w, risk) },
    sorting: { defaultState: { sortingColumn: { sortingField: 'WorkloadName' } } },
    pagination: { pageSize: 10 },
  });
  const chooseRisk = (f: RiskFilter) => {
    setRisk(f);
    if (selected && !matchesRisk(selected, f)) setSelected(undefined);
  };

  return (
    <SpaceBetween size="l">
      <Header variant="h1" actions={<Button disabled={!can.CreateWorkload.allowed} disabledReason={can.CreateWorkload.reason} variant="primary" onClick={() => navigate('/workloads/new')}>Define workload</Button>}>
        Dashboard
      </Header>
      <ErrorAlert error={workloads.error} />
      <Container header={<Header variant="h2" description="Choose a count to show those workloads below.">Resources</Header>}>
        <ColumnLayout columns={3} variant="text-grid">
          <Counter label="Total workload reviews" count={count('ALL')} filter="ALL" active={risk === 'ALL'} onChoose={chooseRisk} />
          <Counter label="With high risks" count={count('HIGH')} filter="HIGH" active={risk === 'HIGH'} onChoose={chooseRisk} />
          <Counter label="With medium risks" count={count('MEDIUM')} filter="MEDIUM" active={risk === 'MEDIUM'} onChoose={chooseRisk} />
        </ColumnLayout>
      </Container>
      <Table
        {...collectionProps}
        header={
          <Header variant="h2" counter={workloads.data ? (risk === 'ALL' ? `(${all.length})` : `(${filteredItemsCount ?? 0}/${all.length})`) : undefined}>
            Workload reviews
          </Header>
        }
        filter={
          <Select
            selectedOption={RISK_FILTERS.find((f) => f.value === risk)!}
            onChange={(e) => chooseRisk(e.detail.selectedOption.value as RiskFilter)}
            options={RISK_FILTERS}
            ariaLabel="Filter by risk"
            inlineLabelText="Filter by risk"
          />
        }
        items={items}
        loading={workloads.loading && !workloads.data}
        loadingText="Loading workloads"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems[0])}
        trackBy="WorkloadId"
        ariaLabels={{ itemSelectionLabel: (_s, w) => `Show milestones of ${w.WorkloadName}`, selectionGroupLabel: 'Workload reviews' }}
        columnDefinitions={[
          WORKLOAD_NAME_COLUMN,
          { id: 'answered', header: 'Questions answered', cell: (w) => answeredOfTotal(w.RiskCounts) },
          { id: 'high', header: 'High risks', cell: (w) => <RiskCount risk="HIGH" counts={w.RiskCounts} /> },
          { id: 'medium', header: 'Medium risks', cell: (w) => <RiskCount risk="MEDIUM" counts={w.RiskCounts} /> },
          { id: 'updated', header: 'Last updated', cell: (w) => formatTime(w.UpdatedAt), sortingField: 'UpdatedAt' },
        ]}
        empty={
          <Box textAlign="center" color="inherit">
            {all.length ? 'No workloads match this risk filter.' : 'No workloads yet. Define one to start a review.'}
          </Box>
        }
        pagination={<Pagination {...paginationProps} />}
      />
      <DashboardMilestones workload={selected} milestones={milestones} />
    </SpaceBetween>
  );
}
