import { CreateMilestoneCommand } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert } from '../commons/error-alert';
import { memberErrors } from '../commons/member-errors';
import { ModalFooter } from '../commons/modal-footer';
import { lengthProblem } from '../commons/plain-words';
import { NOT_ONLY_SPACES } from '../commons/workload-properties';
import { useAction } from '../commons/use-action';

/** Checks of "Saving a milestone" before asking the API (which checks them again). */
function nameProblem(name: string): string | undefined {
  const problem = lengthProblem(name, 3, 100, 'a milestone name');
  if (problem) return problem;
  return name.replace(/\s+/g, '').length < 3 ? NOT_ONLY_SPACES : undefined;
}

interface Props {
  workloadId: string;
  visible: boolean;
  onClose(): void;
  onSaved(): void;
}

/** "Save milestone": records the workload's current state under a name unique in the workload. */
export function SaveMilestoneModal({ workloadId, visible, onClose, onSaved }: Props) {
  const wa = useWellArchitected();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const save = useAction(
    () => wa.send(new CreateMilestoneCommand({ WorkloadId: workloadId, MilestoneName: name })),
    (out) => `Milestone ${name} saved (number ${out.MilestoneNumber}).`,
  );
  const apiProblems = memberErrors(save.error, 'MilestoneName');
  const fieldError = problem ?? apiProblems.MilestoneName;
  const otherError = save.error && !apiProblems.MilestoneName ? save.error : undefined;
  const close = () => {
    save.clearError();
    setProblem(undefined);
    onClose();
  };
  const submit = async () => {
    const p = nameProblem(name);
    setProblem(p);
    if (p) return;
    if (await save.run()) {
      setName('');
      onSaved();
    }
  };
  return (
    <Modal
      visible={visible}
      onDismiss={close}
      header="Save milestone"
      footer={<ModalFooter submitText="Save" running={save.running} onSubmit={submit} onCancel={close} cancelDisabled={save.running} />}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Form>
          <SpaceBetween size="m">
            <Box>A milestone records the current state of the workload. Once saved, the data it recorded cannot be changed.</Box>
            <FormField
              label="Milestone name"
              constraintText="Between 3 and 100 characters, at least 3 of them not spaces. Unique in this workload, ignoring spaces and capitalization."
              errorText={fieldError}
            >
              <Input
                value={name}
                onChange={(e) => {
                  setName(e.detail.value);
                  setProblem(undefined);
                  save.clearError();
                }}
                placeholder="Version 1.0 - initial review"
                autoFocus
              />
            </FormField>
            <ErrorAlert error={otherError} />
          </SpaceBetween>
        </Form>
      </form>
    </Modal>
  );
}
