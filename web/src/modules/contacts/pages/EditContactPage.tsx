import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useHelplines } from '../../helplines/hooks.js';
import type { ContactInput } from '../api.js';
import { ContactForm } from '../components/ContactForm.js';
import { ContactHistory } from '../components/ContactHistory.js';
import { OpenCaseOffer } from '../../cases/components/OpenCaseOffer.js';
import { valuesFromContact } from '../form-values.js';
import { useContact, useUpdateContact } from '../hooks.js';

export function EditContactPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('contactForm.editTitle'));
  const contact = useContact(id);
  const helplines = useHelplines();
  const update = useUpdateContact(id);
  const [reloads, setReloads] = useState(0);

  if (contact.isPending || helplines.isPending) return <Loading />;
  if (contact.error || helplines.error) return <ErrorAlert error={contact.error ?? helplines.error} />;
  const current = contact.data;

  const onSave = async (input: ContactInput) => {
    // The version this editor loaded: a newer edit by someone else is refused with 409.
    await update.mutateAsync({ ...input, version: current.version });
    return t('contactForm.updated');
  };

  const reload = async () => {
    await contact.refetch();
    setReloads((n) => n + 1);
  };

  return (
    <div className="stack">
      <Paragraph>
        <Link to="/contacts" className="ds-link">
          {t('contacts.back')}
        </Link>
      </Paragraph>
      <Heading level={1} data-size="md">
        {t('contactForm.editTitle')}
      </Heading>
      <OpenCaseOffer contact={current} />
      {current.canEdit ? (
        <ContactForm
          key={`${id}-${reloads}`}
          initial={valuesFromContact(current)}
          helplines={helplines.data}
          pickHelpline={false}
          onSave={onSave}
          submitLabel={t('contactForm.saveChanges')}
          onConflictReload={() => void reload()}
        />
      ) : (
        <Alert data-color="info">
          <Paragraph>{t('contactForm.readOnly')}</Paragraph>
        </Alert>
      )}
      <ContactHistory id={id} helplineId={current.helplineId} date={valuesFromContact(current).startedAt.slice(0, 10)} timeZone={helplines.data.find((h) => h.id === current.helplineId)?.timeZone} />
    </div>
  );
}
