import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { loadSession, saveSession, type Session } from './api/session';
import { onSessionExpired } from './api/session-expiry';
import { SessionContext } from './pages/commons/session-context';

// Two halves loaded apart: the sign-in page needs none of the signed-in console's code.
const SignIn = lazy(() => import('./pages/sign-in'));
const SignedIn = lazy(() => import('./signed-in'));

export function App() {
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const [notice, setNotice] = useState<string>();
  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setNotice(undefined);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    saveSession(undefined);
    // The next person to sign in starts at the dashboard, not on the page the last one left.
    window.history.replaceState(null, '', '/console/');
    setSession(undefined);
  }, []);
  const expire = useCallback(() => {
    saveSession(undefined);
    setSession(undefined);
    setNotice('Your session expired, sign in again.');
  }, []);
  // Back to sign-in when the session's time is up, or when the server says it is over
  // (signed out elsewhere, or the clocks disagree): the page's URL is kept for after.
  useEffect(() => onSessionExpired(expire), [expire]);
  useEffect(() => {
    if (!session) return;
    // setTimeout holds at most ~24.8 days; sessions are far shorter.
    const timer = setTimeout(expire, Math.min(Math.max(0, session.expiresAt - Date.now()), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [session, expire]);
  return (
    <Suspense fallback={null}>
      {session ? (
        <SessionContext.Provider value={{ session, signOut }}>
          <SignedIn />
        </SessionContext.Provider>
      ) : (
        <SignIn onSignedIn={signIn} notice={notice} />
      )}
    </Suspense>
  );
}
