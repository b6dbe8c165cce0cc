import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import Spinner from '@cloudscape-design/components/spinner';
import { NotificationsProvider } from './pages/commons/notifications';
import { PermissionsProvider } from './pages/commons/permissions';
import { Shell } from './pages/commons/shell';
import { ROUTES } from './routes';

/**
 * Everything behind the sign-in: the frame and the router with each page loaded on
 * first visit. Loaded on its own, so that the sign-in page downloads none of it.
 */
export default function SignedIn() {
  return (
    <PermissionsProvider>
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
    </PermissionsProvider>
  );
}
