import Alert from '@cloudscape-design/components/alert';
import type { ReactNode } from 'react';
import { isRootSession } from '../../api/session';
import { useSession } from './session-context';

/** Administration pages are for the account's root user; an IAM user is told so instead of seeing calls fail. */
export function RootOnly({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (isRootSession(session)) return <>{children}</>;
  return (
    <Alert type="warning" header="Root user only">
      Only the account's root user administers users, access keys, policies, the audit trail and event targets. You are signed in as{' '}
      {session.arn}.
    </Alert>
  );
}
