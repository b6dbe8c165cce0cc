import type { WorkloadSummary } from '@aws-sdk/client-wellarchitected';
import { riskCount } from '../commons/risk-counts';

export type RiskFilter = 'ALL' | 'HIGH' | 'MEDIUM' | 'NONE';

export const RISK_FILTERS: Array<{ value: RiskFilter; label: string }> = [
  { value: 'ALL', label: 'All workloads' },
  { value: 'HIGH', label: 'With high risks' },
  { value: 'MEDIUM', label: 'With medium risks' },
  { value: 'NONE', label: 'Without high or medium risks' },
];

export function matchesRisk(w: WorkloadSummary, filter: RiskFilter): boolean {
  const high = riskCount(w.RiskCounts, 'HIGH');
  const medium = riskCount(w.RiskCounts, 'MEDIUM');
  if (filter === 'HIGH') return high > 0;
  if (filter === 'MEDIUM') return medium > 0;
  if (filter === 'NONE') return high === 0 && medium === 0;
  return true;
}
