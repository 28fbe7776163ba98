import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Select } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../../i18n/index.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { fetchRightsAnswer, fetchRightsGuide, fetchStatusAnswers } from '../api.js';
import { RightsAnswerCard } from '../components/RightsAnswerCard.js';

const ALL = 'all';

/**
 * Printing gives the answer alone: no header, no form, but a line saying what was chosen. The app
 * has no print rules of its own, so the page brings these (the CSP allows inline styles).
 */

interface Choices {
  status: string;
  domain: string;
  under18: boolean;
}

const choicesFromAddress = (params: URLSearchParams): Choices => ({ status: params.get('status') ?? '', domain: params.get('domain') ?? '', under18: params.get('child') === '1' });

/**
 * The rights guide (issue 10 point 4) for counsellors: a migration status, whether the person is a
 * child, and a domain give what the person is entitled to, from handbook 004, as the choices are made.
 */
export function RightsGuidePage() {
  const { t, i18n } = useTranslation();
  const lang = isLocale(i18n.language) ? i18n.language : 'nb';
  usePageTitle(t('rights.title'));
  const [params, setParams] = useSearchParams();
  // The choices live here, so the fields answer at once; the address follows them, so a reload or
  // a printout keeps them. What the guide does not know is left unchosen.
  const [choices, setChoices] = useState(() => choicesFromAddress(params));
  const guide = useQuery({ queryKey: ['rights', 'guide'], queryFn: fetchRightsGuide, staleTime: Infinity });
  const status = guide.data?.statuses.find((s) => s.id === choices.status);
  const domain = choices.domain === ALL || guide.data?.domains.some((d) => d.id === choices.domain) ? choices.domain : '';
  const under18 = choices.under18;
  // A minor status is a child's anyway: the box is not offered, and not sent.
  const child = !!status && !status.minor && under18;

  const one = useQuery({
    queryKey: ['rights', 'answer', status?.id, domain, child],
    queryFn: () => fetchRightsAnswer(status!.id, domain, child),
    enabled: !!status && !!domain && domain !== ALL,
    staleTime: Infinity,
  });
  const all = useQuery({
    queryKey: ['rights', 'status', status?.id, child],
    queryFn: () => fetchStatusAnswers(status!.id, child),
    enabled: !!status && domain === ALL,
    staleTime: Infinity,
  });

  const choose = (next: Partial<Choices>) => setChoices((c) => ({ ...c, ...next }));
  useEffect(() => {
    const out: Record<string, string> = {};
    if (choices.status) out.status = choices.status;
    if (choices.domain) out.domain = choices.domain;
    if (choices.under18) out.child = '1';
    if (new URLSearchParams(out).toString() !== window.location.search.replace(/^\?/, '')) setParams(out, { replace: true });
  }, [choices, setParams]);

  const domainLabel = (id: string) => guide.data?.domains.find((d) => d.id === id)?.label[lang] ?? id;
  const pending = domain === ALL ? all : one;
  const busy = pending.isFetching;

  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {t('rights.title')}
      </Heading>
      <Paragraph>{t('rights.intro')}</Paragraph>
      <Alert data-color="warning">
        <Heading level={2} data-size="xs">
          {t('rights.warningTitle')}
        </Heading>
        <Paragraph>{t('rights.warning')}</Paragraph>
      </Alert>
      <ErrorAlert error={guide.error} />
      {guide.isLoading && <Loading />}
      {guide.data && (
        <>
          <form className="stack rights-no-print" aria-label={t('rights.title')} onSubmit={(e) => e.preventDefault()}>
            <Fieldset>
              <Fieldset.Legend>{t('rights.step1')}</Fieldset.Legend>
              <div className="checkbox-columns">
                {guide.data.statuses.map((s, i) => (
                  <Radio
                    key={s.id}
                    name="status"
                    value={s.id}
                    label={s.label[lang]}
                    checked={status?.id === s.id}
                    onChange={() => choose({ status: s.id })}
                    // Keyboard first: the page opens on the status, the checked one or else the first.
                    autoFocus={status ? status.id === s.id : i === 0}
                  />
                ))}
              </div>
            </Fieldset>
            {status?.minor ? (
              <Paragraph data-size="sm">{t('rights.minorStatus')}</Paragraph>
            ) : (
              <Checkbox name="child" label={t('rights.under18')} description={t('rights.under18Hint')} checked={under18} onChange={(e) => choose({ under18: e.target.checked })} />
            )}
            <Field>
              <Label>{t('rights.step2')}</Label>
              <Select name="domain" value={domain} onChange={(e) => choose({ domain: e.target.value })} width="auto">
                <Select.Option value="">{t('rights.chooseDomain')}</Select.Option>
                <Select.Option value={ALL}>{t('rights.allDomains')}</Select.Option>
                {guide.data.domains.map((d) => (
                  <Select.Option key={d.id} value={d.id}>
                    {d.label[lang]}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </form>

          <section className="stack" aria-labelledby="rights-result" aria-live="polite" aria-busy={busy}>
            <Heading level={2} data-size="sm" id="rights-result">
              {t('rights.result')}
            </Heading>
            {status && domain && (
              <div className="rights-print-only">
                <dl className="case-facts">
                  <div>
                    <dt>{t('rights.summaryStatus')}</dt>
                    <dd>{status.label[lang]}</dd>
                  </div>
                  {!status.minor && (
                    <div>
                      <dt>{t('rights.summaryChild')}</dt>
                      <dd>{t(under18 ? 'rights.yes' : 'rights.no')}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('rights.summaryDomain')}</dt>
                    <dd>{domain === ALL ? t('rights.allDomains') : domainLabel(domain)}</dd>
                  </div>
                </dl>
              </div>
            )}
            {!status ? (
              <Paragraph>{t('rights.pickStatus')}</Paragraph>
            ) : !domain ? (
              <Paragraph>{t('rights.pickDomain')}</Paragraph>
            ) : (
              <>
                <ErrorAlert error={pending.error} />
                {busy && <Paragraph>{t('rights.loading')}</Paragraph>}
                {!busy && domain !== ALL && one.data && <RightsAnswerCard answer={one.data} domainLabel={domainLabel(one.data.domain)} lang={lang} />}
                {!busy && domain === ALL && all.data && (
                  <ul className="plain-list">
                    {all.data.answers.map((a) => (
                      <li key={a.domain}>
                        <RightsAnswerCard answer={a} domainLabel={domainLabel(a.domain)} lang={lang} />
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </section>
          {status && domain && !busy && pending.data && (
            <div className="rights-no-print">
              <Button variant="secondary" onClick={() => window.print()}>
                {t('rights.print')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
