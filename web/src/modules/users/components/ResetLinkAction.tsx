import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { useLocale } from '../../../shared/locale.js';
import { usePasswordResetLink } from '../hooks.js';
import type { UserActionProps } from './user-actions.js';

/** Makes a one-time link for the user to set a new password, and shows it to pass on. */
export function ResetLinkAction({ user }: UserActionProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const link = usePasswordResetLink();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const headingId = `reset-link-${user.id}`;

  const create = () => {
    setCopied(false);
    setOpen(true);
    link.mutate(user.id);
  };
  const copy = () => {
    if (!link.data) return;
    void navigator.clipboard?.writeText(link.data.url).then(() => setCopied(true), () => undefined);
  };
  const expires = link.data ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(link.data.expiresAt)) : '';

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={create}>
        {t('users.resetLink')}
        <span className="visually-hidden"> {user.displayName}</span>
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('users.close')} aria-labelledby={headingId}>
        <Dialog.Block>
          <div className="stack" aria-busy={link.isPending}>
            <Heading level={2} data-size="sm" id={headingId}>
              {t('users.resetLinkTitle', { name: user.displayName })}
            </Heading>
            <ErrorAlert error={link.error} />
            {link.data && (
              <>
                <Paragraph>{t('users.resetLinkText', { expires })}</Paragraph>
                <Textfield label={t('users.resetLinkLabel')} readOnly value={link.data.url} autoFocus onFocus={(e) => e.target.select()} />
                <div className="row">
                  <Button variant="secondary" onClick={copy}>
                    {t('users.copy')}
                  </Button>
                  <Button onClick={() => setOpen(false)}>{t('users.close')}</Button>
                </div>
                <div role="status">{copied ? t('users.copied') : ''}</div>
              </>
            )}
          </div>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
