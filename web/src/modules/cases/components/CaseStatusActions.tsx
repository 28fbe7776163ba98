import { Alert, Button, Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_CLOSE_REASONS, type CaseCloseReason, type CaseStatus } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { SavedStatus } from './SavedStatus.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { isApiError } from '../../../shared/http.js';
import type { CaseResponse } from '../api.js';
import { useChangeCaseStatus } from '../hooks.js';

interface Props {
  current: CaseResponse;
  onReload: () => void;
}

/** Pause, resume, close (with a reason and, if wanted, what came of it) or reopen the case. */
export function CaseStatusActions({ current, onReload }: Props) {
  const { t } = useTranslation();
  const change = useChangeCaseStatus(current.id);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState<CaseCloseReason>('goal_reached');
  const [outcome, setOutcome] = useState('');
  const [done, setDone] = useState('');
  const errors = fieldErrorsOf(change.error);
  const conflict = isApiError(change.error) && change.error.status === 409;

  const to = async (status: CaseStatus, extra: { closeReason?: CaseCloseReason; closeOutcome?: string | null } = {}) => {
    setDone('');
    try {
      const saved = await change.mutateAsync({ status, version: current.version, ...extra });
      setClosing(false);
      setDone(t('cases.changed', { status: t(`cases.statuses.${saved.status}`) }));
    } catch {
      /* shown below */
    }
  };
  const close = (e: FormEvent) => {
    e.preventDefault();
    void to('closed', { closeReason: reason, closeOutcome: outcome.trim() || null });
  };

  return (
    <div className="stack">
      <SavedStatus message={done} />
      {conflict ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{(change.error as Error).message}</Paragraph>
          <Button variant="secondary" onClick={() => { change.reset(); onReload(); }}>
            {t('cases.reload')}
          </Button>
        </Alert>
      ) : (
        <ErrorAlert error={Object.keys(errors).length ? null : change.error} />
      )}
      {closing ? (
        <form className="stack" onSubmit={close} aria-label={t('cases.close')} data-size="sm">
          <Field>
            <Label>{t('cases.closeReason')}</Label>
            <Select name="closeReason" value={reason} onChange={(e) => setReason(e.target.value as CaseCloseReason)} width="auto" autoFocus>
              {CASE_CLOSE_REASONS.map((r) => (
                <Select.Option key={r} value={r}>
                  {t(`cases.closeReasons.${r}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield label={t('cases.closeOutcome')} description={t('cases.closeOutcomeHint')} name="closeOutcome" multiline rows={2} maxLength={500} value={outcome} onChange={(e) => setOutcome(e.target.value)} error={errors.closeOutcome} />
          <div className="button-row">
            <Button type="submit" loading={change.isPending}>
              {t('cases.confirmClose')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setClosing(false)}>
              {t('cases.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          {current.status === 'open' && (
            <Button variant="secondary" onClick={() => void to('paused')} loading={change.isPending}>
              {t('cases.pause')}
            </Button>
          )}
          {current.status === 'paused' && (
            <Button variant="secondary" onClick={() => void to('open')} loading={change.isPending}>
              {t('cases.resume')}
            </Button>
          )}
          {current.status === 'closed' ? (
            <Button variant="secondary" onClick={() => void to('open')} loading={change.isPending}>
              {t('cases.reopen')}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => setClosing(true)}>
              {t('cases.close')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
