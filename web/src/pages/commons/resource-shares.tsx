import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { TabsProps } from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { DeleteButton, DeleteModal } from './delete-modal';
import { ErrorAlert, fieldErrors } from './error-alert';
import { ModalFooter } from './modal-footer';
import { useAction } from './use-action';
import { useConfirmDelete } from './use-confirm-delete';
import { useLoad } from './use-load';
import { EmptyState, useResourceTable } from './resource-table';
import { SourceTable } from './source-table';

export interface ShareRow {
  ShareId?: string;
  SharedWith?: string;
  Status?: string;
  StatusMessage?: string;
}

const STATUS: Record<string, StatusIndicatorProps.Type> = {
  ACCEPTED: 'success',
  PENDING: 'pending',
  REJECTED: 'stopped',
  REVOKED: 'stopped',
  EXPIRED: 'stopped',
  ASSOCIATING: 'in-progress',
  ASSOCIATED: 'success',
  FAILED: 'error',
};

/** How one kind of resource lists, creates and deletes its shares (see share-calls.ts). */
export interface ShareCalls {
  /** Every share of the resource (all pages). */
  load(): Promise<ShareRow[]>;
  create(sharedWith: string): Promise<unknown>;
  remove(shareId: string): Promise<unknown>;
}

interface ResourceSharesProps extends ShareCalls {
  /** "profile", "review template": used in headings and messages. */
  noun: string;
}

/** The "Shares" tab of a resource's details page, shown to its owner only. */
export function sharesTab(noun: string, calls: ShareCalls): TabsProps.Tab {
  return { id: 'shares', label: 'Shares', content: <ResourceShares noun={noun} {...calls} /> };
}

/** The owner's shares of a profile or review template: who it is shared with, invitation status, share and unshare. */
export function ResourceShares({ noun, load, create, remove }: ResourceSharesProps) {
  const shares = useLoad(load, []);
  const [creating, setCreating] = useState(false);
  const [sharedWith, setSharedWith] = useState('');
  const createAction = useAction(async () => {
    await create(sharedWith.trim());
    setCreating(false);
    setSharedWith('');
    shares.reload();
  }, `The ${noun} was shared; the recipient sees an invitation.`);
  const del = useConfirmDelete(async (share: ShareRow) => {
    await remove(share.ShareId!);
    shares.reload();
  }, 'The share was deleted.');
  const list = useResourceTable('share', shares, { trackBy: 'ShareId', rowName: (share) => `share with ${share.SharedWith}`, pageSize: 10 });
  const selected = list.selected;
  return (
    <SpaceBetween size="m">
      <SourceTable
        {...list.table}
        source={shares}
        title="Shares"
        refreshLabel="Refresh shares"
        description={`Accounts, users, organizations and organizational units this ${noun} is shared with.`}
        actions={
          <>
            <DeleteButton selected={selected} onAsk={del.ask} />
            <Button onClick={() => setCreating(true)}>Create</Button>
          </>
        }
        columnDefinitions={[
          { id: 'sharedWith', header: 'Shared with', cell: (s) => s.SharedWith, sortingField: 'SharedWith' },
          {
            id: 'status',
            header: 'Status',
            cell: (s) => <StatusIndicator type={STATUS[s.Status ?? ''] ?? 'info'}>{s.Status}</StatusIndicator>,
            sortingField: 'Status',
          },
          { id: 'message', header: 'Status message', cell: (s) => s.StatusMessage ?? '-' },
        ]}
        empty={<EmptyState>This {noun} is not shared.</EmptyState>}
      />
      <Modal
        visible={creating}
        header={`Share ${noun}`}
        onDismiss={() => setCreating(false)}
        footer={
          <ModalFooter
            submitText="Create"
            running={createAction.running}
            onSubmit={() => createAction.run()}
            onCancel={() => setCreating(false)}
          />
        }
      >
        <form onSubmit={(e) => { e.preventDefault(); void createAction.run(); }}>
          <SpaceBetween size="m">
            <FormField
              label="Shared with"
              description="A 12-digit account ID, an IAM user ARN, an organization ID (o-…) or an organizational unit ID (ou-…)."
              errorText={fieldErrors(createAction.error).SharedWith}
            >
              <Input value={sharedWith} onChange={({ detail }) => setSharedWith(detail.value)} placeholder="123456789012" ariaLabel="Shared with" />
            </FormField>
            {!fieldErrors(createAction.error).SharedWith && <ErrorAlert error={createAction.error} />}
          </SpaceBetween>
        </form>
      </Modal>
      <DeleteModal header="Delete share" {...del.modal}>
        Stop sharing this {noun} with <b>{del.target?.SharedWith}</b>? They lose access to it at once.
      </DeleteModal>
    </SpaceBetween>
  );
}
