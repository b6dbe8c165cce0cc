import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { usePlumbline } from '../../api/plumbline-client';
import { DeleteButton, DeleteModal } from '../commons/delete-modal';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { ListPage } from '../commons/list-page';
import { memberErrors } from '../commons/member-errors';
import { ModalFooter } from '../commons/modal-footer';
import { RootOnly } from '../commons/root-only';
import { useAction } from '../commons/use-action';
import { useTextFields } from '../commons/use-text-fields';
import { nameColumn, useResourceTable } from '../commons/resource-table';
import { useConfirmDelete } from '../commons/use-confirm-delete';
import { passwordInWords, useUsers, type AdminUser } from './hooks';
import { USERS_CRUMBS, userPath } from './paths';

function UsersPage() {
  const plumbline = usePlumbline();
  const navigate = useNavigate();
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const form = useTextFields({ userName: '', password: '' });
  const { userName, password } = form.values;
  const create = useAction(async () => {
    const out = (await plumbline('CreateUser', { UserName: userName, ...(password ? { Password: password } : {}) })) as { User: AdminUser };
    setCreating(false);
    form.clear();
    navigate(userPath(out.User.UserName));
    return out.User.UserName;
  }, (name: string) => `User ${name} was created. Give it access keys and policies here.`);
  const del = useConfirmDelete(async (u: AdminUser) => {
    await plumbline('DeleteUser', { UserName: u.UserName });
    users.reload();
  }, 'The user was deleted with its access keys and policies.');
  const list = useResourceTable('user', users, {
    trackBy: 'UserName', rowName: (u) => u.UserName,
    filtering: { fields: ['UserName', 'UserId', 'Arn'], empty: 'No users yet. The root user can create them.', noMatch: 'No user matches the filter.' },
    sorting: { defaultState: { sortingColumn: { sortingField: 'UserName' } } },
  });
  const fields = memberErrors(create.error, 'UserName');
  return (
    <ListPage
      {...list.table}
      breadcrumbs={USERS_CRUMBS}
      source={users}
      description="IAM users of your account. A user can do only what its policies allow."
      columnDefinitions={[
        nameColumn('UserName', (u) => userPath(u.UserName), 'User name'),
        { id: 'id', header: 'User ID', cell: (u) => u.UserId },
        { id: 'arn', header: 'ARN', cell: (u) => u.Arn },
        { id: 'password', header: 'Console password', cell: passwordInWords, sortingField: 'HasPassword' },
        { id: 'created', header: 'Created', cell: (u) => formatTime(u.CreateDate), sortingField: 'CreateDate' },
      ]}
      filter={list.filter('Find users', 'Filter users')}
      actions={
        <>
          <DeleteButton selected={list.selected} onAsk={del.ask} />
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create user
          </Button>
        </>
      }
    >
      <Modal
        visible={creating}
        header="Create user"
        onDismiss={() => setCreating(false)}
        footer={<ModalFooter submitText="Create user" running={create.running} onSubmit={() => create.run()} onCancel={() => setCreating(false)} />}
      >
        <form onSubmit={(e) => (e.preventDefault(), void create.run())}>
          <SpaceBetween size="m">
            <FormField label="User name" constraintText="Up to 64 letters, digits and + = , . @ _ -" errorText={fields.UserName}>
              <Input value={userName} onChange={({ detail }) => form.set('userName', detail.value)} ariaLabel="User name" autoFocus />
            </FormField>
            <FormField label="Console password" description="Optional: lets the user sign in to this console." constraintText="8 to 128 characters." errorText={fields.Password}>
              <Input type="password" value={password} onChange={({ detail }) => form.set('password', detail.value)} ariaLabel="Console password" autoComplete={false} />
            </FormField>
            {Object.keys(fields).length === 0 && <ErrorAlert error={create.error} />}
          </SpaceBetween>
        </form>
      </Modal>
      <DeleteModal header="Delete user" {...del.modal}>
        Delete user <b>{del.target?.UserName}</b>? Its access keys, password and policies are deleted too, and its keys stop working at once.
      </DeleteModal>
    </ListPage>
  );
}

/** Administration › Users: the account's IAM users; create (with an optional console password) and delete. */
export default function AdminUsersPage() {
  return (
    <RootOnly>
      <UsersPage />
    </RootOnly>
  );
}
