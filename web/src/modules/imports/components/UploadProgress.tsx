import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../api.js';

/**
 * Upload progress as a native <progress> (announced by screen readers); then, while the server
 * imports, the rows it has checked and loaded so far.
 */
export function UploadProgress({ progress, job }: { progress: number | null | undefined; job?: ImportJob }) {
  const { t } = useTranslation();
  if (progress === undefined) return null;
  if (progress === null)
    return (
      <div className="row" style={{ alignItems: 'center' }} role="status">
        <Spinner aria-hidden data-size="sm" />
        <Paragraph>
          {!job
            ? t('imports.processing')
            : job.phase === 'publishing'
              ? t('imports.publishing', { count: job.loaded })
              : t('imports.jobProgress', { checked: job.checked.toLocaleString(), loaded: job.loaded.toLocaleString() })}
        </Paragraph>
      </div>
    );
  const percent = Math.round(progress * 100);
  return (
    <div className="stack narrow">
      <label htmlFor="upload-progress">{t('imports.uploading')}</label>
      <progress id="upload-progress" max={100} value={percent} style={{ width: '100%' }}>
        {percent} %
      </progress>
    </div>
  );
}
