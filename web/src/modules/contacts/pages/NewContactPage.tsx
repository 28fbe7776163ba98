import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useCurrentUser } from '../../auth/hooks.js';
import { useHelplines } from '../../helplines/hooks.js';
import type { HelplineResponse } from '../../helplines/api.js';
import { ContactForm } from '../components/ContactForm.js';
import { emptyValues } from '../form-values.js';
import { useCreateContact } from '../hooks.js';
import type { ContactResponse } from '../api.js';
import { OpenCaseOffer } from '../../cases/components/OpenCaseOffer.js';

const LAST_CHANNEL = 'brobygger.lastChannel';

/** The channel used last time on this device, else the helpline's first channel. */
function startChannel(helpline: HelplineResponse | undefined): Channel {
  const offered = helpline?.channels.map((c) => c.channel) ?? [];
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_CHANNEL);
  } catch {
    last = null;
  }
  const known = CHANNELS.find((c) => c === last);
  if (known && (offered.length === 0 || offered.includes(known))) return known;
  return offered[0] ?? 'telephone';
}

export function NewContactPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('contactForm.newTitle'));
  const me = useCurrentUser();
  const helplines = useHelplines();
  const create = useCreateContact();
  const [lastSaved, setLastSaved] = useState<ContactResponse | null>(null);

  if (helplines.isPending) return <Loading />;
  if (helplines.error) return <ErrorAlert error={helplines.error} />;
  const list = helplines.data;
  const first = list.find((h) => me.helplineIds.includes(h.id)) ?? list[0];
  if (!first)
    return (
      <Alert data-color="warning">
        <Paragraph>{t('contactForm.noHelpline')}</Paragraph>
      </Alert>
    );

  const onSave = async (input: Parameters<typeof create.mutateAsync>[0]) => {
    const saved = await create.mutateAsync(input);
    setLastSaved(saved);
    try {
      localStorage.setItem(LAST_CHANNEL, input.channel);
    } catch {
      /* ignore */
    }
    const time = new Date(saved.startedAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
    return t('contactForm.saved', { time, channel: t(`enums.channel.${saved.channel}`) });
  };

  return (
    <>
      <Heading level={1} data-size="md">
        {t('contactForm.newTitle')}
      </Heading>
      <OpenCaseOffer contact={lastSaved} />
      <ContactForm
        initial={emptyValues(first.id, startChannel(first))}
        helplines={list}
        pickHelpline={list.length > 1}
        onSave={onSave}
        resetTo={(v) => emptyValues(v.helplineId, v.channel)}
        submitLabel={t('contactForm.save')}
      />
    </>
  );
}
