import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { Passkey } from '../api.js';
import { useRemovePasskey } from '../hooks.js';

/** Removes one passkey after the user types their password again: a session left open is not enough. */
export function RemovePasskeyAction({ passkey, onRemoved }: { passkey: Passkey; onRemoved: (name: string) => void }) {
  const { t } = useTranslation();
  const remove = useRemovePasskey();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const errors = fieldErrorsOf(remove.error);
  const headingId = `remove-passkey-${passkey.id}`;

  const close = () => {
    setOpen(false);
    setPassword('');
    remove.reset();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    remove.mutate({ id: passkey.id, password }, { onSuccess: () => { close(); onRemoved(passkey.name); } });
  };

  return (
    <>
      <Button variant="secondary" data-color="danger" data-size="sm" onClick={() => setOpen(true)}>
        {t('passkeys.remove')}
        <span className="visually-hidden"> {passkey.name}</span>
      </Button>
      <Dialog open={open} onClose={close} closeButton={t('passkeys.cancel')} aria-labelledby={headingId}>
        <Dialog.Block>
          <form className="stack" onSubmit={onSubmit} noValidate aria-busy={remove.isPending}>
            <Heading level={2} data-size="sm" id={headingId}>
              {t('passkeys.removeTitle', { name: passkey.name })}
            </Heading>
            <Paragraph>{t('passkeys.removeIntro')}</Paragraph>
            {!errors.password && <ErrorAlert error={remove.error} />}
            <Textfield
              label={t('login.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.password}
            />
            <div className="row">
              <Button type="submit" data-color="danger" loading={remove.isPending}>
                {t('passkeys.removeConfirm')}
              </Button>
              <Button type="button" variant="tertiary" onClick={close}>
                {t('passkeys.cancel')}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
