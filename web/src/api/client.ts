import { WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import { useMemo } from 'react';
import type { Session } from './session';
import { reportIfSessionExpired } from './session-expiry';
import { useSession } from '../pages/commons/session-context';

/** An SDK client signed with the session's temporary credentials, against this same server. */
export function clientFor(session: Session): WellArchitectedClient {
  const client = new WellArchitectedClient({
    endpoint: window.location.origin,
    region: session.region,
    credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken },
    maxAttempts: 2,
  });
  // An expired session sends the user back to sign-in, whichever page made the call.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw reportIfSessionExpired(error);
      }
    },
    { step: 'initialize', name: 'plumblineSessionExpiry' },
  );
  return client;
}

/** The WellArchitected API for the signed-in user: `const wa = useWellArchitected(); await wa.send(new ListWorkloadsCommand({}))`. */
export function useWellArchitected(): WellArchitectedClient {
  const { session } = useSession();
  return useMemo(() => clientFor(session), [session]);
}
