import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { usePlumbline } from '../../api/plumbline-client';
import { DeleteButton, DeleteModal } from '../commons/delete-modal';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { RootOnly } from '../commons/root-only';
import { SecretOnceModal, type SecretField } from '../commons/secret-once-modal';
import { useAction } from '../commons/use-action';
import { EmptyState, useResourceTable } from '../commons/resource-table';
import { ListPage } from '../commons/list-page';
import { ADMINISTRATION } from '../admin-users/paths';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { CreateTargetModal } from './create-target';
import { Deliveries } from './deliveries';
import { useEventTargets, type EventTarget } from './hooks';

function lastAttempt(t: EventTarget) {
  const d = t.Delivery;
  if (d.LastAttemptAt === undefined) return 'Never';
  return `${formatTime(d.LastAttemptAt)}${d.LastStatus ? ` (${d.LastStatus})` : ''}`;
}

function EventTargets() {
  const plumbline = usePlumbline();
  const targets = useEventTargets();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<SecretField[]>();
  const list = useResourceTable('event target', targets, {
    trackBy: 'TargetId', rowName: (t) => t.Name, keepSelection: true,
    sorting: { defaultState: { sortingColumn: { sortingField: 'Name' } } },
  });
  const selected = list.selected;
  const toggle = useAction(async (t: EventTarget) => {
    await plumbline('UpdateEventTarget', { TargetId: t.TargetId, Enabled: !t.Enabled });
    targets.reload();
    return t.Enabled ? `Event target ${t.Name} was disabled; events are no longer delivered to it.` : `Event target ${t.Name} was enabled.`;
  }, (message: string) => message);
  const redrive = useAction(async (t: EventTarget) => {
    const out = (await plumbline('RedriveEventTarget', { TargetId: t.TargetId })) as { RequeuedCount: number };
    targets.reload();
    return out.RequeuedCount;
  }, (n: number) => `${n} failed deliver${n === 1 ? 'y is' : 'ies are'} due again.`);
  const del = useConfirmDelete(async (t: EventTarget) => {
    await plumbline('DeleteEventTarget', { TargetId: t.TargetId });
    targets.reload();
  }, 'The event target was deleted with its pending deliveries.');
  // The selection holds the row as it was; show the reloaded one.
  const current = selected && targets.data?.find((t) => t.TargetId === selected.TargetId);
  return (
    <ListPage
      {...list.table}
      breadcrumbs={[ADMINISTRATION, { text: 'Event targets', href: '/admin/event-targets' }]}
      source={targets}
      description="Where the account's events (the user guide's EventBridge events) are delivered: webhooks and files."
      alerts={<ErrorAlert error={toggle.error ?? redrive.error} onDismiss={() => (toggle.clearError(), redrive.clearError())} />}
      wrapLines
      columnDefinitions={[
        { id: 'name', header: 'Name', cell: (t) => t.Name, sortingField: 'Name', isRowHeader: true },
        { id: 'destination', header: 'Destination', cell: (t) => <>{t.Type === 'webhook' ? 'Webhook' : 'File'}: {t.Url ?? t.FilePath ?? t.Path}</>, maxWidth: 280 },
        { id: 'pattern', header: 'Pattern', cell: (t) => (t.Pattern ? <Box variant="code" fontSize="body-s">{JSON.stringify(t.Pattern)}</Box> : 'Every event'), maxWidth: 240 },
        {
          id: 'state',
          header: 'State',
          minWidth: 120,
          cell: (t) => (t.Enabled ? <StatusIndicator type="success">Enabled</StatusIndicator> : <StatusIndicator type="stopped">Disabled</StatusIndicator>),
        },
        {
          id: 'attempt',
          header: 'Last attempt',
          cell: (t) => (
            <>
              {lastAttempt(t)}
              {t.Delivery.LastError && (
                <Box>
                  <StatusIndicator type="error">{t.Delivery.LastError}</StatusIndicator>
                </Box>
              )}
            </>
          ),
        },
        {
          id: 'deliveries',
          header: 'Deliveries',
          cell: (t) => `${t.Delivery.Backlog} waiting, ${t.Delivery.FailedCount} failed, ${t.Delivery.DeliveredCount} delivered`,
        },
      ]}
      empty={<EmptyState>No event targets. Create one to receive the account's events.</EmptyState>}
      actions={
        <>
          <DeleteButton selected={current} onAsk={del.ask} />
          <Button disabled={!current?.Delivery.FailedCount} loading={redrive.running} onClick={() => current && void redrive.run(current)}>
            Retry failed
          </Button>
          <Button disabled={!current} loading={toggle.running} onClick={() => current && void toggle.run(current)}>
            {current && !current.Enabled ? 'Enable' : 'Disable'}
          </Button>
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create target
          </Button>
        </>
      }
    >
      {current && <Deliveries key={current.TargetId} target={current} />}
      <CreateTargetModal
        visible={creating}
        onDismiss={() => setCreating(false)}
        onCreated={(_, signing) => {
          setCreating(false);
          targets.reload();
          if (signing) setSecret([{ label: 'Signing secret', value: signing }]);
        }}
      />
      <SecretOnceModal header="Webhook signing secret" fields={secret} onDismiss={() => setSecret(undefined)} />
      <DeleteModal header="Delete event target" {...del.modal}>
        Delete event target <b>{del.target?.Name}</b>? Events waiting to be delivered to it are dropped.
      </DeleteModal>
    </ListPage>
  );
}

/** Administration › Event targets: webhooks and files receiving the account's events, with their delivery state. */
export default function AdminEventTargetsPage() {
  return (
    <RootOnly>
      <EventTargets />
    </RootOnly>
  );
}
