import { Alert, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useLocale } from '../../../shared/locale.js';
import type { HelplineResponse } from '../api.js';
import { ChannelTable } from '../components/ChannelTable.js';
import { TaxonomyDetails } from '../components/TaxonomyDetails.js';
import { useHelplines } from '../hooks.js';

function HelplineCard({ helpline }: { helpline: HelplineResponse }) {
  const { t } = useTranslation();
  const { label } = useLocale();
  const name = label(helpline.name);
  const headingId = `helpline-${helpline.id}`;
  return (
    <Card asChild data-color="neutral" className="helpline-card">
      <section aria-labelledby={headingId}>
        <Card.Block>
          <div className="stack">
            <Heading level={2} data-size="sm" id={headingId}>
              {name}
            </Heading>
            <div className="stack stack--tight">
              <Heading level={3} data-size="xs">
                {t('helplines.channelsTitle')}
              </Heading>
              <ChannelTable channels={helpline.channels} timeZone={helpline.timeZone} caption={t('helplines.channelsCaption', { name })} />
              <Paragraph data-size="sm">{t('helplines.timeZone', { timeZone: helpline.timeZone })}</Paragraph>
            </div>
            <div className="stack stack--tight">
              <Heading level={3} data-size="xs">
                {t('helplines.retentionTitle')}
              </Heading>
              <Paragraph>
                {helpline.summaryRetentionMonths === null
                  ? t('helplines.retentionKept')
                  : t('helplines.retention', { count: helpline.summaryRetentionMonths })}
              </Paragraph>
            </div>
          </div>
        </Card.Block>
        <TaxonomyDetails helplineId={helpline.id} />
      </section>
    </Card>
  );
}

/** Read-only: the helplines the user works on, as configured in data/helplines/. */
export function HelplinesPage() {
  const { t } = useTranslation();
  usePageTitle(t('helplines.title'));
  // "Open now" follows the clock in the browser (ChannelTable): no need to fetch again for it.
  const helplines = useHelplines();
  return (
    <div className="stack" aria-busy={helplines.isPending}>
      <Heading level={1} data-size="md">
        {t('helplines.title')}
      </Heading>
      <Alert data-color="info">
        <Paragraph>
          <Trans i18nKey="helplines.configNote" components={{ code: <code /> }} />
        </Paragraph>
      </Alert>
      {helplines.isPending && <Loading />}
      <ErrorAlert error={helplines.error} />
      {helplines.data?.length === 0 && <Paragraph>{t('helplines.empty')}</Paragraph>}
      {helplines.data?.map((h) => <HelplineCard key={h.id} helpline={h} />)}
    </div>
  );
}
