import { DeleteWorkloadCommand } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useWellArchitected } from '../../api/client';
import { DeleteModal } from './delete-modal';
import { useAction } from './use-action';

interface Props {
  workload: { WorkloadId?: string; WorkloadName?: string } | undefined;
  onClose(): void;
  onDeleted(): void;
}

/** "Deleting a workload": the Delete window, confirming the loss of the workload and its milestones (Workloads list and details). */
export function DeleteWorkloadModal({ workload, onClose, onDeleted }: Props) {
  const wa = useWellArchitected();
  const remove = useAction(
    () => wa.send(new DeleteWorkloadCommand({ WorkloadId: workload!.WorkloadId! })),
    `Workload ${workload?.WorkloadName} deleted.`,
  );
  const close = () => {
    remove.clearError();
    onClose();
  };
  return (
    <DeleteModal
      visible={!!workload}
      header={`Delete ${workload?.WorkloadName ?? 'workload'}`}
      running={remove.running}
      error={remove.error}
      onConfirm={async () => (await remove.run()) && onDeleted()}
      onDismiss={close}
    >
      <SpaceBetween size="m">
        <span>
          Delete the workload <b>{workload?.WorkloadName}</b> with all of its milestones and share invitations?
        </span>
        <Alert type="warning">Deleting a workload cannot be undone. All data associated with the workload is permanently removed.</Alert>
      </SpaceBetween>
    </DeleteModal>
  );
}
