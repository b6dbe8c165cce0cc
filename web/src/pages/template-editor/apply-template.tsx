import FormField from '@cloudscape-design/components/form-field';
import type { MultiselectProps } from '@cloudscape-design/components/multiselect';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { useState } from 'react';
import { usePlumbline } from '../../api/plumbline-client';
import { useAllWorkloads } from '../commons/all-workloads';
import { ErrorAlert } from '../commons/error-alert';
import { memberErrors } from '../commons/member-errors';
import { useSession } from '../commons/session-context';
import { useAction } from '../commons/use-action';
import { PickWorkloadsModal } from '../commons/workloads-multiselect';

interface ApplyResult {
  WorkloadId: string;
  LensesAdded: string[];
  AnswersUpdated: number;
}

const MAX_WORKLOADS = 100;

/**
 * Applies a template to existing workloads of the account (ApplyReviewTemplate,
 * all or nothing): its lenses are added, and its answers and notes written, either over
 * the workloads' own (Overwrite) or only where they have none (Fill).
 */
export function ApplyTemplateModal({ templateArn, templateName, visible, onDismiss }: { templateArn: string; templateName: string; visible: boolean; onDismiss(): void }) {
  const plumbline = usePlumbline();
  const { session } = useSession();
  const workloads = useAllWorkloads();
  const [picked, setPicked] = useState<readonly MultiselectProps.Option[]>([]);
  const [mode, setMode] = useState<'FILL' | 'OVERWRITE'>('FILL');
  const apply = useAction(
    async () => {
      const out = (await plumbline('ApplyReviewTemplate', { TemplateArn: templateArn, WorkloadIds: picked.map((o) => o.value), Mode: mode })) as { Results: ApplyResult[] };
      setPicked([]);
      onDismiss();
      return out.Results;
    },
    (results: ApplyResult[]) => {
      const answers = results.reduce((n, r) => n + r.AnswersUpdated, 0);
      const lenses = results.reduce((n, r) => n + r.LensesAdded.length, 0);
      return `${templateName} was applied to ${results.length} workload${results.length === 1 ? '' : 's'}: ${answers} answer${answers === 1 ? '' : 's'} written, ${lenses} lens${lenses === 1 ? '' : 'es'} added.`;
    },
  );
  const options = (workloads.data ?? []).filter((w) => w.Owner === session.accountId).map((w) => ({ value: w.WorkloadId!, label: w.WorkloadName, description: (w.Lenses ?? []).join(', ') }));
  const fields = memberErrors(apply.error);
  return (
    <PickWorkloadsModal
      visible={visible}
      header={`Apply ${templateName} to existing workloads`}
      submitText="Apply template"
      action={apply}
      description={`Your workloads, up to ${MAX_WORKLOADS} at a time. The template's lenses are added to them.`}
      errorText={fields.WorkloadIds}
      options={options}
      selected={picked}
      onChange={setPicked}
      loading={workloads.loading}
      onDismiss={onDismiss}
    >
      <FormField label="Answers already given" errorText={fields.Mode}>
        <RadioGroup
          value={mode}
          onChange={({ detail }) => setMode(detail.value as 'FILL' | 'OVERWRITE')}
          items={[
            { value: 'FILL', label: 'Keep them', description: "Write the template's answers and notes only where the workload has none." },
            { value: 'OVERWRITE', label: 'Replace them', description: "Replace the workload's answers and notes wherever the template has one." },
          ]}
        />
      </FormField>
      <ErrorAlert error={workloads.error} />
    </PickWorkloadsModal>
  );
}
