import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import type { Session } from '../../api/session';
import { ErrorAlert, fieldErrors } from '../commons/error-alert';
import { useTextFields } from '../commons/use-text-fields';
import { signIn, type SignInDetails, type SignInMode } from './sign-in';

const MODES: Array<{ id: SignInMode; text: string; hint: string }> = [
  { id: 'user', text: 'IAM user', hint: 'Sign in as an IAM user of an account, with the password its root user set.' },
  { id: 'root-password', text: 'Root user password', hint: 'Sign in as the account\'s root user with the console password set for it.' },
  { id: 'root-key', text: 'Root user access key', hint: 'Sign in as the root user with the account\'s root access key ID and secret access key.' },
];

// Remembered so that the next sign-in starts with the same account and way of signing in.
const LAST = 'plumbline.sign-in';
function remembered(): { mode: SignInMode; accountId: string } {
  try {
    const last = JSON.parse(localStorage.getItem(LAST) ?? '{}') as { mode?: SignInMode; accountId?: string };
    return { mode: MODES.some((m) => m.id === last.mode) ? last.mode! : 'user', accountId: last.accountId ?? '' };
  } catch {
    return { mode: 'user', accountId: '' };
  }
}

/** The console's front door: an IAM user, or the root user by password or access key. */
export default function SignIn({ onSignedIn, notice }: { onSignedIn(session: Session): void; notice?: string }) {
  const start = remembered();
  const [mode, setMode] = useState<SignInMode>(start.mode);
  const details = useTextFields<keyof SignInDetails>({ accountId: start.accountId, userName: '', password: '', accessKeyId: '', secretAccessKey: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const fields = fieldErrors(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await signIn(mode, details.values);
      localStorage.setItem(LAST, JSON.stringify({ mode, accountId: session.accountId }));
      onSignedIn(session);
    } catch (e) {
      // Keep what was typed (but the secret) so that only the wrong detail needs retyping.
      details.clear('password', 'secretAccessKey');
      setError(e);
      setBusy(false);
    }
  };

  const field = (label: string, member: string, key: keyof SignInDetails, secret = false, description?: string) => (
    <FormField label={label} description={description} errorText={fields[member]}>
      <Input
        value={details.values[key]}
        onChange={({ detail }) => details.set(key, detail.value)}
        type={secret ? 'password' : 'text'}
        ariaLabel={label}
        autoComplete={secret ? 'current-password' : member === 'AccountId' ? 'organization' : member === 'UserName' ? 'username' : false}
        inputMode={member === 'AccountId' ? 'numeric' : undefined}
        disableBrowserAutocorrect
        invalid={!!fields[member]}
      />
    </FormField>
  );

  return (
    <main>
    <Box padding={{ top: 'xxxl', horizontal: 'l' }}>
      <div style={{ maxWidth: 480, margin: '0 auto' }}>
        <SpaceBetween size="l">
          <Box variant="h1" textAlign="center">
            Plumbline
          </Box>
          {notice && (
            <Alert type="warning" header="Signed out">
              {notice}
            </Alert>
          )}
          <form onSubmit={submit} aria-label="Sign in">
            <Form
              actions={
                <Button variant="primary" formAction="submit" loading={busy} data-testid="sign-in-submit">
                  Sign in
                </Button>
              }
            >
              <Container header={<Header variant="h2" description={MODES.find((m) => m.id === mode)!.hint}>Sign in</Header>}>
                <SpaceBetween size="m">
                  <SegmentedControl
                    label="Sign in as"
                    selectedId={mode}
                    onChange={({ detail }) => {
                      setMode(detail.selectedId as SignInMode);
                      setError(undefined);
                    }}
                    options={MODES.map(({ id, text }) => ({ id, text }))}
                  />
                  {mode !== 'root-key' && field('Account ID', 'AccountId', 'accountId', false, '12 digits')}
                  {mode === 'user' && field('User name', 'UserName', 'userName')}
                  {mode !== 'root-key' && field('Password', 'Password', 'password', true)}
                  {mode === 'root-key' && field('Access key ID', 'AccessKeyId', 'accessKeyId')}
                  {mode === 'root-key' && field('Secret access key', 'SecretAccessKey', 'secretAccessKey', true)}
                  {error !== undefined && Object.keys(fields).length === 0 && <ErrorAlert error={error} />}
                </SpaceBetween>
              </Container>
            </Form>
          </form>
        </SpaceBetween>
      </div>
    </Box>
    </main>
  );
}
