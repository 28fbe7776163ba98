import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { useSetActive } from '../hooks.js';
import type { UserActionProps } from './user-actions.js';

/** Deactivate (after a confirmation: the user is signed out at once) or reactivate a user. */
export function SetActiveAction({ user }: UserActionProps) {
  const { t } = useTranslation();
  const setActive = useSetActive();
  const [confirming, setConfirming] = useState(false);
  const headingId = `deactivate-user-${user.id}`;

  if (user.disabled) {
    return (
      <>
        <Button variant="secondary" data-size="sm" loading={setActive.isPending} onClick={() => setActive.mutate({ id: user.id, active: true })}>
          {t('users.reactivate')}
          <span className="visually-hidden"> {user.displayName}</span>
        </Button>
        <ErrorAlert error={setActive.error} />
      </>
    );
  }
  return (
    <>
      <Button
        variant="secondary"
        data-color="danger"
        data-size="sm"
        onClick={() => {
          setActive.reset();
          setConfirming(true);
        }}
      >
        {t('users.deactivate')}
        <span className="visually-hidden"> {user.displayName}</span>
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} closeButton={t('users.close')} aria-labelledby={headingId}>
        <Dialog.Block>
          <div className="stack">
            <Heading level={2} data-size="sm" id={headingId}>
              {t('users.deactivateTitle', { name: user.displayName })}
            </Heading>
            <Paragraph>{t('users.deactivateText')}</Paragraph>
            <ErrorAlert error={setActive.error} />
            <div className="row">
              <Button
                data-color="danger"
                autoFocus
                loading={setActive.isPending}
                onClick={() => setActive.mutate({ id: user.id, active: false }, { onSuccess: () => setConfirming(false) })}
              >
                {t('users.deactivate')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('users.cancel')}
              </Button>
            </div>
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
