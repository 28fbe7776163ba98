import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** On a case: the handbook's checklists, to be ticked and saved with this case. */
export function CaseChecklistsLink({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-checklists" className="stack stack--tight">
      <Heading level={2} data-size="sm" id="case-checklists">
        {t('checklists.title')}
      </Heading>
      <Paragraph data-size="sm">{t('checklists.openHint')}</Paragraph>
      <Paragraph>
        <Link className="ds-link" to={`/checklists?case=${encodeURIComponent(caseId)}`}>
          {t('checklists.open')}
        </Link>
      </Paragraph>
    </section>
  );
}
