import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';
import { ModalFooter } from './modal-footer';

interface DeleteModalProps {
  visible: boolean;
  /** "Delete profile", "Delete user"... */
  header: string;
  /** What is deleted and what follows from it. */
  children: ReactNode;
  running: boolean;
  error?: unknown;
  confirmText?: string;
  onConfirm(): void;
  onDismiss(): void;
}

/** A DeleteModal's state, as useConfirmDelete keeps it. */
export type DeleteModalState = Omit<DeleteModalProps, 'header' | 'children' | 'confirmText'>;

/** Asks before an irreversible action; the failure, if any, is shown inside the dialog. */
export function DeleteModal({ visible, header, children, running, error, confirmText = 'Delete', onConfirm, onDismiss }: DeleteModalProps) {
  return (
    <Modal
      visible={visible}
      header={header}
      onDismiss={onDismiss}
      footer={<ModalFooter submitText={confirmText} running={running} onSubmit={onConfirm} onCancel={onDismiss} cancelDisabled={running} />}
    >
      <SpaceBetween size="m">
        <Box>{children}</Box>
        <ErrorAlert error={error} />
      </SpaceBetween>
    </Modal>
  );
}

/** A list's Delete button: asks about the selected row (useConfirmDelete's `ask`); disabled while none is selected. */
export function DeleteButton<T>({ selected, onAsk }: { selected: T | undefined; onAsk(item: T): void }) {
  return (
    <Button disabled={!selected} onClick={() => selected && onAsk(selected)}>
      Delete
    </Button>
  );
}
