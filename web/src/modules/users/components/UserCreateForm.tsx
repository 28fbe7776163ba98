import { Alert, Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, LOCALES, type Locale, type Role } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import type { HelplineResponse } from '../../helplines/api.js';
import { useCreateUser } from '../hooks.js';
import { HelplineCheckboxes, RoleField } from './AccessFields.js';

const EMPTY = { email: '', displayName: '', role: 'counsellor' as Role, locale: 'nb' as Locale, password: '', helplineIds: [] as string[] };

export function UserCreateForm({ helplines }: { helplines: HelplineResponse[] }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [v, setV] = useState(EMPTY);
  const [created, setCreated] = useState('');
  const errors = fieldErrorsOf(create.error);
  const text = (name: 'email' | 'displayName' | 'password') => ({
    name,
    value: v[name],
    error: errors[name],
    onChange: (e: { target: { value: string } }) => setV((x) => ({ ...x, [name]: e.target.value })),
  });
  const toggleHelpline = (id: string, on: boolean) =>
    setV((x) => ({ ...x, helplineIds: on ? [...x.helplineIds, id] : x.helplineIds.filter((h) => h !== id) }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setCreated('');
    create.mutate(v, {
      onSuccess: (user) => {
        setCreated(t('users.created', { name: user.displayName }));
        setV(EMPTY);
      },
    });
  };

  return (
    <form className="stack narrow" onSubmit={onSubmit} noValidate aria-labelledby="create-user-heading" aria-busy={create.isPending}>
      <Heading level={2} data-size="sm" id="create-user-heading">
        {t('users.createTitle')}
      </Heading>
      <div role="status" aria-live="polite">
        {created && (
          <Alert data-color="success">
            <Paragraph>{created}</Paragraph>
          </Alert>
        )}
      </div>
      {Object.keys(errors).length === 0 && <ErrorAlert error={create.error} />}
      <Textfield label={t('users.email')} type="email" autoComplete="off" required {...text('email')} />
      <Textfield label={t('users.displayName')} autoComplete="off" required {...text('displayName')} />
      <RoleField value={v.role} onChange={(role) => setV((x) => ({ ...x, role }))} error={errors.role} />
      <Field>
        <Label>{t('users.locale')}</Label>
        <Select name="userLocale" value={v.locale} onChange={(e) => setV((x) => ({ ...x, locale: e.target.value as Locale }))}>
          {LOCALES.map((l) => (
            <Select.Option key={l} value={l}>
              {t(`enums.locale.${l}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <HelplineCheckboxes helplines={helplines} selected={v.helplineIds} onToggle={toggleHelpline} error={errors.helplineIds} />
      <Textfield
        label={t('users.password')}
        description={t('users.passwordHint', { min: LIMITS.passwordMin })}
        type="password"
        autoComplete="new-password"
        required
        {...text('password')}
      />
      <div>
        <Button type="submit" loading={create.isPending}>
          {t('users.create')}
        </Button>
      </div>
    </form>
  );
}
