import type { LensSummary } from '@aws-sdk/client-wellarchitected';
import FormField from '@cloudscape-design/components/form-field';
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
  lensesDescription: string;
  lensesError: string | undefined;
  notesDescription?: string;
}

/** A review template's name, description, lenses and notes, as created and as edited. */
export function TemplateFields({ value, onChange, lenses, fields, lensesDescription, lensesError, notesDescription }: TemplateFieldsProps) {
  const set = <K extends keyof TemplateDraft>(key: K, v: TemplateDraft[K]) => onChange({ ...value, [key]: v });
  return (
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
  );
}
