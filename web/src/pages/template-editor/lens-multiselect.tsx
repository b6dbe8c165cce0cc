import type { LensSummary } from '@aws-sdk/client-wellarchitected';
import Multiselect from '@cloudscape-design/components/multiselect';
import { lensKey } from '../commons/lens-picker';

const TYPE_LABEL: Record<string, string> = { AWS_OFFICIAL: 'AWS official', CUSTOM_SELF: 'Custom lens', CUSTOM_SHARED: 'Shared custom lens' };

/** Lenses by request key (alias or ARN), chosen among the lenses a template may use. */
export function LensMultiselect({
  lenses,
  loading,
  value,
  onChange,
}: {
  lenses: LensSummary[];
  loading: boolean;
  value: string[];
  onChange(keys: string[]): void;
}) {
  const options = lenses.map((l) => ({ value: lensKey(l), label: l.LensName ?? lensKey(l), description: TYPE_LABEL[l.LensType ?? ''] ?? l.LensType, tags: l.LensVersion ? [`Version ${l.LensVersion}`] : undefined }));
  return (
    <Multiselect
      deselectAriaLabel={(option) => `Remove ${option.label ?? option.value}`}
      selectedOptions={value.map((key) => options.find((o) => o.value === key) ?? { value: key, label: key })}
      options={options}
      onChange={({ detail }) => onChange(detail.selectedOptions.map((o) => o.value!))}
      statusType={loading ? 'loading' : 'finished'}
      loadingText="Loading lenses"
      filteringType="auto"
      placeholder="Choose lenses"
      ariaLabel="Lenses"
    />
  );
}
