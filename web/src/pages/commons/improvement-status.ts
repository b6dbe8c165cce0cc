/** The improvement statuses a workload owner sets, with the labels the user guide uses. */
export const IMPROVEMENT_STATUSES = [
  { value: 'NOT_APPLICABLE', label: 'None' },
  { value: 'NOT_STARTED', label: 'Not Started' },
  { value: 'IN_PROGRESS', label: 'In Progress' },
  { value: 'COMPLETE', label: 'Complete' },
  { value: 'RISK_ACKNOWLEDGED', label: 'Risk Acknowledged' },
] as const;

export const improvementStatusLabel = (value: string | undefined) =>
  IMPROVEMENT_STATUSES.find((s) => s.value === value)?.label ?? value ?? '-';
