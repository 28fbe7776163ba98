import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../src/shared/enums.js';
import type { RightsAnswer, RightsAnswerKind } from '../api.js';

/** The colour of each answer's badge: the text says the same, the colour only helps the eye. */
const COLOUR: Record<RightsAnswerKind, 'success' | 'warning' | 'danger' | 'info'> = {
  entitled: 'success',
  limited: 'warning',
  not_entitled: 'danger',
  depends: 'info',
};

/** A plain date (YYYY-MM-DD) read at noon UTC, so it is the same day in every time zone. */
const longDate = (date: string, lang: Locale) => new Date(`${date}T12:00:00Z`).toLocaleDateString(lang, { dateStyle: 'long' });

interface Props {
  answer: RightsAnswer;
  /** The domain's name in the UI language (the heading of the card). */
  domainLabel: string;
  lang: Locale;
}

/**
 * One answer of the rights guide: the badge, the conditions, the legal basis, where the handbook
 * says so and when it was last checked; a note when the child's rule replaces the adult one.
 */
export function RightsAnswerCard({ answer, domainLabel, lang }: Props) {
  const { t } = useTranslation();
  const headingId = `rights-answer-${answer.domain}`;
  return (
    <Card data-color="neutral" className="rights-answer" aria-labelledby={headingId} asChild>
      <article>
        <div className="stack stack--tight">
          <Heading level={3} data-size="xs" id={headingId}>
            {domainLabel}
          </Heading>
          <div>
            <Tag data-color={COLOUR[answer.answer]} data-answer={answer.answer}>
              {t(`rights.answers.${answer.answer}`)}
            </Tag>
          </div>
          {answer.child_override && (
            <Alert data-color="info" data-size="sm">
              <Paragraph data-size="sm">{t('rights.childOverride')}</Paragraph>
            </Alert>
          )}
          <Paragraph>{answer.conditions[lang]}</Paragraph>
          {answer.legal_basis && (
            <dl className="case-facts">
              <div>
                <dt>{t('rights.legalBasis')}</dt>
                <dd>{answer.legal_basis}</dd>
              </div>
            </dl>
          )}
          <Paragraph data-size="sm">{t('rights.source', { section: answer.source.section, line: answer.source.line })}</Paragraph>
          <Paragraph data-size="sm">{t('rights.lastVerified', { date: longDate(answer.last_verified, lang) })}</Paragraph>
        </div>
      </article>
    </Card>
  );
}
