import { UpgradeLensReviewCommand, type PillarDifference } from '@aws-sdk/client-wellarchitected';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { useEffect, useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { ErrorAlert } from '../commons/error-alert';
import { memberErrors } from '../commons/member-errors';
import { ModalFooter } from '../commons/modal-footer';
import { useAction } from '../commons/use-action';
import { useVersionDifference, type UpgradeRow } from './hooks';

const CHANGE: Record<string, { label: string; type: StatusIndicatorProps.Type }> = {
  NEW: { label: 'New', type: 'success' },
  UPDATED: { label: 'Updated', type: 'info' },
  DELETED: { label: 'Removed', type: 'stopped' },
};
const Change = ({ status }: { status?: string }) => {
  const c = CHANGE[status ?? ''];
  return c ? <StatusIndicator type={c.type}>{c.label}</StatusIndicator> : <>{status ?? 'Unchanged'}</>;
};

function PillarChanges({ pillars }: { pillars: PillarDifference[] }) {
  if (pillars.length === 0) return <Box color="text-body-secondary">No pillar or question changed between these versions.</Box>;
  return (
    <SpaceBetween size="xs">
      {pillars.map((p) => (
        <ExpandableSection
          key={p.PillarId}
          variant="container"
          headerText={p.PillarName ?? p.PillarId}
          headerInfo={<Change status={p.DifferenceStatus} />}
          headerDescription={`${p.QuestionDifferences?.length ?? 0} question(s) changed`}
        >
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {(p.QuestionDifferences ?? []).map((q) => (
              <li key={q.QuestionId}>
                <SpaceBetween direction="horizontal" size="xs">
                  <Change status={q.DifferenceStatus} />
                  <span>{q.QuestionTitle ?? q.QuestionId}</span>
                </SpaceBetween>
              </li>
            ))}
          </ul>
        </ExpandableSection>
      ))}
    </SpaceBetween>
  );
}

/** Upgrading a lens: the changes pillar by pillar, the milestone that keeps the current state, and the acceptance. */
export function UpgradeModal({ row, onDismiss, onUpgraded }: { row: UpgradeRow | undefined; onDismiss(): void; onUpgraded(row: UpgradeRow): void }) {
  const wa = useWellArchitected();
  const difference = useVersionDifference(row);
  const [milestoneName, setMilestoneName] = useState('');
  const [accepted, setAccepted] = useState(false);
  const upgrade = useAction(
    async () => {
      await wa.send(new UpgradeLensReviewCommand({ WorkloadId: row!.workloadId, LensAlias: row!.lensAlias, MilestoneName: milestoneName }));
      onUpgraded(row!);
    },
    `${row?.workloadName} now uses version ${row?.latestVersion} of the lens; milestone "${milestoneName}" keeps its previous state.`,
  );
  const { clearError } = upgrade;
  useEffect(() => {
    setMilestoneName('');
    setAccepted(false);
    clearError();
  }, [row?.key, clearError]);
  const problems = memberErrors(upgrade.error, 'MilestoneName');
  return (
    <Modal
      visible={!!row}
      size="large"
      header={`Upgrade lens version: ${row?.workloadName ?? ''}`}
      onDismiss={onDismiss}
      footer={
        <ModalFooter
          submitText="Upgrade lens version"
          running={upgrade.running}
          disabled={!accepted || !difference.data}
          onSubmit={() => upgrade.run()}
          onCancel={onDismiss}
          cancelDisabled={upgrade.running}
        />
      }
    >
      {row && (
        <SpaceBetween size="l">
          <Box>
            From version <b>{row.versionInUse}</b> to version <b>{row.latestVersion}</b> of the lens. Answers to existing questions are kept.
          </Box>
          <Alert type="warning">You cannot undo a lens upgrade: after it, the workload cannot go back to the previous version of the lens.</Alert>
          <SpaceBetween size="xs">
            <Box variant="h3">What changed in each pillar</Box>
            <ErrorAlert error={difference.error} />
            {difference.loading && !difference.data ? <Spinner /> : difference.data && <PillarChanges pillars={difference.data} />}
          </SpaceBetween>
          <FormField
            label="Milestone name"
            description="Before the upgrade, a milestone saves the workload's current state for future reference. Give it a unique name."
            constraintText="3 to 100 characters, at least 3 of them not spaces; unique among the workload's milestones."
            errorText={problems.MilestoneName}
          >
            <Input value={milestoneName} onChange={({ detail }) => setMilestoneName(detail.value)} placeholder="Before lens upgrade" />
          </FormField>
          <Checkbox checked={accepted} onChange={({ detail }) => setAccepted(detail.checked)}>
            I understand and accept these changes
          </Checkbox>
          {!problems.MilestoneName && <ErrorAlert error={upgrade.error} />}
        </SpaceBetween>
      )}
    </Modal>
  );
}
