import { UpdateReviewTemplateCommand, type ReviewTemplate } from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { describeError } from '../commons/error-alert';
import { FormActions } from '../commons/form-actions';
import { formatTime } from '../commons/format';
import { memberErrors } from '../commons/member-errors';
import { useAction } from '../commons/use-action';
import { UpdateStatus } from '../review-templates/config';
import { useLensChoices } from './hooks';
import { TemplateFields, type TemplateDraft } from './template-fields';

/** A template's properties, and for its owner an edit form (name, description, notes, lenses added or removed). */
export function TemplateProperties({ template, editable, onSaved }: { template: ReviewTemplate; editable: boolean; onSaved(): void }) {
  const wa = useWellArchitected();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<TemplateDraft>({ name: '', description: '', lensKeys: [], notes: '' });
  const { name, description, lensKeys, notes } = draft;
  const lenses = useLensChoices();
  const start = () => {
    setDraft({ name: template.TemplateName ?? '', description: template.Description ?? '', lensKeys: template.Lenses ?? [], notes: template.Notes ?? '' });
    setEditing(true);
  };
  const save = useAction(async () => {
    const before = template.Lenses ?? [];
    const add = lensKeys.filter((l) => !before.includes(l));
    const drop = before.filter((l) => !lensKeys.includes(l));
    await wa.send(
      new UpdateReviewTemplateCommand({
        TemplateArn: template.TemplateArn!,
        TemplateName: name,
        Description: description,
        Notes: notes,
        LensesToAssociate: add.length ? add : undefined,
        LensesToDisassociate: drop.length ? drop : undefined,
      }),
    );
    setEditing(false);
    onSaved();
  }, 'Template properties saved.');
  const fields = memberErrors(save.error, 'TemplateName');
  const counts = template.QuestionCounts ?? {};
  if (!editing) {
    return (
      <Container header={<Header variant="h2" actions={editable && <Button onClick={start}>Edit</Button>}>Template properties</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Name', value: template.TemplateName },
            { label: 'Description', value: template.Description },
            { label: 'Lenses', value: (template.Lenses ?? []).join(', ') },
            { label: 'Questions answered', value: `${counts.ANSWERED ?? 0} of ${(counts.ANSWERED ?? 0) + (counts.UNANSWERED ?? 0)}` },
            { label: 'Update status', value: <UpdateStatus status={template.UpdateStatus} /> },
            { label: 'Owner', value: template.Owner },
            { label: 'Last updated', value: formatTime(template.UpdatedAt) },
            { label: 'ARN', value: template.TemplateArn },
            { label: 'Tags', value: template.Tags && Object.keys(template.Tags).length ? Object.entries(template.Tags).map(([k, v]) => `${k}=${v}`).join(', ') : '-' },
            { label: 'Notes', value: template.Notes || '-' },
          ]}
        />
      </Container>
    );
  }
  return (
    <Form
      errorText={save.error ? describeError(save.error).message : undefined}
      actions={
        <FormActions submitText="Save changes" running={save.running} onSubmit={() => save.run()} onCancel={() => setEditing(false)} />
      }
    >
      <TemplateFields mode="edit" value={draft} onChange={setDraft} lenses={lenses} fields={fields} />
    </Form>
  );
}
