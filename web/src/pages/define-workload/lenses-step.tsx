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

/** The step's two optional choices, each one a select of the account's resources or None. */
const OPTIONAL_CHOICES = [
  {
    field: 'profileArn',
    label: 'Profile',
    description: 'A profile prioritizes the questions that matter most to your business.',
    member: 'ProfileArns',
    loadingText: 'Loading profiles',
  },
  {
    field: 'templateArn',
    label: 'Review template',
    description: 'A review template fills in answers and notes, and adds its lenses.',
    member: 'ReviewTemplateArns',
    loadingText: 'Loading review templates',
  },
] as const;

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
  const options = {
    profileArn: [none, ...(choices?.profiles ?? []).map((p) => ({ value: p.ProfileArn ?? '', label: p.ProfileName, description: p.ProfileDescription }))],
    templateArn: [none, ...(choices?.templates ?? []).map((t) => ({ value: t.TemplateArn ?? '', label: t.TemplateName, description: t.Description }))],
  };
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
          {OPTIONAL_CHOICES.map((choice) => (
            <FormField key={choice.field} label={<>{choice.label} <i>- optional</i></>} description={choice.description} errorText={errors[choice.member]}>
              <Select
                selectedOption={options[choice.field].find((o) => o.value === value[choice.field]) ?? none}
                onChange={(e) => onChange({ ...value, [choice.field]: e.detail.selectedOption.value ?? '' })}
                options={options[choice.field]}
                statusType={loading ? 'loading' : 'finished'}
                loadingText={choice.loadingText}
              />
            </FormField>
          ))}
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}
