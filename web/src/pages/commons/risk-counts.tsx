import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';

/** Risk counts as the API returns them (workloads, lens reviews, milestones). */
export type RiskCounts = Partial<Record<string, number>> | undefined;

export const riskCount = (counts: RiskCounts, risk: 'HIGH' | 'MEDIUM' | 'NONE' | 'NOT_APPLICABLE' | 'UNANSWERED') => counts?.[risk] ?? 0;

/** Questions answered: every counted question but the unanswered ones (not applicable counts as answered). */
export const questionsAnswered = (counts: RiskCounts) =>
  Object.entries(counts ?? {}).reduce((n, [risk, count]) => (risk === 'UNANSWERED' ? n : n + (count ?? 0)), 0);

export const questionsTotal = (counts: RiskCounts) => Object.values(counts ?? {}).reduce<number>((n, c) => n + (c ?? 0), 0);

/** "3/57": answered out of all questions. */
export const answeredOfTotal = (counts: RiskCounts) => `${questionsAnswered(counts)}/${questionsTotal(counts)}`;

const RISK_LABELS: Record<string, { label: string; type: 'error' | 'warning' | 'success' | 'stopped' | 'pending' }> = {
  HIGH: { label: 'High risk', type: 'error' },
  MEDIUM: { label: 'Medium risk', type: 'warning' },
  NONE: { label: 'No improvements identified', type: 'success' },
  NOT_APPLICABLE: { label: 'Not applicable', type: 'stopped' },
  UNANSWERED: { label: 'Unanswered', type: 'pending' },
};

export const riskLabel = (risk: string | undefined) => RISK_LABELS[risk ?? '']?.label ?? risk ?? '-';

/** A question's risk as a coloured status. */
export function RiskStatus({ risk }: { risk: string | undefined }) {
  const known = RISK_LABELS[risk ?? ''];
  if (!known) return <>{risk ?? '-'}</>;
  return <StatusIndicator type={known.type}>{known.label}</StatusIndicator>;
}

/** A count of high or medium risks, coloured only when there are some. */
export function RiskCount({ risk, counts }: { risk: 'HIGH' | 'MEDIUM'; counts: RiskCounts }) {
  const n = riskCount(counts, risk);
  if (n === 0) return <>0</>;
  return <StatusIndicator type={risk === 'HIGH' ? 'error' : 'warning'}>{n}</StatusIndicator>;
}

/** A large "key value" figure of high or medium risks (overview panels), coloured only when there are some. */
export function RiskCountValue({ risk, counts }: { risk: 'HIGH' | 'MEDIUM'; counts: RiskCounts }) {
  const n = riskCount(counts, risk);
  return (
    <Box variant="awsui-value-large" color={n === 0 ? undefined : risk === 'HIGH' ? 'text-status-error' : 'text-status-warning'}>
      {n}
    </Box>
  );
}
