import type { LensSummary } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { ErrorAlert } from '../commons/error-alert';
import type { FormErrors } from '../commons/workload-properties';
import { FRAMEWORK_LENS, lensKey, type DefineWorkloadChoices } from './hooks';

export interface LensChoice {
  lenses: string[];
  profileArn: string;
  templateArn: string;
}

const LENS_TYPES: Record<string, string> = { AWS_OFFICIAL: 'AWS', CUSTOM_SELF: 'Custom (mine)', CUSTOM_SHARED: 'Custom (shared with me)' };
const MAX_LENSES = 20;

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
        <Table<LensSummary>
          header={
            <Header
              variant="h2"
              counter={`(${selected.length}/${MAX_LENSES})`}
              description="The AWS Well-Architected Framework lens is applied to every workload. Up to 20 lenses can be applied."
            >
              Lenses
            </Header>
          }
          items={lenses}
          loading={loading}
          loadingText="Loading lenses"
          selectionType="multi"
          selectedItems={selected}
          isItemDisabled={(l) => lensKey(l) === FRAMEWORK_LENS || (selected.length >= MAX_LENSES && !selected.includes(l))}
          onSelectionChange={(e) => onChange({ ...value, lenses: e.detail.selectedItems.map(lensKey).filter((k) => k !== FRAMEWORK_LENS) })}
          trackBy={(l) => lensKey(l)}
          ariaLabels={{
            itemSelectionLabel: (_s, l) => `Apply ${l.LensName}`,
            allItemsSelectionLabel: () => 'Apply all lenses',
            selectionGroupLabel: 'Lens selection',
          }}
          columnDefinitions={[
            { id: 'name', header: 'Name', cell: (l) => l.LensName, isRowHeader: true, width: 220 },
            { id: 'description', header: 'Description', cell: (l) => l.Description ?? '-' },
            { id: 'type', header: 'Type', cell: (l) => LENS_TYPES[l.LensType ?? ''] ?? l.LensType, width: 180 },
            { id: 'owner', header: 'Owner', cell: (l) => l.Owner ?? '-', width: 150 },
          ]}
          empty={<Box textAlign="center">No lenses available</Box>}
          wrapLines
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
