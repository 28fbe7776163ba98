import { Button, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { useResetSecondFactor, useUsersWithSecondFactor } from '../second-factor-api.js';

/**
 * A user's two-factor state in the user list, with the reset for a lost phone: asked twice, since
 * it signs the user out and sends them back to enrolment.
 */
export function SecondFactorCell({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const enrolled = useUsersWithSecondFactor();
  const reset = useResetSecondFactor();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const on = !!enrolled.data?.userIds.includes(userId);

  return (
    <div className="row">
      <Tag data-color={on ? 'success' : 'neutral'}>{t(on ? 'secondFactor.on' : 'secondFactor.off')}</Tag>
      {on && !confirming && (
        <Button variant="tertiary" data-size="sm" aria-label={t('secondFactor.resetFor', { name })} onClick={() => setConfirming(true)}>
          {t('secondFactor.reset')}
        </Button>
      )}
      {on && confirming && (
        <>
          <Button
            variant="secondary"
            data-color="danger"
            data-size="sm"
            autoFocus
            aria-label={t('secondFactor.resetConfirmFor', { name })}
            loading={reset.isPending}
            onClick={() =>
              reset.mutate(userId, {
                onSuccess: () => {
                  setConfirming(false);
                  setDone(true);
                },
              })
            }
          >
            {t('secondFactor.resetConfirm')}
          </Button>
          <Button variant="tertiary" data-size="sm" onClick={() => setConfirming(false)}>
            {t('secondFactor.cancel')}
          </Button>
        </>
      )}
      <span role="status" className={done ? undefined : 'visually-hidden'}>
        {done ? t('secondFactor.resetDone', { name }) : ''}
      </span>
      <ErrorAlert error={reset.error} />
    </div>
  );
}
