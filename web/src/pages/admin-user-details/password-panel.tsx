import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { usePlumbline } from '../../api/plumbline-client';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { memberErrors } from '../commons/member-errors';
import { useAction } from '../commons/use-action';
import { useTextFields } from '../commons/use-text-fields';
import type { AdminUser } from '../admin-users/hooks';

/** Sets or changes the user's console password (stored only as a hash). */
export function PasswordPanel({ user, onChanged }: { user: AdminUser; onChanged(): void }) {
  const plumbline = usePlumbline();
  const form = useTextFields({ password: '', confirm: '' });
  const { password, confirm } = form.values;
  const [mismatch, setMismatch] = useState(false);
  const save = useAction(async () => {
    await plumbline('SetPassword', { UserName: user.UserName, Password: password });
    form.clear();
    onChanged();
  }, user.HasPassword ? 'The password was changed.' : 'The password was set; the user can now sign in to the console.');
  const submit = () => {
    setMismatch(password !== confirm);
    if (password === confirm) void save.run();
  };
  const fields = memberErrors(save.error);
  return (
    <Container
      header={
        <Header variant="h2" description={user.HasPassword ? `Last set ${formatTime(user.PasswordLastSet)}.` : 'The user has no password and cannot sign in to the console.'}>
          Console password
        </Header>
      }
    >
      <form onSubmit={(e) => (e.preventDefault(), submit())}>
        <SpaceBetween size="m">
          <SpaceBetween direction="horizontal" size="m">
            <FormField label={user.HasPassword ? 'New password' : 'Password'} constraintText="8 to 128 characters." errorText={fields.Password}>
              <Input type="password" value={password} onChange={({ detail }) => form.set('password', detail.value)} ariaLabel="New password" autoComplete={false} />
            </FormField>
            <FormField label="Confirm password" errorText={mismatch ? 'The passwords do not match.' : undefined}>
              <Input type="password" value={confirm} onChange={({ detail }) => form.set('confirm', detail.value)} ariaLabel="Confirm password" autoComplete={false} />
            </FormField>
          </SpaceBetween>
          {!fields.Password && <ErrorAlert error={save.error} />}
          <Button formAction="submit" loading={save.running} disabled={!password}>
            {user.HasPassword ? 'Change password' : 'Set password'}
          </Button>
        </SpaceBetween>
      </form>
    </Container>
  );
}
