import { CreateLensVersionCommand } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { useEffect, useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert, fieldErrors } from '../commons/error-alert';
import { useAction } from '../commons/use-action';
import type { CustomLensRow } from '../custom-lenses/hooks';
import { DraftChanges } from './draft-changes';
import { useDraftDifference } from './hooks';

type Step = 'review' | 'type' | 'name';
const VERSION_NAME = /^[A-Za-z0-9.]{1,32}$/;

/**
 * "Publishing a custom lens": a first version needs only its name; an update is
 * reviewed (Review changes), typed as major or minor, then named.
 */
export function PublishModal({ lens, visible, onDismiss, onPublished }: { lens: CustomLensRow; visible: boolean; onDismiss(): void; onPublished(): void }) {
  const wa = useWellArchitected();
  const update = !!lens.version;
  const steps: Step[] = update ? ['review', 'type', 'name'] : ['name'];
  const [step, setStep] = useState(0);
  const [major, setMajor] = useState(false);
  const [name, setName] = useState('');
  const [nameProblem, setNameProblem] = useState<string>();
  const difference = useDraftDifference(lens.arn, visible);
  const publish = useAction(async () => {
    await wa.send(new CreateLensVersionCommand({ LensAlias: lens.arn, LensVersion: name.trim(), IsMajorVersion: update ? major : true }));
    onPublished();
  }, `Version ${name.trim()} of ${lens.name} was published.`);
  // Each opening starts a new version from the first step.
  const { clearError } = publish;
  useEffect(() => {
    if (!visible) return;
    setStep(0);
    setName('');
    setMajor(false);
    setNameProblem(undefined);
    clearError();
  }, [visible, clearError]);
  const submit = () => {
    if (!VERSION_NAME.test(name.trim())) {
      setNameProblem('Enter 1 to 32 characters, each a letter, a digit or a period (.).');
      return;
    }
    setNameProblem(undefined);
    void publish.run();
  };
  const current = steps[step];
  const errors = fieldErrors(publish.error);
  const conflict = (publish.error as { name?: string })?.name === 'ConflictException' ? (publish.error as Error).message : undefined;
  const nameError = nameProblem ?? errors.LensVersion ?? conflict;
  const changes = (
    <>
      {difference.loading && !difference.data && <Spinner />}
      <ErrorAlert error={difference.error} />
      {difference.data && <DraftChanges difference={difference.data} />}
    </>
  );
  return (
    <Modal
      visible={visible}
      size="large"
      header={`Publish ${lens.name}${steps.length > 1 ? ` — step ${step + 1} of ${steps.length}` : ''}`}
      onDismiss={onDismiss}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss} disabled={publish.running}>
              Cancel
            </Button>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>Previous</Button>}
            {current === 'name' ? (
              <Button variant="primary" loading={publish.running} onClick={submit}>
                Publish custom lens
              </Button>
            ) : (
              <Button variant="primary" onClick={() => setStep(step + 1)}>
                Next
              </Button>
            )}
          </SpaceBetween>
        </Box>
      }
    >
      {current === 'review' && (
        <SpaceBetween size="m">
          <Box variant="h3">Review changes before publishing</Box>
          <Box>Check that the draft changes what you meant: the lens name, the pillar names and the new, updated and deleted questions.</Box>
          {changes}
        </SpaceBetween>
      )}
      {current === 'type' && (
        <FormField label="Type of version change">
          <RadioGroup
            ariaLabel="Type of version change"
            value={major ? 'major' : 'minor'}
            onChange={({ detail }) => setMajor(detail.value === 'major')}
            items={[
              {
                value: 'major',
                label: 'Major version',
                description:
                  'Substantial changes that affect what the lens means. Workloads using the lens are told a new version is available, and move to it only when upgraded.',
              },
              {
                value: 'minor',
                label: 'Minor version',
                description: 'Small changes, such as wording or links. Workloads using the lens move to it at once, without a notification.',
              },
            ]}
          />
        </FormField>
      )}
      {current === 'name' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <SpaceBetween size="m">
            {!update && (
              <ExpandableSection headerText="Review changes" variant="footer">
                {changes}
              </ExpandableSection>
            )}
            <FormField
              label="Version name"
              description="A unique name for this version, such as 1.0 or 2024.1."
              constraintText="Up to 32 characters: letters, digits and periods (.)."
              errorText={nameError}
            >
              <Input value={name} onChange={({ detail }) => setName(detail.value)} ariaLabel="Version name" placeholder="1.0" autoFocus />
            </FormField>
            {update && (
              <Alert type="info">
                Publishing a {major ? 'major' : 'minor'} version.{' '}
                {major ? 'Workloads using the lens are notified and can upgrade.' : 'Workloads using the lens move to it at once.'}
              </Alert>
            )}
            {!nameError && <ErrorAlert error={publish.error} />}
          </SpaceBetween>
        </form>
      )}
    </Modal>
  );
}
