import { UpdateShareInvitationCommand } from '@aws-sdk/client-wellarchitected';
import { useWellArchitected } from '../../api/client';
import { DeleteModal } from '../commons/delete-modal';
import { useAction } from '../commons/use-action';

/** "Reject share": a recipient gives up its access to a workload shared with it. */
export function RejectShareModal({ workloadName, invitationId, visible, onClose, onRejected }: {
  workloadName: string;
  invitationId: string;
  visible: boolean;
  onClose(): void;
  onRejected(): void;
}) {
  const wa = useWellArchitected();
  const reject = useAction(
    () => wa.send(new UpdateShareInvitationCommand({ ShareInvitationId: invitationId, ShareInvitationAction: 'REJECT' })),
    `You no longer have access to ${workloadName}.`,
  );
  return (
    <DeleteModal
      visible={visible}
      header="Reject share"
      confirmText="Reject share"
      running={reject.running}
      error={reject.error}
      onConfirm={async () => (await reject.run()) && onRejected()}
      onDismiss={() => {
        reject.clearError();
        onClose();
      }}
    >
      Remove your access to <b>{workloadName}</b>? Its owner would have to share it with you again.
    </DeleteModal>
  );
}
