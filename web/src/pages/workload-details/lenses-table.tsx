import { AssociateLensesCommand, DisassociateLensesCommand, ListLensesCommand, type LensReviewSummary, type Workload } from '@aws-sdk/client-wellarchitected';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { lensReviewPath } from '../commons/lens-answers';
import { FRAMEWORK_LENS, LensPicker, lensKey, lensPickerHeader, MAX_LENSES } from '../commons/lens-picker';
import { useLensReport } from '../commons/lens-report';
import { ModalFooter } from '../commons/modal-footer';
import { usePermissions } from '../commons/permissions';
import { answeredOfTotal, RiskCount } from '../commons/risk-counts';
import { RouterLink } from '../commons/router-link';
import { useAction } from '../commons/use-action';
import { useLoad, type Loaded } from '../commons/use-load';
import { reviewAlias } from './hooks';

/** "Adding a lens": the published lenses not yet applied, up to the 20 a workload may have. */
function AddLensesModal({ workloadId, applied, onClose, onAdded }: { workloadId: string; applied: string[]; onClose(): void; onAdded(): void }) {
  const wa = useWellArchitected();
  const available = useLoad(
    async () =>
      (await allPages((NextToken) => wa.send(new ListLensesCommand({ NextToken, LensStatus: 'PUBLISHED' })), (o) => o.LensSummaries)).filter(
        (l) => !applied.includes(lensKey(l)) && !applied.includes(l.LensArn ?? ''),
      ),
    [wa, applied.join(' ')],
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const room = MAX_LENSES - applied.length;
  const add = useAction(
    () => wa.send(new AssociateLensesCommand({ WorkloadId: workloadId, LensAliases: chosen })),
    chosen.length === 1 ? 'The lens was added to the workload.' : `${chosen.length} lenses were added to the workload.`,
  );
  return (
    <Modal
      visible
      size="large"
      onDismiss={onClose}
      header="Add lenses"
      footer={<ModalFooter submitText="Add lenses" running={add.running} disabled={chosen.length === 0} onSubmit={async () => (await add.run()) && onAdded()} onCancel={onClose} />}
    >
      <SpaceBetween size="m">
        <ErrorAlert error={available.error ?? add.error} />
        <LensPicker
          lenses={available.data ?? []}
          loading={available.loading && !available.data}
          selected={chosen}
          limit={room}
          onChange={setChosen}
          header={lensPickerHeader(applied.length + chosen.length, `A workload has up to ${MAX_LENSES} lenses; ${room} more can be added.`)}
        />
      </SpaceBetween>
    </Modal>
  );
}

/** "Removing a lens": its answers are kept, and come back if the lens is added again. */
function RemoveLensModal({ workloadId, lens, onClose, onRemoved }: { workloadId: string; lens: LensReviewSummary; onClose(): void; onRemoved(): void }) {
  const wa = useWellArchitected();
  const remove = useAction(() => wa.send(new DisassociateLensesCommand({ WorkloadId: workloadId, LensAliases: [reviewAlias(lens)] })), `${lens.LensName} was removed from the workload.`);
  return (
    <Modal
      visible
      onDismiss={onClose}
      header={`Remove ${lens.LensName}?`}
      footer={<ModalFooter submitText="Remove" running={remove.running} onSubmit={async () => (await remove.run()) && onRemoved()} onCancel={onClose} />}
    >
      <SpaceBetween size="m">
        <Box>
          The lens is taken off this workload: its questions no longer count in the workload's risks. Its answers are kept, so adding the lens again brings
          them back.
        </Box>
        <ErrorAlert error={remove.error} />
      </SpaceBetween>
    </Modal>
  );
}

interface Props {
  workload: Workload;
  lenses: Loaded<LensReviewSummary[]>;
  owner: boolean;
  onChanged(): void;
}

/** The workload's lenses: open one, generate its report, add lenses, remove one (never the framework lens). */
export function WorkloadLensesTable({ workload, lenses, owner, onChanged }: Props) {
  const workloadId = workload.WorkloadId!;
  const [selected, setSelected] = useState<LensReviewSummary>();
  const [dialog, setDialog] = useState<'add' | 'remove'>();
  const report = useLensReport();
  const generate = useAction(
    async (lens: LensReviewSummary) => {
      await report({ workloadId, lensAlias: reviewAlias(lens), names: [workload.WorkloadName ?? '', lens.LensName ?? 'lens'] });
      return lens;
    },
    (lens) => `Report for ${lens.LensName} downloaded.`,
  );
  const can = usePermissions(['AssociateLenses', 'DisassociateLenses', 'GetLensReviewReport'], { WorkloadId: workloadId });
  const items = lenses.data ?? [];
  const current = selected && items.find((l) => reviewAlias(l) === reviewAlias(selected));
  const notOwner = 'Only the workload\u2019s owner can change its lenses.';
  const addReason = !owner ? notOwner : !can.AssociateLenses.allowed ? can.AssociateLenses.reason : items.length >= MAX_LENSES ? `A workload has at most ${MAX_LENSES} lenses.` : undefined;
  const removeReason = !current
    ? 'Select a lens first.'
    : !owner
      ? notOwner
      : !can.DisassociateLenses.allowed
        ? can.DisassociateLenses.reason
        : reviewAlias(current) === FRAMEWORK_LENS
          ? 'The AWS Well-Architected Framework lens is on every workload and cannot be removed.'
          : undefined;
  const reportReason = !current ? 'Select a lens first.' : can.GetLensReviewReport.reason;
  const done = () => {
    setDialog(undefined);
    setSelected(undefined);
    onChanged();
  };
  return (
    <>
      <Table
        header={
          <Header
            variant="h2"
            counter={lenses.data ? `(${lenses.data.length}/${MAX_LENSES})` : undefined}
            description="Choose a lens to see its review and improvement plan, or select one to generate its report."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!!reportReason} disabledReason={reportReason} loading={generate.running} onClick={() => current && void generate.run(current)}>
                  Generate report
                </Button>
                <Button disabled={!!removeReason} disabledReason={removeReason} onClick={() => setDialog('remove')}>
                  Remove
                </Button>
                <Button disabled={!!addReason} disabledReason={addReason} onClick={() => setDialog('add')}>
                  Add lenses
                </Button>
              </SpaceBetween>
            }
          >
            Lenses
          </Header>
        }
        items={items}
        loading={lenses.loading && !lenses.data}
        loadingText="Loading lenses"
        selectionType="single"
        selectedItems={current ? [current] : []}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems[0])}
        trackBy={(l) => reviewAlias(l)}
        ariaLabels={{ itemSelectionLabel: (_s, l) => `Select ${l.LensName}`, selectionGroupLabel: 'Lens selection' }}
        wrapLines
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (l) => <RouterLink href={lensReviewPath(workloadId, reviewAlias(l))}>{l.LensName}</RouterLink>, isRowHeader: true },
          { id: 'version', header: 'Version', cell: (l) => l.LensVersion ?? '-' },
          { id: 'answered', header: 'Questions answered', cell: (l) => answeredOfTotal(l.RiskCounts) },
          { id: 'high', header: 'High risks', cell: (l) => <RiskCount risk="HIGH" counts={l.RiskCounts} /> },
          { id: 'medium', header: 'Medium risks', cell: (l) => <RiskCount risk="MEDIUM" counts={l.RiskCounts} /> },
          { id: 'updated', header: 'Last updated', cell: (l) => formatTime(l.UpdatedAt) },
        ]}
        empty={lenses.error ? <ErrorAlert error={lenses.error} /> : <Box textAlign="center">No lenses applied</Box>}
      />
      <ErrorAlert error={generate.error} onDismiss={generate.clearError} />
      {dialog === 'add' && <AddLensesModal workloadId={workloadId} applied={items.map(reviewAlias)} onClose={() => setDialog(undefined)} onAdded={done} />}
      {dialog === 'remove' && current && <RemoveLensModal workloadId={workloadId} lens={current} onClose={() => setDialog(undefined)} onRemoved={done} />}
    </>
  );
}
