import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../http.js';

/** Shows an error from the API in the user's language (the server already localizes `message`). */
export function errorMessage(err: unknown, t: (key: string) => string): string {
  if (isApiError(err)) {
    if (err.status === 0) return t('errors.network');
    if (err.status === 403) return err.message && !err.message.startsWith('HTTP') ? err.message : t('errors.forbidden');
    if (err.message && !err.message.startsWith('HTTP ')) return err.message;
  }
  return t('errors.unknown');
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorMessage(error, t)}</Paragraph>
    </Alert>
  );
}
