import type { Session } from '../../api/session';
import { PageNotBuilt } from '../commons/page-not-built';

export default function SignIn(_props: { onSignedIn(session: Session): void }) {
  return <PageNotBuilt name="sign-in" />;
}
