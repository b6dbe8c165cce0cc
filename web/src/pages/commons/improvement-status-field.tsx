import FormField from '@cloudscape-design/components/form-field';
import Select from '@cloudscape-design/components/select';
import { IMPROVEMENT_STATUSES } from './improvement-status';

type Status = (typeof IMPROVEMENT_STATUSES)[number]['value'];

/** The workload's improvement status, chosen from the user guide's list (overview and properties forms). */
export function ImprovementStatusField({ value, onChange, errorText }: { value: Status; onChange(value: Status): void; errorText?: string }) {
  return (
    <FormField label="Improvement status" description="Choose the status of your workload improvements." errorText={errorText}>
      <Select selectedOption={IMPROVEMENT_STATUSES.find((s) => s.value === value) ?? null} onChange={(e) => onChange(e.detail.selectedOption.value as Status)} options={[...IMPROVEMENT_STATUSES]} />
    </FormField>
  );
}
