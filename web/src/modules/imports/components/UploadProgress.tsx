import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Upload progress as a native <progress> (announced by screen readers), then a spinner while the server imports. */
export function UploadProgress({ progress }: { progress: number | null | undefined }) {
  const { t } = useTranslation();
  if (progress === undefined) return null;
  if (progress === null)
    return (
      <div className="row" style={{ alignItems: 'center' }} role="status">
        <Spinner aria-hidden data-size="sm" />
        <Paragraph>{t('imports.processing')}</Paragraph>
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
