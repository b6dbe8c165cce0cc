import Autosuggest from '@cloudscape-design/components/autosuggest';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import type { ReactNode } from 'react';
import { AWS_REGIONS, INDUSTRY_TYPES } from './aws-regions';
import { TagsField } from './tags-field';
import type { FormErrors, WorkloadFormState, WorkloadTag } from './workload-properties';

type TextKey = 'WorkloadName' | 'ReviewOwner' | 'NonAwsRegions' | 'AccountIds' | 'ArchitecturalDesign' | 'Industry' | 'Applications';

/** "Industry - optional". */
const optional = (label: string) => (
  <>
    {label} <i>- optional</i>
  </>
);

interface Props {
  value: WorkloadFormState;
  onChange(next: WorkloadFormState): void;
  errors: FormErrors;
  /** The name is set when the workload is defined and may be changed when editing. */
  headerText?: string;
}

/**
 * The workload properties of "Defining a workload", field by field, as used by the
 * define wizard's first step and the Properties tab's edit form. Each field shows the
 * error of its request member.
 */
export function WorkloadPropertiesForm({ value, onChange, errors, headerText = 'Workload properties' }: Props) {
  const set = <K extends keyof WorkloadFormState>(key: K, v: WorkloadFormState[K]) => onChange({ ...value, [key]: v });
  /** A one-line text field for `key`, showing the error of the request member of the same name. */
  const textField = (key: TextKey, label: ReactNode, field: { constraintText?: string; description?: string; placeholder?: string; type?: InputProps.Type } = {}) => (
    <FormField label={label} description={field.description} constraintText={field.constraintText} errorText={errors[key]}>
      <Input value={value[key]} onChange={(e) => set(key, e.detail.value)} placeholder={field.placeholder} type={field.type} />
    </FormField>
  );
  const selectedRegions = value.AwsRegions.map((code) => AWS_REGIONS.find((r) => r.value === code) ?? { value: code, label: code });
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">{headerText}</Header>}>
        <SpaceBetween size="l">
          {textField('WorkloadName', 'Name', { constraintText: 'Between 3 and 100 characters, at least 3 of them not spaces. Unique in your account, ignoring spaces and capitalization.', placeholder: 'Retail Website - North America' })}
          <FormField label="Description" constraintText="Between 3 and 250 characters." errorText={errors.Description}>
            <Textarea value={value.Description} onChange={(e) => set('Description', e.detail.value)} rows={3} />
          </FormField>
          {textField('ReviewOwner', 'Review owner', { description: 'The name, email address or identifier of the group or person that owns the review process.', constraintText: 'Between 3 and 255 characters.' })}
          <FormField label="Environment" errorText={errors.Environment}>
            <RadioGroup
              value={value.Environment || null}
              onChange={(e) => set('Environment', e.detail.value)}
              items={[
                { value: 'PRODUCTION', label: 'Production', description: 'Workload runs in a production environment.' },
                { value: 'PREPRODUCTION', label: 'Pre-production', description: 'Workload runs in a pre-production environment.' },
              ]}
            />
          </FormField>
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2" description="Where the workload runs: AWS Regions, other regions, or both.">Regions</Header>}>
        <ColumnLayout columns={2}>
          <FormField label="AWS Regions" errorText={errors.AwsRegions}>
            <Multiselect
              deselectAriaLabel={(option) => `Remove ${option.label ?? option.value}`}
              selectedOptions={selectedRegions}
              onChange={(e) => set('AwsRegions', e.detail.selectedOptions.map((o) => o.value as string))}
              options={AWS_REGIONS.map((r) => ({ ...r, description: r.value }))}
              placeholder="Choose Regions"
              filteringType="auto"
              keepOpen
            />
          </FormField>
          {textField('NonAwsRegions', 'Non-AWS regions', { constraintText: 'Up to five unique names, separated by commas, each 3 to 25 characters.', placeholder: 'Local data center' })}
        </ColumnLayout>
      </Container>
      <Container header={<Header variant="h2">Optional details</Header>}>
        <SpaceBetween size="l">
          {textField('AccountIds', optional('Account IDs'), { constraintText: 'Up to 100 unique 12-digit AWS account IDs, separated by commas.' })}
          {textField('ArchitecturalDesign', optional('Architectural design'), { constraintText: 'The URL of your architectural design.', type: 'url', placeholder: 'https://' })}
          <ColumnLayout columns={2}>
            <FormField label={optional('Industry type')} errorText={errors.IndustryType}>
              <Autosuggest
                value={value.IndustryType}
                onChange={(e) => set('IndustryType', e.detail.value)}
                options={INDUSTRY_TYPES.map((t) => ({ value: t }))}
                enteredTextLabel={(text) => `Use "${text}"`}
                placeholder="Choose an industry type"
              />
            </FormField>
            {textField('Industry', optional('Industry'))}
          </ColumnLayout>
          {textField('Applications', optional('Application'), { description: 'The ARN of the AWS Service Catalog AppRegistry application of this workload.' })}
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2" description="A tag is a label you assign to the workload: a key and an optional value.">Tags</Header>}>
        <FormField errorText={errors.Tags} stretch>
          <TagsField tags={value.Tags} onChange={(tags) => set('Tags', tags.map((t) => ({ ...t, markedForRemoval: !!t.markedForRemoval })) as WorkloadTag[])} />
        </FormField>
      </Container>
    </SpaceBetween>
  );
}
