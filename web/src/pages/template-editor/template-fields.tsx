import type { LensSummary } from '@aws-sdk/client-wellarchitected';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { charactersRemaining, NOTES_MAX } from '../commons/characters-remaining';
import { ErrorAlert } from '../commons/error-alert';
import type { Loaded } from '../commons/use-load';
import { LensMultiselect } from './lens-multiselect';

/** What the create and edit forms of a review template change. */
export interface TemplateDraft {
  name: string;
  description: string;
  lensKeys: string[];
  notes: string;
}

interface TemplateFieldsProps {
  value: TemplateDraft;
  onChange(value: TemplateDraft): void;
  /** The lenses a template may use (useLensChoices). */
  lenses: Loaded<LensSummary[]>;
  /** The API's complaints by member (memberErrors). */
  fields: Record<string, string | undefined>;
  /** Creating and editing say different things about lenses and notes, and name the lens members differently. */
  mode: 'create' | 'edit';
}

const MODES = {
  create: {
    header: 'Template properties',
    lensesDescription: 'The lenses whose questions the template answers; 1 to 10.',
    lensMembers: ['Lenses'],
    notesDescription: 'Template notes, copied to the workloads the template is applied to.',
  },
  edit: {
    header: 'Edit template properties',
    lensesDescription: 'Removing a lens removes its answers from the template.',
    lensMembers: ['LensesToAssociate', 'LensesToDisassociate'],
    notesDescription: undefined,
  },
};

/** A review template's name, description, lenses and notes in their container, as created and as edited. */
export function TemplateFields({ value, onChange, lenses, fields, mode }: TemplateFieldsProps) {
  const { header, lensesDescription, lensMembers, notesDescription } = MODES[mode];
  const lensesError = lensMembers.map((member) => fields[member]).find(Boolean);
  const set = <K extends keyof TemplateDraft>(key: K, v: TemplateDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <Container header={<Header variant="h2">{header}</Header>}>
      <SpaceBetween size="m">
        <FormField label="Name" constraintText="3 to 100 characters: letters, digits, spaces and - _ . , : / ( ) @ ! & ? # + '" errorText={fields.TemplateName}>
          <Input value={value.name} onChange={({ detail }) => set('name', detail.value)} ariaLabel="Name" />
        </FormField>
        <FormField label="Description" constraintText="3 to 250 characters." errorText={fields.Description}>
          <Textarea value={value.description} onChange={({ detail }) => set('description', detail.value)} rows={2} ariaLabel="Description" />
        </FormField>
        <FormField label="Lenses" description={lensesDescription} errorText={lensesError}>
          <LensMultiselect lenses={lenses.data ?? []} loading={lenses.loading} value={value.lensKeys} onChange={(keys) => set('lensKeys', keys)} />
        </FormField>
        <ErrorAlert error={lenses.error} />
        <FormField label="Notes" description={notesDescription} constraintText={charactersRemaining(value.notes, NOTES_MAX).text} errorText={fields.Notes}>
          <Textarea value={value.notes} onChange={({ detail }) => set('notes', detail.value)} rows={3} ariaLabel="Notes" />
        </FormField>
      </SpaceBetween>
    </Container>
  );
}
