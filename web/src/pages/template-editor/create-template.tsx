import { CreateReviewTemplateCommand } from '@aws-sdk/client-wellarchitected';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TagEditorProps } from '@cloudscape-design/components/tag-editor';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { Page } from '../commons/page';
import { TEMPLATES_CRUMB } from '../review-templates/config';
import { describeError } from '../commons/error-alert';
import { FormActions } from '../commons/form-actions';
import { segment } from '../commons/format';
import { memberErrors } from '../commons/member-errors';
import { TagsContainer, tagsOf } from '../commons/tags-field';
import { useAction } from '../commons/use-action';
import { useLensChoices } from './hooks';
import { TemplateFields, type TemplateDraft } from './template-fields';

/** Create review template: name, description, lenses, notes and tags; answers are given after, like a review. */
export function CreateTemplate() {
  const wa = useWellArchitected();
  const navigate = useNavigate();
  const lenses = useLensChoices();
  const [draft, setDraft] = useState<TemplateDraft>({ name: '', description: '', lensKeys: ['wellarchitected'], notes: '' });
  const { name, description, lensKeys, notes } = draft;
  const [tags, setTags] = useState<readonly TagEditorProps.Tag[]>([]);
  const create = useAction(async () => {
    const out = await wa.send(
      new CreateReviewTemplateCommand({ TemplateName: name, Description: description, Lenses: lensKeys, Notes: notes || undefined, Tags: tagsOf(tags) }),
    );
    navigate(`/templates/${segment(out.TemplateArn!)}`);
  }, `Review template ${name} was created. Answer its questions next.`);
  const fields = memberErrors(create.error, 'TemplateName');
  return (
    <Page breadcrumbs={[TEMPLATES_CRUMB, { text: 'Create template', href: '/templates/new' }]}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Form
          header={<Header variant="h1">Create review template</Header>}
          errorText={create.error ? describeError(create.error).message : undefined}
          actions={
            <FormActions
              submitText="Create template"
              running={create.running}
              onSubmit={() => create.run()}
              onCancel={() => navigate('/templates')}
            />
          }
        >
          <SpaceBetween size="l">
            <TemplateFields mode="create" value={draft} onChange={setDraft} lenses={lenses} fields={fields} />
            <TagsContainer description="Optional key-value pairs to organize your templates." errorText={fields.Tags} tags={tags} onChange={setTags} />
          </SpaceBetween>
        </Form>
      </form>
    </Page>
  );
}
