import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { http, setReauthenticate } from '../../../shared/http.js';
import { meKey, useCurrentUser, useLogout } from '../hooks.js';
import type { Me } from '../api.js';
import { useOncePer, useSessionExpiry } from '../session-expiry.js';
import { LoginForm } from './LoginForm.js';

/**
 * Keeps a signed-in page's work safe when the session runs out: warns a couple of minutes before
 * (with "stay signed in"), and when it has ended, asks the user to sign in again in a dialog over
 * the same page. Requests that met the ended session wait for that and are then sent again, so a
 * form being saved is saved; what the user typed stays in React state throughout, never in
 * browser storage.
 */
export function SessionGuard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const expiry = useSessionExpiry();
  const [signInOpen, setSignInOpen] = useState(false);
  const [dismissedFor, setDismissedFor] = useState<number | null>(null);
  const waiting = useRef<((signedIn: boolean) => void)[]>([]);

  // Every request that met the ended session waits on the one dialog.
  useEffect(() => {
    setReauthenticate(
      () =>
        new Promise<boolean>((resolve) => {
          waiting.current.push(resolve);
          setSignInOpen(true);
        }),
    );
    return () => setReauthenticate(null);
  }, []);

  const settle = useCallback((signedIn: boolean) => {
    const resolvers = waiting.current;
    waiting.current = [];
    for (const resolve of resolvers) resolve(signedIn);
  }, []);

  // Past the end: ask the server (another tab may have kept the session alive). A 401 opens the
  // sign-in dialog through the request wrapper; a 200 brings the new end time.
  useOncePer(expiry.phase === 'ended' ? 'ended' : null, () => {
    void http.get('/api/auth/me').catch(() => undefined);
  });

  const onSignedIn = (user: Me) => {
    qc.setQueryData(meKey, user);
    setSignInOpen(false);
    // A different account must not send the first one's work: start afresh instead.
    if (user.id !== me.id) {
      settle(false);
      qc.clear();
      qc.setQueryData(meKey, user);
      void navigate('/');
      return;
    }
    settle(true);
    // The login response carries no session headers; this brings the new end time.
    void http.get('/api/auth/me').catch(() => undefined);
  };

  const signOut = () => {
    setSignInOpen(false);
    settle(false);
    logout.mutate(undefined, { onSettled: () => void navigate('/login') });
  };

  const stay = () => {
    setDismissedFor(null);
    void http.post('/api/auth/session/extend').catch(() => undefined);
  };

  const warning = expiry.phase === 'warning' && !signInOpen && dismissedFor !== expiry.endsAt ? expiry : null;
  const minutes = warning ? Math.floor(warning.remainingMs / 60_000) : 0;
  const seconds = warning ? Math.floor((warning.remainingMs % 60_000) / 1000) : 0;
  const countdown = `${minutes}:${String(seconds).padStart(2, '0')}`;

  return (
    <>
      <Dialog
        open={!!warning}
        closeButton={false}
        aria-labelledby="session-warning-heading"
        aria-describedby="session-warning-text"
        onClose={() => warning && setDismissedFor(warning.endsAt)}
      >
        <Dialog.Block>
          <div className="stack">
            <Heading level={2} data-size="sm" id="session-warning-heading">
              {t('session.warningTitle')}
            </Heading>
            <Paragraph id="session-warning-text">
              {warning?.extendable
                ? t('session.warningIdle', { countdown })
                : t('session.warningAbsolute', { countdown })}
            </Paragraph>
            <div className="row">
              {warning?.extendable ? (
                <Button autoFocus onClick={stay}>
                  {t('session.stay')}
                </Button>
              ) : (
                <Button autoFocus onClick={() => warning && setDismissedFor(warning.endsAt)}>
                  {t('session.understood')}
                </Button>
              )}
              <Button variant="secondary" onClick={signOut}>
                {t('layout.logout')}
              </Button>
            </div>
          </div>
        </Dialog.Block>
      </Dialog>
      <Dialog
        open={signInOpen}
        closeButton={false}
        closedby="none"
        aria-labelledby="session-signin-heading"
        aria-describedby="session-signin-text"
        // Escape must not leave the page half signed-in: the dialog stays until the user decides.
        onCancel={(e) => e.preventDefault()}
      >
        <Dialog.Block>
          {signInOpen && (
            <LoginForm
              fixedEmail={me.email}
              onSignedIn={onSignedIn}
              heading={
                <>
                  <Heading level={2} data-size="sm" id="session-signin-heading">
                    {t('session.endedTitle')}
                  </Heading>
                  <Paragraph id="session-signin-text">{t('session.endedText')}</Paragraph>
                </>
              }
              extraActions={
                <Button variant="secondary" type="button" onClick={signOut}>
                  {t('layout.logout')}
                </Button>
              }
            />
          )}
        </Dialog.Block>
      </Dialog>
    </>
  );
}
