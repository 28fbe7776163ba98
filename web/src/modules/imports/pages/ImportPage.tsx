import { Alert, Button, Field, Heading, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { HelplineSelect } from '../../helplines/components/HelplineSelect.js';
import { useHelplines } from '../../helplines/hooks.js';
import { duplicateOf, formatOf, rowErrorsOf, templateUrl } from '../api.js';
import { ImportBatches } from '../components/ImportBatches.js';
import { ImportErrors } from '../components/ImportErrors.js';
import { UploadProgress } from '../components/UploadProgress.js';
import { useImport } from '../hooks.js';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  const helplines = useHelplines();
  const upload = useImport();
  const [chosen, setChosen] = useState<string>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState('');
  const helplineId = chosen ?? helplines.data?.[0]?.id;
  const rowErrors = rowErrorsOf(upload.error);
  const duplicate = duplicateOf(upload.error);

  const send = (confirmDuplicate: boolean) => {
    const format = file ? formatOf(file) : null;
    if (!file || !format) return setFileError(t(file ? 'imports.wrongType' : 'imports.noFile'));
    if (!helplineId) return;
    setFileError('');
    upload.mutate({ helplineId, file, format, confirmDuplicate });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(false);
  };

  if (helplines.isPending) return <Loading />;

  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {t('imports.title')}
      </Heading>
      <Paragraph>{t('imports.intro')}</Paragraph>
      <Paragraph>
        {t('imports.templates')}{' '}
        <a className="ds-link" href={templateUrl('csv', helplineId ?? '')} download>
          {t('imports.templateCsv')}
        </a>
        {' · '}
        <a className="ds-link" href={templateUrl('xlsx', helplineId ?? '')} download>
          {t('imports.templateXlsx')}
        </a>
      </Paragraph>
      <ErrorAlert error={helplines.error} />
      <form className="stack narrow" onSubmit={onSubmit} noValidate aria-busy={upload.isPending}>
        <HelplineSelect helplines={helplines.data ?? []} value={helplineId ?? ''} onChange={setChosen} />
        <Field>
          <Label>{t('imports.file')}</Label>
          <Field.Description>{t('imports.fileHint')}</Field.Description>
          <Input
            type="file"
            name="file"
            accept={ACCEPT}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
            }}
          />
          {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
        </Field>
        <div>
          <Button type="submit" loading={upload.isPending} disabled={!helplineId}>
            {t('imports.upload')}
          </Button>
        </div>
      </form>
      <UploadProgress progress={upload.progress} job={upload.job} />
      <div role="status" aria-live="polite">
        {upload.data && (
          <Alert data-color="success">
            <Paragraph>{t('imports.done', { count: upload.data.imported })}</Paragraph>
          </Alert>
        )}
      </div>
      {duplicate && (
        <Alert data-color="warning" role="alert">
          <div className="stack">
            <Paragraph>{duplicate.message}</Paragraph>
            <div>
              <Button variant="secondary" onClick={() => send(true)}>
                {t('imports.importAgain')}
              </Button>
            </div>
          </div>
        </Alert>
      )}
      {upload.error != null && rowErrors.length === 0 && !duplicate && <ErrorAlert error={upload.error} />}
      {rowErrors.length > 0 && (
        <>
          <Alert data-color="danger" role="alert">
            <Paragraph>{(upload.error as Error).message}</Paragraph>
          </Alert>
          <ImportErrors errors={rowErrors} />
        </>
      )}
      <ImportBatches helplineId={helplineId} />
    </div>
  );
}
