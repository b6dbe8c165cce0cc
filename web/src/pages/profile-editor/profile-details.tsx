import { DeleteProfileCommand, UpdateProfileCommand } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert, describeError } from '../commons/error-alert';
import { formatTime, segment } from '../commons/format';
import { memberErrors } from '../commons/member-errors';
import { Page } from '../commons/page';
import { sharesTab } from '../commons/resource-shares';
import { useSession } from '../commons/session-context';
import { useProfileShareCalls } from '../commons/share-calls';
import { useAction } from '../commons/use-action';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { DeleteProfileModal, PROFILES_CRUMB } from '../profiles/config';
import { useProfile } from './hooks';
import { ProfileQuestions, profileQuestionsOf, questionErrors, type Selections } from './profile-questions';
import { ProfileWorkloads } from './profile-workloads';

const selectionsOf = (questions: { QuestionId?: string; SelectedChoiceIds?: string[] }[] = []): Selections =>
  Object.fromEntries(questions.map((q) => [q.QuestionId!, q.SelectedChoiceIds ?? []]));

/** One profile: its answers by version (the latest editable by the owner), its workloads and its shares. */
export function ProfileDetails({ profileArn }: { profileArn: string }) {
  const wa = useWellArchitected();
  const navigate = useNavigate();
  const { session } = useSession();
  const shareCalls = useProfileShareCalls(profileArn);
  const [version, setVersion] = useState<string>();
  const latest = useProfile(profileArn, undefined);
  const viewed = useProfile(profileArn, version);
  const profile = latest.data;
  const shown = version ? viewed.data : profile;
  const owner = profile?.Owner === session.accountId;
  const editable = owner && (!version || version === profile?.ProfileVersion);

  const [description, setDescription] = useState('');
  const [selections, setSelections] = useState<Selections>({});
  // The form starts from the latest version each time it is (re)loaded.
  useEffect(() => {
    if (!profile) return;
    setDescription(profile.ProfileDescription ?? '');
    setSelections(selectionsOf(profile.ProfileQuestions));
  }, [profile]);

  const questions = shown?.ProfileQuestions ?? [];
  const save = useAction(async () => {
    const out = await wa.send(
      new UpdateProfileCommand({ ProfileArn: profileArn, ProfileDescription: description, ProfileQuestions: profileQuestionsOf(questions, selections) }),
    );
    const before = profile?.ProfileVersion;
    setVersion(undefined);
    latest.reload();
    return out.Profile?.ProfileVersion === before ? `Saved. The answers did not change, so the profile stays on version ${before}.` : `Saved as version ${out.Profile?.ProfileVersion}.`;
  }, (message: string) => message);
  const del = useConfirmDelete(async () => {
    await wa.send(new DeleteProfileCommand({ ProfileArn: profileArn }));
    navigate('/profiles');
  }, `Profile ${profile?.ProfileName ?? ''} was deleted.`);

  if (latest.loading && !profile) return <Spinner size="large" />;
  if (!profile) return <ErrorAlert error={latest.error} />;
  const fields = memberErrors(save.error);
  const byQuestion = questionErrors(save.error, questions.map((q) => q.QuestionId!));
  const latestNumber = Number(profile.ProfileVersion);
  const versionOptions = Array.from({ length: latestNumber }, (_, i) => String(latestNumber - i)).map((v) => ({
    value: v,
    label: v === profile.ProfileVersion ? `Version ${v} (latest)` : `Version ${v}`,
  }));
  const selectedVersion = version ?? profile.ProfileVersion!;

  const details = (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Profile details</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'ARN', value: profile.ProfileArn },
            { label: 'Owner', value: profile.Owner },
            { label: 'Latest version', value: profile.ProfileVersion },
            { label: 'Created', value: formatTime(profile.CreatedAt) },
            { label: 'Last updated', value: formatTime(profile.UpdatedAt) },
            { label: 'Tags', value: profile.Tags && Object.keys(profile.Tags).length ? Object.entries(profile.Tags).map(([k, v]) => `${k}=${v}`).join(', ') : '-' },
          ]}
        />
      </Container>
      <Form
        errorText={save.error ? describeError(save.error).message : undefined}
        actions={
          editable && (
            <Button variant="primary" loading={save.running} onClick={() => void save.run()}>
              Save changes
            </Button>
          )
        }
      >
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">Answers</Header>}>
            <SpaceBetween size="m">
              <FormField label="Version" description="Changing the answers makes a new version; workloads stay on their version until they are upgraded.">
                <Select
                  selectedOption={versionOptions.find((o) => o.value === selectedVersion) ?? null}
                  options={versionOptions}
                  onChange={({ detail }) => setVersion(detail.selectedOption.value === profile.ProfileVersion ? undefined : detail.selectedOption.value)}
                  ariaLabel="Version"
                />
              </FormField>
              {!editable && owner && (
                <Alert type="info">
                  You are viewing version {selectedVersion}, read-only. Choose the latest version ({profile.ProfileVersion}) to change the answers.
                </Alert>
              )}
              {!owner && <Alert type="info">This profile is shared with you by account {profile.Owner}; only its owner can change it.</Alert>}
              <FormField label="Description" constraintText="3 to 100 characters." errorText={fields.ProfileDescription}>
                <Input value={editable ? description : (shown?.ProfileDescription ?? '')} readOnly={!editable} onChange={({ detail }) => setDescription(detail.value)} ariaLabel="Description" />
              </FormField>
            </SpaceBetween>
          </Container>
          <ErrorAlert error={version ? viewed.error : undefined} />
          {version && viewed.loading ? (
            <Spinner size="large" />
          ) : (
            <ProfileQuestions
              questions={questions}
              selections={editable ? selections : selectionsOf(shown?.ProfileQuestions)}
              errors={byQuestion}
              readOnly={!editable}
              onChange={(id, choices) => setSelections((s) => ({ ...s, [id]: choices }))}
            />
          )}
        </SpaceBetween>
      </Form>
    </SpaceBetween>
  );

  return (
    <Page
      breadcrumbs={[PROFILES_CRUMB, { text: profile.ProfileName ?? 'Profile', href: `/profiles/${segment(profileArn)}` }]}
      title={profile.ProfileName}
      description={profile.ProfileDescription}
      actions={owner && <Button onClick={() => del.ask(profile)}>Delete</Button>}
    >
      <Tabs
        tabs={[
          { id: 'profile', label: 'Profile', content: details },
          {
            id: 'workloads',
            label: 'Workloads',
            content: <ProfileWorkloads profileArn={profileArn} profileName={profile.ProfileName!} latestVersion={profile.ProfileVersion!} />,
          },
          ...(owner ? [sharesTab('profile', shareCalls)] : []),
        ]}
      />
      <DeleteProfileModal name={profile.ProfileName} {...del.modal} />
    </Page>
  );
}
