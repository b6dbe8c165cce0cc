import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ErrorAlert } from '../commons/error-alert';
import type { FormErrors } from '../commons/workload-properties';
import { FRAMEWORK_LENS, LensPicker, lensKey, lensPickerHeader, MAX_LENSES } from '../commons/lens-picker';
import type { DefineWorkloadChoices } from './hooks';

export interface LensChoice {
  lenses: string[];
  profileArn: string;
  templateArn: string;
}


interface Props {
  choices: DefineWorkloadChoices | undefined;
  loading: boolean;
  loadError: unknown;
  value: LensChoice;
  onChange(next: LensChoice): void;
  errors: FormErrors;
}

/** Step 2 of "Defining a workload": the lenses (the framework lens always), and optionally a profile and a review template. */
export function LensesStep({ choices, loading, loadError, value, onChange, errors }: Props) {
  const lenses = choices?.lenses ?? [];
  const selected = lenses.filter((l) => lensKey(l) === FRAMEWORK_LENS || value.lenses.includes(lensKey(l)));
  const none = { value: '', label: 'None' };
  const profileOptions = [none, ...(choices?.profiles ?? []).map((p) => ({ value: p.ProfileArn ?? '', label: p.ProfileName, description: p.ProfileDescription }))];
  const templateOptions = [none, ...(choices?.templates ?? []).map((t) => ({ value: t.TemplateArn ?? '', label: t.TemplateName, description: t.Description }))];
  return (
    <SpaceBetween size="l">
      <ErrorAlert error={loadError} />
      <FormField errorText={errors.Lenses} stretch>
        <LensPicker
          lenses={lenses}
          loading={loading}
          selected={value.lenses}
          fixed={[FRAMEWORK_LENS]}
          limit={MAX_LENSES}
          onChange={(next) => onChange({ ...value, lenses: next })}
          header={lensPickerHeader(selected.length, 'The AWS Well-Architected Framework lens is applied to every workload. Up to 20 lenses can be applied.')}
        />
      </FormField>
      {selected.some((l) => l.LensType === 'CUSTOM_SHARED') && (
        <Alert type="info" header="Disclaimer">
          By applying custom lenses created by another account and shared with you, you acknowledge that they are third-party content.
        </Alert>
      )}
      <Container header={<Header variant="h2">Profile and review template</Header>}>
        <SpaceBetween size="l">
          <FormField
            label={<>Profile <i>- optional</i></>}
            description="A profile prioritizes the questions that matter most to your business."
            errorText={errors.ProfileArns}
          >
            <Select
              selectedOption={profileOptions.find((o) => o.value === value.profileArn) ?? none}
              onChange={(e) => onChange({ ...value, profileArn: e.detail.selectedOption.value ?? '' })}
              options={profileOptions}
              statusType={loading ? 'loading' : 'finished'}
              loadingText="Loading profiles"
            />
          </FormField>
          <FormField
            label={<>Review template <i>- optional</i></>}
            description="A review template fills in answers and notes, and adds its lenses."
            errorText={errors.ReviewTemplateArns}
          >
            <Select
              selectedOption={templateOptions.find((o) => o.value === value.templateArn) ?? none}
              onChange={(e) => onChange({ ...value, templateArn: e.detail.selectedOption.value ?? '' })}
              options={templateOptions}
              statusType={loading ? 'loading' : 'finished'}
              loadingText="Loading review templates"
            />
          </FormField>
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}
