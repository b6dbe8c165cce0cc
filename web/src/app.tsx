import { Suspense, useCallback, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import Spinner from '@cloudscape-design/components/spinner';
import { loadSession, saveSession, type Session } from './api/session';
import { SessionContext } from './pages/commons/session-context';
import { NotificationsProvider } from './pages/commons/notifications';
import { Shell } from './pages/commons/shell';
import SignIn from './pages/sign-in';
import { ROUTES } from './routes';

export function App() {
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    saveSession(undefined);
    setSession(undefined);
  }, []);
  if (!session) return <SignIn onSignedIn={signIn} />;
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
