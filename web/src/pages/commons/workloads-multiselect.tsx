import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';
import { ModalFooter } from './modal-footer';
import type { Action } from './use-action';

interface WorkloadsMultiselectProps {
  /** The workloads that can be picked (value: WorkloadId). */
  options: MultiselectProps.Options;
  selected: readonly MultiselectProps.Option[];
  onChange(selected: readonly MultiselectProps.Option[]): void;
  /** The workloads are still being read. */
  loading: boolean;
}

/** Picks several of the account's workloads by name, with a filter (adding a profile, applying a template). */
function WorkloadsMultiselect({ options, selected, onChange, loading }: WorkloadsMultiselectProps) {
  return (
    <Multiselect
      deselectAriaLabel={(option) => `Remove ${option.label ?? option.value}`}
      selectedOptions={selected}
      onChange={({ detail }) => onChange(detail.selectedOptions)}
      options={options}
      filteringType="auto"
      placeholder="Choose workloads"
      empty="You have no workloads."
      statusType={loading ? 'loading' : 'finished'}
      loadingText="Loading workloads"
      ariaLabel="Workloads"
    />
  );
}

interface PickWorkloadsModalProps extends WorkloadsMultiselectProps {
  visible: boolean;
  header: string;
  submitText: string;
  /** What is done to the picked workloads; its failure is shown last in the dialog. */
  action: Action<[]>;
  /** Which workloads are offered, and what is done to them. */
  description: string;
  errorText?: string;
  onDismiss(): void;
  /** The action's other fields, after the workloads. */
  children?: ReactNode;
}

/** A dialog that does one thing to several workloads the user picks (add a profile, apply a template); nothing picked, nothing to submit. */
export function PickWorkloadsModal({ visible, header, submitText, action, description, errorText, onDismiss, children, ...picker }: PickWorkloadsModalProps) {
  return (
    <Modal
      visible={visible}
      header={header}
      onDismiss={onDismiss}
      footer={<ModalFooter submitText={submitText} running={action.running} disabled={picker.selected.length === 0} onSubmit={() => action.run()} onCancel={onDismiss} />}
    >
      <SpaceBetween size="m">
        <FormField label="Workloads" description={description} errorText={errorText}>
          <WorkloadsMultiselect {...picker} />
        </FormField>
        {children}
        <ErrorAlert error={action.error} />
      </SpaceBetween>
    </Modal>
  );
}
