import { Alert, Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { USER_GROUPS, type UserGroup } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { useCurrentUser } from '../../auth/hooks.js';
import { useHelplines } from '../../helplines/hooks.js';
import { HelplineSelect } from '../../helplines/components/HelplineSelect.js';
import { useOpenCase } from '../hooks.js';

const FIELDS = ['helplineId', 'userGroup', 'pseudonym', 'timeLimit'];

/**
 * Opens a follow-up case: from the contacts named in the address (`?contactId=…&helplineId=…`,
 * as the contact page offers it), or for a person transferred directly. The case holds a
 * pseudonym only; the server refuses contacts the user may not read.
 */
export function NewCasePage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.newTitle'));
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const contactIds = params.getAll('contactId');
  const helplines = useHelplines();
  const open = useOpenCase();
  const formRef = useRef<HTMLFormElement>(null);
  const mine = (helplines.data ?? []).filter((h) => me.helplineIds.includes(h.id));
  const [helplineId, setHelplineId] = useState<string | undefined>(params.get('helplineId') ?? undefined);
  const [userGroup, setUserGroup] = useState<UserGroup>(contactIds.length ? 'helpline' : 'housing_programme');
  const [pseudonym, setPseudonym] = useState('');
  const [timeLimit, setTimeLimit] = useState('');
  const errors = fieldErrorsOf(open.error);
  const general = open.error && !FIELDS.includes(Object.keys(errors)[0] ?? '') ? open.error : null;

  if (helplines.isPending) return <Loading />;
  if (helplines.error) return <ErrorAlert error={helplines.error} />;
  const chosen = helplineId ?? mine[0]?.id;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || open.isPending) return;
    try {
      const saved = await open.mutateAsync({ helplineId: chosen, userGroup, pseudonym, contactIds, timeLimit: timeLimit || null });
      void navigate(`/cases/${saved.id}`);
    } catch (err) {
      const name = Object.keys(fieldErrorsOf(err))[0];
      formRef.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
    }
  };

  return (
    <div className="stack">
      <Paragraph>
        <Link to="/cases" className="ds-link">
          {t('cases.back')}
        </Link>
      </Paragraph>
      <Heading level={1} data-size="md">
        {t('cases.newTitle')}
      </Heading>
      <Alert data-color="info">
        <Paragraph>{contactIds.length ? t('cases.linked', { count: contactIds.length }) : t('cases.direct')}</Paragraph>
      </Alert>
      <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-busy={open.isPending} data-size="sm">
        <ErrorAlert error={general} />
        {!contactIds.length && <HelplineSelect helplines={mine} value={chosen ?? ''} onChange={setHelplineId} />}
        <Field>
          <Label>{t('cases.userGroup')}</Label>
          <Select name="userGroup" value={userGroup} onChange={(e) => setUserGroup(e.target.value as UserGroup)} width="auto">
            {USER_GROUPS.map((g) => (
              <Select.Option key={g} value={g}>
                {t(`cases.userGroups.${g}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t('cases.pseudonym')}
          description={t('cases.pseudonymHint')}
          name="pseudonym"
          value={pseudonym}
          maxLength={60}
          required
          autoFocus
          onChange={(e) => setPseudonym(e.target.value)}
          error={errors.pseudonym}
        />
        <Textfield
          label={t('cases.timeLimit')}
          description={t('cases.timeLimitHint')}
          name="timeLimit"
          type="date"
          value={timeLimit}
          onChange={(e) => setTimeLimit(e.target.value)}
          error={errors.timeLimit}
          className="narrow-field"
        />
        <div>
          <Button type="submit" loading={open.isPending}>
            {t('cases.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
