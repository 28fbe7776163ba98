import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { escalationRouteAt, type NextStep, type Text } from '../../../../../src/shared/checklists.js';
import { useNow } from '../../helplines/use-now.js';
import { fetchChecklist } from '../api.js';

type Lang = keyof Text;

/**
 * What the handbook says to do now: its advice for what is ticked, and for a minor whom to contact
 * first at this hour (the escalation route, read on the Norwegian clock) and what follows.
 */
export function NextSteps({ steps, minor, acute }: { steps: NextStep[]; minor: boolean; acute: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = (['nb', 'da', 'en'].includes(i18n.language) ? i18n.language : 'nb') as Lang;
  const now = useNow();
  const escalation = useQuery({ queryKey: ['checklists', 'minor-escalation'], queryFn: () => fetchChecklist('minor-escalation'), enabled: minor, staleTime: Infinity });
  const route = minor && escalation.data?.routes ? escalationRouteAt(escalation.data.routes, acute, now) : undefined;
  const line = (n: number) => t('checklists.sourceLine', { line: n });
  return (
    <section aria-labelledby="next-steps" className="stack next-steps" aria-live="polite">
      <Heading level={2} data-size="sm" id="next-steps">
        {t('checklists.nextSteps')}
      </Heading>
      {route && (
        <Alert data-color={acute ? 'danger' : 'warning'}>
          <Heading level={3} data-size="xs">
            {t('checklists.contactNow', { who: route.contact[lang] })}
          </Heading>
          <Paragraph>{route.text[lang]}</Paragraph>
          {route.note && <Paragraph data-size="sm">{route.note[lang]}</Paragraph>}
          <Paragraph data-size="xs">{line(route.source.line)}</Paragraph>
        </Alert>
      )}
      {steps.length === 0 && !route ? (
        <Paragraph data-size="sm">{t('checklists.noSteps')}</Paragraph>
      ) : (
        <ol className="stack">
          {steps.map((s) => (
            <li key={`${s.when}-${s.source.line}-${s.text.nb.slice(0, 20)}`}>
              <Paragraph>{s.text[lang]}</Paragraph>
              {s.contacts && s.contacts.length > 0 && <Paragraph data-size="sm">{s.contacts.join(' · ')}</Paragraph>}
              <Paragraph data-size="xs" className="service-card__muted">{line(s.source.line)}</Paragraph>
            </li>
          ))}
          {route &&
            escalation.data?.then?.map((s) => (
              <li key={`then-${s.source.line}`}>
                <Paragraph>{s.text[lang]}</Paragraph>
                {s.contacts && s.contacts.length > 0 && <Paragraph data-size="sm">{s.contacts.join(' · ')}</Paragraph>}
                <Paragraph data-size="xs" className="service-card__muted">{line(s.source.line)}</Paragraph>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
