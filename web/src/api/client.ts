import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { useMemo } from 'react';
import type { Session } from './session';
import { useSession } from '../pages/commons/session-context';

/** An SDK client signed with the session's temporary credentials, against this same server. */
export function clientFor(session: Session): WellArchitectedClient {
  return new WellArchitectedClient({
    endpoint: window.location.origin,
    region: session.region,
    credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken },
    maxAttempts: 2,
  });
}

/** The WellArchitected API for the signed-in user: `const wa = useWellArchitected(); await wa.send(new ListWorkloadsCommand({}))`. */
export function useWellArchitected(): WellArchitectedClient {
  const { session } = useSession();
  return useMemo(() => clientFor(session), [session]);
}
