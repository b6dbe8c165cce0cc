import Box from '@cloudscape-design/components/box';
import { FormActions, type FormActionsProps } from './form-actions';

/** A dialog's footer: Cancel, then the primary action with its progress, on the right. */
export function ModalFooter(props: FormActionsProps) {
  return (
    <Box float="right">
      <FormActions {...props} />
    </Box>
  );
}
