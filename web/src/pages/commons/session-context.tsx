import { createContext, useContext } from 'react';
import type { Session } from '../../api/session';

export interface SessionState {
  session: Session;
  signOut(): void;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

/** The signed-in session; every page below the sign-in gate may rely on it. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession is used outside a signed-in page');
  return state;
}
