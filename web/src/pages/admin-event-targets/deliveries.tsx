import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { useDeliveries, type EventTarget } from './hooks';

const STATUS: Record<string, StatusIndicatorProps.Type> = { DELIVERED: 'success', PENDING: 'pending', FAILED: 'error' };

/** The selected target's most recent deliveries: what was sent, what waits for a retry, what was given up on and why. */
export function Deliveries({ target }: { target: EventTarget }) {
  const deliveries = useDeliveries(target.TargetId);
  return (
    <>
      <ErrorAlert error={deliveries.error} />
      <Table
        items={deliveries.data?.Deliveries ?? []}
        trackBy="DeliveryId"
        loading={deliveries.loading && !deliveries.data}
        loadingText="Loading deliveries"
        wrapLines
        columnDefinitions={[
          { id: 'created', header: 'Event time', cell: (d) => formatTime(d.CreatedAt) },
          { id: 'event', header: 'Event name', cell: (d) => d.EventName, isRowHeader: true },
          { id: 'status', header: 'Status', cell: (d) => <StatusIndicator type={STATUS[d.Status] ?? 'info'}>{d.Status.charAt(0) + d.Status.slice(1).toLowerCase()}</StatusIndicator> },
          { id: 'attempts', header: 'Attempts', cell: (d) => d.Attempts },
          { id: 'when', header: 'Delivered or next attempt', cell: (d) => formatTime(d.DeliveredAt ?? d.NextAttemptAt) },
          { id: 'error', header: 'Last error', cell: (d) => d.LastError ?? '-' },
        ]}
        header={
          <Header
            variant="h2"
            description="The 50 most recent deliveries, newest first."
            actions={<Button iconName="refresh" ariaLabel="Refresh deliveries" onClick={deliveries.reload} />}
          >
            Deliveries to {target.Name}
          </Header>
        }
        empty={<Box textAlign="center">No event has been delivered to this target yet.</Box>}
      />
    </>
  );
}
