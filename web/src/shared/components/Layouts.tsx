import type { ReactNode } from 'react';
import { SkipLink } from '@digdir/designsystemet-react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../modules/auth/hooks.js';
import { AppHeader } from './AppHeader.js';
import { ErrorAlert } from './ErrorAlert.js';
import { Loading } from './Loading.js';
import { SessionGuard } from '../../modules/auth/components/SessionGuard.js';

function Frame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink href="#main">{t('layout.skipToMain')}</SkipLink>
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** Pages anyone may see (login, first-time setup). */
export function PublicLayout() {
  return (
    <Frame>
      <Outlet />
    </Frame>
  );
}

/** Pages for signed-in users: without a session, go to /login and come back afterwards. */
export function AuthLayout() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending)
    return (
      <Frame>
        <Loading />
      </Frame>
    );
  if (error)
    return (
      <Frame>
        <ErrorAlert error={error} />
      </Frame>
    );
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <Frame>
      <Outlet />
      <SessionGuard />
    </Frame>
  );
}
