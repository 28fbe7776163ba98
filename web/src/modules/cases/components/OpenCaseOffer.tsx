import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/hooks.js';

interface Props {
  contact: { id: string; helplineId: string; outcomes: string[] } | null | undefined;
}

/** A contact registered with the outcome "follow-up case" offers to open the case at once (issue 9, point 1). */
export function OpenCaseOffer({ contact }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  if (!contact || !can('case.open') || !contact.outcomes.includes('follow_up_case')) return null;
  const to = `/cases/new?${new URLSearchParams({ contactId: contact.id, helplineId: contact.helplineId }).toString()}`;
  return (
    <Alert data-color="info">
      <Paragraph>{t('cases.offer')}</Paragraph>
      <Button asChild variant="secondary" data-size="sm">
        <Link to={to}>{t('cases.fromContact')}</Link>
      </Button>
    </Alert>
  );
}
