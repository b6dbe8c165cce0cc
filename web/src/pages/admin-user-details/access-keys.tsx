import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { usePlumbline } from '../../api/plumbline-client';
import { allPages } from '../commons/all-pages';
import { DeleteButton, DeleteModal } from '../commons/delete-modal';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { SecretOnceModal, type SecretField } from '../commons/secret-once-modal';
import { useAction } from '../commons/use-action';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { useLoad } from '../commons/use-load';

interface AccessKey {
  AccessKeyId: string;
  Status: string;
  CreateDate: number;
}

/** The most access keys a user can have (as in IAM). */
const MAX_KEYS = 2;

/** A user's access keys: create (the secret shown once), delete. */
export function AccessKeys({ userName }: { userName: string }) {
  const plumbline = usePlumbline();
  const keys = useLoad<AccessKey[]>(
    () => allPages((NextToken) => plumbline('ListAccessKeys', { UserName: userName, NextToken, MaxResults: 1000 }) as Promise<{ AccessKeyMetadata: AccessKey[]; NextToken?: string }>, (o) => o.AccessKeyMetadata),
    [plumbline, userName],
  );
  const [secret, setSecret] = useState<SecretField[]>();
  const [selected, setSelected] = useState<AccessKey[]>([]);
  const create = useAction(async () => {
    const out = (await plumbline('CreateAccessKey', { UserName: userName })) as { AccessKey: AccessKey & { SecretAccessKey: string } };
    setSecret([
      { label: 'Access key ID', value: out.AccessKey.AccessKeyId },
      { label: 'Secret access key', value: out.AccessKey.SecretAccessKey },
    ]);
    keys.reload();
    return out.AccessKey.AccessKeyId;
  }, (id: string) => `Access key ${id} was created.`);
  const del = useConfirmDelete(async (k: AccessKey) => {
    await plumbline('DeleteAccessKey', { UserName: userName, AccessKeyId: k.AccessKeyId });
    setSelected([]);
    keys.reload();
  }, 'The access key was deleted; calls signed with it are refused from now on.');
  const count = keys.data?.length ?? 0;
  return (
    <SpaceBetween size="s">
      <ErrorAlert error={keys.error} />
      <ErrorAlert error={create.error} onDismiss={create.clearError} />
      <Table
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        trackBy="AccessKeyId"
        items={keys.data ?? []}
        loading={keys.loading && !keys.data}
        loadingText="Loading access keys"
        ariaLabels={{ itemSelectionLabel: (_, k) => `Select ${k.AccessKeyId}`, selectionGroupLabel: 'Access key selection' }}
        columnDefinitions={[
          { id: 'id', header: 'Access key ID', cell: (k) => k.AccessKeyId, isRowHeader: true },
          { id: 'status', header: 'Status', cell: (k) => <StatusIndicator type={k.Status === 'Active' ? 'success' : 'stopped'}>{k.Status}</StatusIndicator> },
          { id: 'created', header: 'Created', cell: (k) => formatTime(k.CreateDate) },
        ]}
        header={
          <Header
            variant="h2"
            counter={keys.data ? `(${count}/${MAX_KEYS})` : undefined}
            description="Keys sign API, CLI and SDK calls as this user. The secret is shown only when the key is created."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <DeleteButton selected={selected[0]} onAsk={del.ask} />
                <Button loading={create.running} disabled={count >= MAX_KEYS} onClick={() => void create.run()}>
                  Create access key
                </Button>
              </SpaceBetween>
            }
          >
            Access keys
          </Header>
        }
        empty={<Box textAlign="center">This user has no access keys.</Box>}
      />
      <SecretOnceModal header="Access key created" fields={secret} onDismiss={() => setSecret(undefined)} />
      <DeleteModal header="Delete access key" {...del.modal}>
        Delete access key <b>{del.target?.AccessKeyId}</b>? Calls signed with it are refused at once; this cannot be undone.
      </DeleteModal>
    </SpaceBetween>
  );
}
