import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';

interface WorkloadsMultiselectProps {
  /** The workloads that can be picked (value: WorkloadId). */
  options: MultiselectProps.Options;
  selected: readonly MultiselectProps.Option[];
  onChange(selected: readonly MultiselectProps.Option[]): void;
  /** The workloads are still being read. */
  loading: boolean;
}

/** Picks several of the account's workloads by name, with a filter (adding a profile, applying a template). */
export function WorkloadsMultiselect({ options, selected, onChange, loading }: WorkloadsMultiselectProps) {
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
