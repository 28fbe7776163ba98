import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { useLocale } from '../../../shared/locale.js';
import { passkeysSupported } from '../api.js';
import { passkeyErrorMessage } from '../errors.js';
import { useAddPasskey, usePasskeys } from '../hooks.js';
import { RemovePasskeyAction } from './RemovePasskeyAction.js';

/**
 * The user's passkeys on their two-factor page: listed with when each was added and last used,
 * added with a name the user chooses, removed after the password (decision 0020).
 */
export function PasskeysSection() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const list = usePasskeys();
  const add = useAddPasskey();
  const [name, setName] = useState('');
  const [done, setDone] = useState('');
  const errors = fieldErrorsOf(add.error);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const supported = passkeysSupported();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    add.mutate(name.trim(), {
      onSuccess: (passkey) => {
        setName('');
        setDone(t('passkeys.added', { name: passkey.name }));
      },
    });
  };

  return (
    <section className="stack" aria-labelledby="passkeys-heading" aria-busy={list.isPending}>
      <Heading level={2} data-size="md" id="passkeys-heading">
        {t('passkeys.title')}
      </Heading>
      <Paragraph>{t('passkeys.intro')}</Paragraph>
      {list.isPending && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.passkeys.length === 0 && <Paragraph>{t('passkeys.none')}</Paragraph>}
      {list.data && list.data.passkeys.length > 0 && (
        <div className="table-scroll" role="region" aria-label={t('passkeys.listLabel')} tabIndex={0}>
          <Table zebra>
            <caption className="visually-hidden">{t('passkeys.listLabel')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('passkeys.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('passkeys.createdAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('passkeys.lastUsedAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('passkeys.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.passkeys.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{p.name}</Table.Cell>
                  <Table.Cell>{when.format(new Date(p.createdAt))}</Table.Cell>
                  <Table.Cell>{p.lastUsedAt ? when.format(new Date(p.lastUsedAt)) : t('passkeys.neverUsed')}</Table.Cell>
                  <Table.Cell>
                    <RemovePasskeyAction passkey={p} onRemoved={(removed) => setDone(t('passkeys.removed', { name: removed }))} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <div role="status">{done}</div>
      {supported ? (
        <form className="stack narrow" onSubmit={onSubmit} noValidate aria-busy={add.isPending}>
          <Heading level={3} data-size="xs">
            {t('passkeys.addTitle')}
          </Heading>
          {add.error && !errors.passkeyName && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{passkeyErrorMessage(add.error, t)}</Paragraph>
            </Alert>
          )}
          <Textfield
            label={t('passkeys.name')}
            description={t('passkeys.nameHint')}
            name="passkeyName"
            maxLength={60}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.passkeyName}
          />
          <div className="row">
            <Button type="submit" loading={add.isPending}>
              {t('passkeys.add')}
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph>{t('passkeys.unsupported')}</Paragraph>
      )}
    </section>
  );
}
