import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../commons/error-alert';
import { formatTime } from '../commons/format';
import { Page } from '../commons/page';
import { RootOnly } from '../commons/root-only';
import { passwordInWords, useUsers } from '../admin-users/hooks';
import { USERS_CRUMBS, userPath } from '../admin-users/paths';
import { AccessKeys } from './access-keys';
import { PasswordPanel } from './password-panel';
import { Policies } from './policies';

function UserDetails({ userName }: { userName: string }) {
  // The admin API has no call for one user: find it in the list.
  const users = useUsers();
  const user = users.data?.find((u) => u.UserName === userName);
  return (
    <Page breadcrumbs={[...USERS_CRUMBS, { text: userName, href: userPath(userName) }]} title={userName}>
      <ErrorAlert error={users.error} />
      {users.loading && !users.data ? (
        <Spinner size="large" />
      ) : !user ? (
        <Alert type="error" header="User not found">
          Your account has no user named {userName}.
        </Alert>
      ) : (
        <>
          <Container header={<Header variant="h2">Summary</Header>}>
            <KeyValuePairs
              columns={4}
              items={[
                { label: 'ARN', value: user.Arn },
                { label: 'User ID', value: user.UserId },
                { label: 'Created', value: formatTime(user.CreateDate) },
                { label: 'Console password', value: passwordInWords(user) },
              ]}
            />
          </Container>
          <Tabs
            tabs={[
              { id: 'permissions', label: 'Permissions', content: <Policies userName={userName} /> },
              {
                id: 'credentials',
                label: 'Security credentials',
                content: (
                  <SpaceBetween size="l">
                    <PasswordPanel user={user} onChanged={users.reload} />
                    <AccessKeys userName={userName} />
                  </SpaceBetween>
                ),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}

/** Administration › Users › user: permissions (managed and inline policies), console password, access keys. */
export default function AdminUserDetailsPage() {
  const { userName } = useParams();
  return <RootOnly>{userName && <UserDetails key={userName} userName={userName} />}</RootOnly>;
}
