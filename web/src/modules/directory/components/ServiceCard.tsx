import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { longCalendarDate } from '../../../shared/locale.js';
import type { DirectoryHit } from '../api.js';
import { serviceHoursLines } from './service-hours.js';

/** Only web addresses become links (an imported `javascript:` address must never be clickable). */
const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

/** A phone number as a dialable link: digits and a leading + only. */
const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

/** One service as a person choosing where to turn needs it: open now, how to call, who it is for. */
export function ServiceCard({ hit }: { hit: DirectoryHit }) {
  const { t, i18n } = useTranslation();
  const headingId = `service-${hit.id}`;
  const hours = [...serviceHoursLines(hit.weekly_hours, t), ...hit.opening_hours.map((note) => ({ text: null, note }))];
  const ages = hit.minimum_age !== null || hit.maximum_age !== null ? t('findHelp.ages', { min: hit.minimum_age ?? 0, max: hit.maximum_age ?? '' }) : null;
  return (
    <article className="service-card" aria-labelledby={headingId} tabIndex={-1}>
      <div className="service-card__head">
        <Heading level={3} data-size="xs" id={headingId}>
          {hit.name}
        </Heading>
        {hit.open_now !== null && (
          <Tag data-color={hit.open_now ? 'success' : 'neutral'} data-size="sm">
            {t(hit.open_now ? 'findHelp.openNow' : 'findHelp.closedNow')}
          </Tag>
        )}
      </div>
      {hit.organization && hit.organization.name !== hit.name && <Paragraph data-size="sm" className="service-card__org">{hit.organization.name}</Paragraph>}
      {hit.phones.length > 0 && (
        <ul className="service-card__phones">
          {hit.phones.filter((p) => /\d{2}/.test(p.number)).map((p) => (
            <li key={p.number}>
              <a className="ds-link" href={telHref(p.number)}>
                {t('findHelp.call', { number: p.number })}
              </a>
              {p.description && p.description !== hit.name ? <span className="service-card__muted"> – {p.description}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {hit.description && <Paragraph data-size="sm">{hit.description}</Paragraph>}
      <dl className="service-card__facts">
        {hit.eligibility && (
          <>
            <dt>{t('findHelp.forWhom')}</dt>
            <dd>{hit.eligibility}</dd>
          </>
        )}
        {ages && (
          <>
            <dt>{t('findHelp.age')}</dt>
            <dd>{ages}</dd>
          </>
        )}
        {hit.application_process && (
          <>
            <dt>{t('findHelp.howTo')}</dt>
            <dd>{hit.application_process}</dd>
          </>
        )}
        {hit.fees && (
          <>
            <dt>{t('findHelp.fees')}</dt>
            <dd>{hit.fees}</dd>
          </>
        )}
        {hours.length > 0 && (
          <>
            <dt>{t('findHelp.hours')}</dt>
            {hours.map((h, i) => (
              <dd key={i}>
                {h.text}
                {h.text && h.note && ' · '}
                {h.note && <span className={h.text ? 'service-card__muted' : undefined}>{h.note}</span>}
              </dd>
            ))}
          </>
        )}
        {(hit.addresses.length > 0 || hit.areas.length > 0) && (
          <>
            <dt>{t('findHelp.where')}</dt>
            <dd>{[...hit.addresses, ...hit.areas.filter((a) => !hit.addresses.some((x) => x.includes(a)))].join(' · ')}</dd>
          </>
        )}
        {((hit.url && isWebAddress(hit.url)) || hit.email) && (
          <>
            <dt>{t('findHelp.contact')}</dt>
            <dd>
              {hit.url && isWebAddress(hit.url) && (
                // A new tab keeps this page one entry in the history, so quick exit leaves no way back.
                <a className="ds-link" href={hit.url} target="_blank" rel="noopener noreferrer">
                  {hit.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                </a>
              )}
              {hit.url && isWebAddress(hit.url) && hit.email && ' · '}
              {hit.email && (
                <a className="ds-link" href={`mailto:${hit.email}`}>
                  {hit.email}
                </a>
              )}
            </dd>
          </>
        )}
      </dl>
      {hit.last_verified && (
        <Paragraph data-size="xs" className="service-card__muted">
          {t('findHelp.lastVerified', { date: longCalendarDate(hit.last_verified, i18n.language) })}
        </Paragraph>
      )}
    </article>
  );
}
