import Box from '@cloudscape-design/components/box';
import LineChart from '@cloudscape-design/components/line-chart';
import { riskCount } from '../commons/risk-counts';
import type { CompareBasis } from './hooks';

/** High and medium risks at every milestone, oldest first, then now: the trend of the improvement work. */
export function RiskChart({ basis }: { basis: CompareBasis }) {
  const points = [
    ...basis.milestones.map((m) => ({ x: `${m.MilestoneNumber}. ${m.MilestoneName}`, counts: m.WorkloadSummary?.RiskCounts })),
    { x: 'Current state', counts: basis.workload.RiskCounts },
  ];
  const series = (['HIGH', 'MEDIUM'] as const).map((risk) => ({
    title: risk === 'HIGH' ? 'High risks' : 'Medium risks',
    type: 'line' as const,
    data: points.map((p) => ({ x: p.x, y: riskCount(p.counts, risk) })),
    color: risk === 'HIGH' ? '#d91515' : '#f89256',
  }));
  const max = Math.max(1, ...series.flatMap((s) => s.data.map((d) => d.y)));
  return (
    <LineChart
      series={series}
      xDomain={points.map((p) => p.x)}
      yDomain={[0, Math.ceil(max * 1.1)]}
      xScaleType="categorical"
      xTitle="Milestone"
      yTitle="Risks"
      height={260}
      hideFilter
      ariaLabel="High and medium risks over the milestones"
      i18nStrings={{ xTickFormatter: (x) => String(x).length > 24 ? `${String(x).slice(0, 23)}…` : String(x) }}
      empty={<Box textAlign="center">No milestones</Box>}
    />
  );
}
