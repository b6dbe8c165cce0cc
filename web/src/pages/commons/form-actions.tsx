import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';

export interface FormActionsProps {
  /** The primary button's text: "Create profile", "Save changes"... */
  submitText: string;
  /** Left out, the primary button submits the enclosing <form> (whose onSubmit acts) instead. */
  onSubmit?(): unknown;
  onCancel(): void;
  /** The action is in flight: the primary button shows progress. */
  running: boolean;
  /** The primary button cannot be used yet (nothing picked, text too long...). */
  disabled?: boolean;
  /** Cancel is refused while this holds (actions that must not be left half done). */
  cancelDisabled?: boolean;
}

/** A form's or dialog's buttons: Cancel, then the primary action with its progress. */
export function FormActions({ submitText, onSubmit, onCancel, running, disabled, cancelDisabled }: FormActionsProps) {
  return (
    <SpaceBetween direction="horizontal" size="xs">
      <Button formAction="none" variant="link" onClick={onCancel} disabled={cancelDisabled}>
        Cancel
      </Button>
      <Button variant="primary" disabled={disabled} loading={running} onClick={onSubmit && (() => void onSubmit())}>
        {submitText}
      </Button>
    </SpaceBetween>
  );
}
