import { useState, type ReactNode } from 'react';
import { useAction } from './use-action';

/**
 * The state behind a <DeleteModal> for a list's rows: which row is about to be deleted, the
 * delete action (progress, error, outcome), and the modal's props. Dismissing the dialog
 * forgets the row and its error, so the next row's dialog starts clean.
 * Use: `const del = useConfirmDelete(act, 'Deleted.')`, `del.ask(row)`,
 * `<DeleteModal header="Delete x" {...del.modal}>Delete {del.target?.Name}?</DeleteModal>`.
 */
export function useConfirmDelete<T>(act: (item: T) => Promise<unknown>, success: ReactNode) {
  const [target, setTarget] = useState<T>();
  const action = useAction(async (item: T) => {
    await act(item);
    setTarget(undefined);
  }, success);
  return {
    target,
    ask: setTarget,
    modal: {
      visible: target !== undefined,
      running: action.running,
      error: action.error,
      onConfirm: () => void (target !== undefined && action.run(target)),
      onDismiss: () => {
        setTarget(undefined);
        action.clearError();
      },
    },
  };
}
