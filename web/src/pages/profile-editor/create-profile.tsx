import { CreateProfileCommand } from '@aws-sdk/client-wellarchitected';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import type { TagEditorProps } from '@cloudscape-design/components/tag-editor';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { Page } from '../commons/page';
import { PROFILES_CRUMB } from '../profiles/config';
import { ErrorAlert, describeError } from '../commons/error-alert';
import { FormActions } from '../commons/form-actions';
import { segment } from '../commons/format';
import { memberErrors } from '../commons/member-errors';
import { TagsContainer, tagsOf } from '../commons/tags-field';
import { useAction } from '../commons/use-action';
import { useProfileTemplate } from './hooks';
import { ProfileQuestions, profileQuestionsOf, questionErrors, type Selections } from './profile-questions';

/** Create profile: name, description, the template's questions answered, tags. */
export function CreateProfile() {
  const wa = useWellArchitected();
  const navigate = useNavigate();
  const template = useProfileTemplate();
  const questions = template.data?.TemplateQuestions ?? [];
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [selections, setSelections] = useState<Selections>({});
  const [tags, setTags] = useState<readonly TagEditorProps.Tag[]>([]);
  const create = useAction(async () => {
    const out = await wa.send(
      new CreateProfileCommand({
        ProfileName: name,
        ProfileDescription: description,
        ProfileQuestions: profileQuestionsOf(questions, selections),
        Tags: tagsOf(tags),
      }),
    );
    navigate(`/profiles/${segment(out.ProfileArn!)}`);
  }, `Profile ${name} was created.`);
  const fields = memberErrors(create.error, 'ProfileName');
  const byQuestion = questionErrors(create.error, questions.map((q) => q.QuestionId!));
  return (
    <Page breadcrumbs={[PROFILES_CRUMB, { text: 'Create profile', href: '/profiles/new' }]}>
      <form onSubmit={(e) => e.preventDefault()}>
        <Form
          header={
            <Header variant="h1" description="Answer the profile template's questions; the answers decide which questions are prioritized in the workloads you add the profile to.">
              Create profile
            </Header>
          }
          errorText={create.error ? describeError(create.error).message : undefined}
          actions={
            <FormActions
              submitText="Create profile"
              running={create.running}
              disabled={!template.data}
              onSubmit={() => create.run()}
              onCancel={() => navigate('/profiles')}
            />
          }
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">Profile properties</Header>}>
              <SpaceBetween size="m">
                <FormField label="Name" constraintText="3 to 100 characters; unique in your account (spaces and case ignored)." errorText={fields.ProfileName}>
                  <Input value={name} onChange={({ detail }) => setName(detail.value)} ariaLabel="Name" />
                </FormField>
                <FormField label="Description" constraintText="3 to 100 characters." errorText={fields.ProfileDescription}>
                  <Input value={description} onChange={({ detail }) => setDescription(detail.value)} ariaLabel="Description" />
                </FormField>
              </SpaceBetween>
            </Container>
            <ErrorAlert error={template.error} />
            {template.loading ? (
              <Spinner size="large" />
            ) : (
              <ProfileQuestions
                questions={questions}
                selections={selections}
                errors={byQuestion}
                onChange={(id, choices) => setSelections((s) => ({ ...s, [id]: choices }))}
              />
            )}
            <TagsContainer description="Optional key-value pairs to organize your profiles." errorText={fields.Tags} tags={tags} onChange={setTags} />
          </SpaceBetween>
        </Form>
      </form>
    </Page>
  );
}
