import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { usePlumbline } from '../../api/plumbline-client';
import { DeleteModal } from '../commons/delete-modal';
import { ErrorAlert } from '../commons/error-alert';
import { useAction } from '../commons/use-action';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { useItemDialog } from '../commons/use-item-dialog';
import { useLoad } from '../commons/use-load';
import { PolicyEditor } from './policy-editor';

interface UserPolicies {
  Policies: Array<{ PolicyName: string; PolicyDocument: string }>;
  AttachedPolicies: Array<{ PolicyArn: string; PolicyName: string }>;
}

/** The managed policies Plumbline knows, as the user guide gives them. */
const MANAGED: SelectProps.Option[] = [
  { value: 'arn:aws:iam::aws:policy/WellArchitectedConsoleFullAccess', label: 'WellArchitectedConsoleFullAccess', description: 'wellarchitected:*' },
  { value: 'arn:aws:iam::aws:policy/WellArchitectedConsoleReadOnlyAccess', label: 'WellArchitectedConsoleReadOnlyAccess', description: 'wellarchitected:Get*, wellarchitected:List*' },
];

/** A user's permissions: managed policies attached, and inline policies written in the policy language. */
export function Policies({ userName }: { userName: string }) {
  const plumbline = usePlumbline();
  const policies = useLoad<UserPolicies>(() => plumbline('ListUserPolicies', { UserName: userName }), [plumbline, userName]);
  const [toAttach, setToAttach] = useState<SelectProps.Option | null>(null);
  const editing = useItemDialog<{ policy?: UserPolicies['Policies'][number] }>(policies.reload);
  const attach = useAction(async (arn: string) => {
    await plumbline('AttachUserPolicy', { UserName: userName, PolicyArn: arn });
    setToAttach(null);
    policies.reload();
  }, 'The managed policy was attached; it applies at once.');
  const detach = useAction(async (arn: string) => {
    await plumbline('DetachUserPolicy', { UserName: userName, PolicyArn: arn });
    policies.reload();
  }, 'The managed policy was detached.');
  const del = useConfirmDelete(async (name: string) => {
    await plumbline('DeleteUserPolicy', { UserName: userName, PolicyName: name });
    policies.reload();
  }, 'The inline policy was deleted.');
  const attached = policies.data?.AttachedPolicies ?? [];
  const attachable = MANAGED.filter((m) => !attached.some((a) => a.PolicyArn === m.value));
  return (
    <SpaceBetween size="l">
      <ErrorAlert error={policies.error} />
      <ErrorAlert error={detach.error} onDismiss={detach.clearError} />
      <Table
        items={attached}
        trackBy="PolicyArn"
        loading={policies.loading && !policies.data}
        loadingText="Loading policies"
        columnDefinitions={[
          { id: 'name', header: 'Policy name', cell: (p) => p.PolicyName, isRowHeader: true },
          { id: 'arn', header: 'ARN', cell: (p) => p.PolicyArn },
          {
            id: 'actions',
            header: 'Actions',
            cell: (p) => (
              <Button variant="inline-link" ariaLabel={`Detach ${p.PolicyName}`} onClick={() => void detach.run(p.PolicyArn)} disabled={detach.running}>
                Detach
              </Button>
            ),
          },
        ]}
        header={
          <Header variant="h2" counter={`(${attached.length})`} description="Policies managed by Plumbline, as the user guide defines them.">
            Managed policies
          </Header>
        }
        empty={<Box textAlign="center">No managed policy is attached.</Box>}
        footer={
          <SpaceBetween direction="horizontal" size="xs" alignItems="end">
            <FormField label="Attach a managed policy" errorText={attach.error ? (attach.error as Error).message : undefined}>
              <Select
                selectedOption={toAttach}
                options={attachable}
                onChange={({ detail }) => setToAttach(detail.selectedOption)}
                placeholder={attachable.length ? 'Choose a policy' : 'Every managed policy is attached'}
                disabled={!attachable.length}
                ariaLabel="Managed policy"
              />
            </FormField>
            <Button disabled={!toAttach} loading={attach.running} onClick={() => toAttach && void attach.run(toAttach.value!)}>
              Attach policy
            </Button>
          </SpaceBetween>
        }
      />
      <Table
        items={policies.data?.Policies ?? []}
        trackBy="PolicyName"
        loading={policies.loading && !policies.data}
        loadingText="Loading policies"
        columnDefinitions={[
          { id: 'name', header: 'Policy name', cell: (p) => p.PolicyName, isRowHeader: true },
          {
            id: 'document',
            header: 'Document',
            cell: (p) => (
              <Box variant="code" fontSize="body-s">
                {p.PolicyDocument.length > 120 ? `${p.PolicyDocument.slice(0, 120)}…` : p.PolicyDocument}
              </Box>
            ),
          },
          {
            id: 'actions',
            header: 'Actions',
            cell: (p) => (
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="inline-link" ariaLabel={`Edit ${p.PolicyName}`} onClick={() => editing.open({ policy: p })}>
                  Edit
                </Button>
                <Button variant="inline-link" ariaLabel={`Delete ${p.PolicyName}`} onClick={() => del.ask(p.PolicyName)}>
                  Delete
                </Button>
              </SpaceBetween>
            ),
          },
        ]}
        header={
          <Header
            variant="h2"
            counter={`(${policies.data?.Policies.length ?? 0}/10)`}
            description="Policies written for this user in the AWS policy language; an explicit Deny beats any Allow."
            actions={<Button onClick={() => editing.open({})}>Add inline policy</Button>}
          >
            Inline policies
          </Header>
        }
        empty={<Box textAlign="center">No inline policy.</Box>}
      />
      <PolicyEditor
        userName={userName}
        policy={editing.item?.policy}
        visible={!!editing.item}
        onSaved={editing.done}
        onDismiss={editing.close}
      />
      <DeleteModal header="Delete inline policy" {...del.modal}>
        Delete inline policy <b>{del.target}</b> from {userName}? What it allowed is refused at once.
      </DeleteModal>
    </SpaceBetween>
  );
}
