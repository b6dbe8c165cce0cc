import { Suspense, useCallback, useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import Spinner from '@cloudscape-design/components/spinner';
import { loadSession, saveSession, type Session } from './api/session';
import { onSessionExpired } from './api/session-expiry';
import { SessionContext } from './pages/commons/session-context';
import { NotificationsProvider } from './pages/commons/notifications';
import { Shell } from './pages/commons/shell';
import SignIn from './pages/sign-in';
import { ROUTES } from './routes';

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
  if (!session) return <SignIn onSignedIn={signIn} notice={notice} />;
  return (
    <SessionContext.Provider value={{ session, signOut }}>
      <NotificationsProvider>
        <BrowserRouter basename="/console">
          <Shell>
            <Suspense fallback={<Spinner size="large" />}>
              <Routes>
                {ROUTES.map(({ path, page: Page }) => (
                  <Route key={path} path={path} element={<Page />} />
                ))}
              </Routes>
            </Suspense>
          </Shell>
        </BrowserRouter>
      </NotificationsProvider>
    </SessionContext.Provider>
  );
}
