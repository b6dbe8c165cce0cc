import {
  CreateWorkloadShareCommand,
  DeleteWorkloadShareCommand,
  ListWorkloadSharesCommand,
  UpdateWorkloadShareCommand,
  type PermissionType,
  type WorkloadShareSummary,
} from '@aws-sdk/client-wellarchitected';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useWellArchitected } from '../../api/client';
import { allPages } from '../commons/all-pages';
import { DeleteModal } from '../commons/delete-modal';
import { ErrorAlert } from '../commons/error-alert';
import { memberErrors } from '../commons/member-errors';
import { ModalFooter } from '../commons/modal-footer';
import { useAction } from '../commons/use-action';
import { useLoad } from '../commons/use-load';
import { TableHeader } from '../commons/table-header';
import { EmptyState, useResourceTable } from '../commons/resource-table';

const PERMISSIONS = [
  { value: 'READONLY', label: 'Read-Only', description: 'Provides read-only access to the workload.' },
  {
    value: 'CONTRIBUTOR',
    label: 'Contributor',
    description: 'Provides update access to answers and their notes, and read-only access to the rest of the workload.',
  },
];
const permission = (value: string | undefined) => PERMISSIONS.find((p) => p.value === value);

const STATUS: Record<string, { type: StatusIndicatorProps.Type; label: string }> = {
  PENDING: { type: 'pending', label: 'Pending' },
  ACCEPTED: { type: 'success', label: 'Accepted' },
  REJECTED: { type: 'stopped', label: 'Rejected' },
  EXPIRED: { type: 'stopped', label: 'Expired' },
  REVOKED: { type: 'stopped', label: 'Revoked' },
};

function ShareModal({
  header,
  share,
  running,
  error,
  onSubmit,
  onClose,
}: {
  header: string;
  /** Editing: the principal is fixed. */
  share?: WorkloadShareSummary;
  running: boolean;
  error: unknown;
  onSubmit(sharedWith: string, permission: PermissionType): void;
  onClose(): void;
}) {
  const [sharedWith, setSharedWith] = useState(share?.SharedWith ?? '');
  const [perm, setPerm] = useState<string>(share?.PermissionType ?? 'READONLY');
  const problems = memberErrors(error);
  const submit = () => onSubmit(sharedWith.trim(), perm as PermissionType);
  return (
    <Modal
      visible
      header={header}
      onDismiss={onClose}
      footer={<ModalFooter submitText={share ? 'Save' : 'Create'} running={running} onSubmit={submit} onCancel={onClose} cancelDisabled={running} />}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <SpaceBetween size="m">
          <FormField
            label="Principal"
            description="The 12-digit AWS account ID, or the ARN of the IAM user, to share the workload with. Workloads are shared within this Region only."
            errorText={problems.SharedWith}
          >
            <Input value={sharedWith} onChange={(e) => setSharedWith(e.detail.value)} disabled={!!share} placeholder="123456789012" />
          </FormField>
          <FormField label="Permission" errorText={problems.PermissionType}>
            <RadioGroup value={perm} onChange={(e) => setPerm(e.detail.value)} items={PERMISSIONS} />
          </FormField>
          {!problems.SharedWith && !problems.PermissionType && <ErrorAlert error={error} />}
        </SpaceBetween>
      </form>
    </Modal>
  );
}

/** The Shares tab (owner only): who has shared access, with what permission; create, edit, delete invitations. */
export function SharesTab({ workloadId, workloadName }: { workloadId: string; workloadName: string }) {
  const wa = useWellArchitected();
  const shares = useLoad(
    () => allPages((NextToken) => wa.send(new ListWorkloadSharesCommand({ WorkloadId: workloadId, NextToken, MaxResults: 50 })), (o) => o.WorkloadShareSummaries),
    [wa, workloadId],
  );
  const [modal, setModal] = useState<'create' | 'edit' | 'delete'>();
  const close = () => setModal(undefined);
  const create = useAction(async (SharedWith: string, PermissionType: PermissionType) => {
    await wa.send(new CreateWorkloadShareCommand({ WorkloadId: workloadId, SharedWith, PermissionType }));
    close();
    shares.reload();
  }, `Workload ${workloadName} shared. The invitation expires if it is not accepted within seven days.`);
  const update = useAction(async (ShareId: string, PermissionType: PermissionType) => {
    await wa.send(new UpdateWorkloadShareCommand({ WorkloadId: workloadId, ShareId, PermissionType }));
    close();
    shares.reload();
  }, 'Share permission saved.');
  const remove = useAction(async (ShareId: string) => {
    await wa.send(new DeleteWorkloadShareCommand({ WorkloadId: workloadId, ShareId }));
    close();
    shares.reload();
  }, 'Workload share deleted.');
  const list = useResourceTable('share', shares, {
    trackBy: 'ShareId', rowName: (share) => `share with ${share.SharedWith}`, pageSize: 10,
    sorting: { defaultState: { sortingColumn: { sortingField: 'SharedWith' } } },
  });
  const selected = list.selected;
  const open = (which: 'create' | 'edit' | 'delete') => {
    create.clearError();
    update.clearError();
    remove.clearError();
    setModal(which);
  };
  return (
    <>
      <Table
        {...list.table}
        header={
          <TableHeader title="Shares" source={shares} refreshLabel="Refresh shares" description="The AWS accounts and IAM users with shared access to this workload (at most 20).">
            <Button disabled={!selected} onClick={() => open('delete')}>
              Delete
            </Button>
            <Button disabled={!selected} onClick={() => open('edit')}>
              Edit
            </Button>
            <Button variant="primary" onClick={() => open('create')}>
              Create
            </Button>
          </TableHeader>
        }
        columnDefinitions={[
          { id: 'principal', header: 'Principal', cell: (s) => s.SharedWith, sortingField: 'SharedWith', isRowHeader: true, width: 260 },
          {
            id: 'status',
            header: 'Status',
            cell: (s) => {
              const st = STATUS[s.Status ?? ''];
              return st ? <StatusIndicator type={st.type}>{st.label}</StatusIndicator> : s.Status;
            },
            sortingField: 'Status',
            width: 140,
          },
          { id: 'permission', header: 'Permission', cell: (s) => permission(s.PermissionType)?.label ?? s.PermissionType, sortingField: 'PermissionType', width: 150 },
          { id: 'details', header: 'Permission details', cell: (s) => permission(s.PermissionType)?.description ?? '-' },
        ]}
        wrapLines
        empty={shares.error ? <ErrorAlert error={shares.error} /> : <EmptyState>This workload is not shared. Choose Create to invite an account or user.</EmptyState>}
      />
      {modal === 'create' && <ShareModal header="Create workload share" running={create.running} error={create.error} onSubmit={(w, p) => void create.run(w, p)} onClose={close} />}
      {modal === 'edit' && selected && (
        <ShareModal header="Edit workload share" share={selected} running={update.running} error={update.error} onSubmit={(_w, p) => void update.run(selected.ShareId!, p)} onClose={close} />
      )}
      <DeleteModal
        visible={modal === 'delete' && !!selected}
        header="Delete workload share"
        running={remove.running}
        error={remove.error}
        onConfirm={() => void remove.run(selected!.ShareId!)}
        onDismiss={close}
      >
        Remove the shared access of <b>{selected?.SharedWith}</b> to this workload?
      </DeleteModal>
    </>
  );
}
