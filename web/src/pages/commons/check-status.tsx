import Alert from '@cloudscape-design/components/alert';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { RouterLink } from './router-link';
import type { CheckStatus } from './checks';

const STATUS: Record<CheckStatus, { label: string; type: 'error' | 'warning' | 'success' | 'stopped' }> = {
  ERROR: { label: 'Error', type: 'error' },
  WARNING: { label: 'Warning', type: 'warning' },
  OKAY: { label: 'Okay', type: 'success' },
  NOT_AVAILABLE: { label: 'Not available', type: 'stopped' },
};

export const checkStatusLabel = (status: CheckStatus) => STATUS[status]?.label ?? status;

/** A check's status as a coloured indicator. */
export function CheckStatusIndicator({ status }: { status: CheckStatus }) {
  const known = STATUS[status];
  return known ? <StatusIndicator type={known.type}>{known.label}</StatusIndicator> : <>{status}</>;
}

/** Said where checks would be, while the account's discovery switch keeps them hidden. */
export function ChecksHidden({ count }: { count: number }) {
  if (!count) return null;
  return (
    <Alert type="info" header="Checks from scanners are hidden">
      {count === 1 ? 'A best practice here has' : `${count} best practices here have`} checks imported from scanners, hidden because discovery integration
      is turned off for this account. Turn it on in <RouterLink href="/settings">Settings</RouterLink> to see them.
    </Alert>
  );
}
