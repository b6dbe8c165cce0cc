import { UpdateWorkloadCommand, type LensReviewSummary, type Workload } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useWellArchitected } from '../../api/client';
import { charactersRemaining, NOTES_MAX } from '../commons/characters-remaining';
import { ErrorAlert } from '../commons/error-alert';
import { improvementStatusLabel } from '../commons/improvement-status';
import { ImprovementStatusField } from '../commons/improvement-status-field';
import { memberErrors } from '../commons/member-errors';
import { ModalFooter } from '../commons/modal-footer';
import { answeredOfTotal, questionsAnswered, riskCount, RiskCountValue } from '../commons/risk-counts';
import { usePermissions } from '../commons/permissions';
import { useAction } from '../commons/use-action';
import type { Loaded } from '../commons/use-load';
import { reviewAlias, useReviewTarget } from './hooks';
import { WorkloadLensesTable } from './lenses-table';

const FRAMEWORK = 'wellarchitected';

interface Props {
  workload: Workload;
  lenses: Loaded<LensReviewSummary[]>;
  owner: boolean;
  onChanged(): void;
  onSaveMilestone(): void;
}

/** The state and notes, edited together as the guide's Workload overview "Edit" does. */
function EditOverviewModal({ workload, visible, onClose, onSaved }: { workload: Workload; visible: boolean; onClose(): void; onSaved(): void }) {
  const wa = useWellArchitected();
  const [status, setStatus] = useState(workload.ImprovementStatus ?? 'NOT_APPLICABLE');
  const [notes, setNotes] = useState(workload.Notes ?? '');
  const save = useAction(
    () => wa.send(new UpdateWorkloadCommand({ WorkloadId: workload.WorkloadId!, ImprovementStatus: status, Notes: notes })),
    'Workload overview saved.',
  );
  const problems = memberErrors(save.error);
  const remaining = charactersRemaining(notes, NOTES_MAX);
  return (
    <Modal
      visible={visible}
      onDismiss={onClose}
      header="Edit workload overview"
      footer={
        <ModalFooter
          submitText="Save"
          running={save.running}
          disabled={remaining.over}
          onSubmit={async () => (await save.run()) && onSaved()}
          onCancel={onClose}
        />
      }
    >
      <SpaceBetween size="m">
        <ImprovementStatusField value={status} onChange={setStatus} errorText={problems.ImprovementStatus} />
        <FormField
          label="Workload notes"
          constraintText={remaining.over ? undefined : remaining.text}
          errorText={problems.Notes ?? (remaining.over ? remaining.text : undefined)}
        >
          <Textarea value={notes} onChange={(e) => setNotes(e.detail.value)} rows={6} />
        </FormField>
        {Object.keys(problems).length === 0 && <ErrorAlert error={save.error} />}
      </SpaceBetween>
    </Modal>
  );
}

/** The Overview tab: the reminder while questions are unanswered, the overall state, notes and the lenses. */
export function OverviewTab({ workload, lenses, owner, onChanged, onSaveMilestone }: Props) {
  const navigate = useNavigate();
  const reviewTarget = useReviewTarget();
  const [editing, setEditing] = useState(false);
  const can = usePermissions(['UpdateWorkload', 'CreateMilestone'], { WorkloadId: workload.WorkloadId });
  const [going, setGoing] = useState<string>();
  const [goError, setGoError] = useState<unknown>();
  const workloadId = workload.WorkloadId!;
  const counts = workload.RiskCounts;
  const unanswered = riskCount(counts, 'UNANSWERED');
  const started = questionsAnswered(counts) > 0;
  const reviewLabel = started ? 'Continue reviewing' : 'Start reviewing';

  const goReview = async (alias: string) => {
    setGoing(alias);
    setGoError(undefined);
    try {
      navigate(await reviewTarget(workloadId, alias));
    } catch (e) {
      setGoError(e);
      setGoing(undefined);
    }
  };
  const others = (lenses.data ?? []).filter((l) => reviewAlias(l) !== FRAMEWORK);
  const reviewButton = others.length ? (
    <ButtonDropdown
      variant="primary"
      loading={going !== undefined}
      mainAction={{ text: reviewLabel, onClick: () => goReview(FRAMEWORK) }}
      items={others.map((l) => ({ id: reviewAlias(l), text: `${reviewLabel}: ${l.LensName}` }))}
      onItemClick={(e) => goReview(e.detail.id)}
      ariaLabel="Review another lens"
    />
  ) : (
    <Button variant="primary" loading={going !== undefined} onClick={() => goReview(FRAMEWORK)}>
      {reviewLabel}
    </Button>
  );

  return (
    <SpaceBetween size="l">
      {unanswered > 0 && (
        <Alert type="info" header={started ? 'Continue documenting your workload' : 'Start documenting your workload'} action={reviewButton}>
          {unanswered} {unanswered === 1 ? 'question is' : 'questions are'} not answered yet. Answer them to see all the risks of this workload and its improvement plan.
        </Alert>
      )}
      <ErrorAlert error={goError} onDismiss={() => setGoError(undefined)} />
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {owner && (
                  <Button disabled={!can.UpdateWorkload.allowed} disabledReason={can.UpdateWorkload.reason} onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                )}
                {owner && (
                  <Button disabled={!can.CreateMilestone.allowed} disabledReason={can.CreateMilestone.reason} onClick={onSaveMilestone}>
                    Save milestone
                  </Button>
                )}
                {unanswered === 0 && reviewButton}
              </SpaceBetween>
            }
          >
            Workload overview
          </Header>
        }
      >
        <SpaceBetween size="l">
          <ColumnLayout columns={4} variant="text-grid">
            <div>
              <Box variant="awsui-key-label">Questions answered</Box>
              <Box variant="awsui-value-large">{answeredOfTotal(counts)}</Box>
            </div>
            <div>
              <Box variant="awsui-key-label">High risks</Box>
              <RiskCountValue risk="HIGH" counts={counts} />
            </div>
            <div>
              <Box variant="awsui-key-label">Medium risks</Box>
              <RiskCountValue risk="MEDIUM" counts={counts} />
            </div>
            <div>
              <Box variant="awsui-key-label">Improvement status</Box>
              <div>{improvementStatusLabel(workload.ImprovementStatus)}</div>
            </div>
          </ColumnLayout>
          <div>
            <Box variant="awsui-key-label">Workload notes</Box>
            <Box color={workload.Notes ? undefined : 'text-status-inactive'}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{workload.Notes || 'No notes'}</span>
            </Box>
          </div>
        </SpaceBetween>
      </Container>
      <WorkloadLensesTable workload={workload} lenses={lenses} owner={owner} onChanged={onChanged} />
      {editing && (
        <EditOverviewModal
          workload={workload}
          visible
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </SpaceBetween>
  );
}
