import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { isApiError } from '../../../shared/http.js';
import type { HelplineResponse } from '../../helplines/api.js';
import { useTaxonomy } from '../../helplines/hooks.js';
import type { ContactInput } from '../api.js';
import { toInput, validate, type ContactFormValues, type FieldErrors } from '../form-values.js';
import { ContactFields } from './ContactFields.js';
import { useSubmitShortcut } from './use-submit-shortcut.js';

interface Props {
  initial: ContactFormValues;
  helplines: HelplineResponse[];
  /** Offer the helpline picker (new contacts only). */
  pickHelpline: boolean;
  /** Saves; resolves with the status text to announce, or rejects with an ApiError. */
  onSave: (input: ContactInput) => Promise<string>;
  /** After a save, start over with these values (new contact) instead of keeping the form. */
  resetTo?: (saved: ContactFormValues) => ContactFormValues;
  submitLabel: string;
  onConflictReload?: () => void;
}

const FIELD_NAMES = new Set<string>(['helplineId', 'channel', 'kind', 'startedAt', 'durationMinutes', 'whoId', 'ageGroupId', 'age', 'genderId', 'country', 'bodyTypeId', 'themes', 'summary', 'outcomes', 'referredToId']);

/** Focuses the checked channel radio (or the first one): the first field of the form. */
function focusFirst(form: HTMLFormElement | null) {
  const el = form?.querySelector<HTMLInputElement>('input[name="channel"]:checked') ?? form?.querySelector<HTMLInputElement>('input[name="channel"]');
  el?.focus();
}

export function ContactForm({ initial, helplines, pickHelpline, onSave, resetTo, submitLabel, onConflictReload }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const date = /^\d{4}-\d{2}-\d{2}/.test(values.startedAt) ? values.startedAt.slice(0, 10) : initial.startedAt.slice(0, 10);
  const taxonomy = useTaxonomy(values.helplineId, date);
  const helpline = helplines.find((h) => h.id === values.helplineId);
  const offered = helpline?.channels.map((c) => c.channel) ?? [];
  const channels: Channel[] = CHANNELS.filter((c) => offered.length === 0 || offered.includes(c) || c === values.channel);

  useSubmitShortcut(formRef);
  useEffect(() => focusFirst(formRef.current), []);

  const apiFieldErrors = fieldErrorsOf(apiError);
  const errors: FieldErrors = { ...Object.fromEntries(Object.entries(clientErrors).map(([k, v]) => [k, t(v)])), ...apiFieldErrors };
  const generalError = apiError && !Object.keys(apiFieldErrors).some((k) => FIELD_NAMES.has(k)) ? apiError : null;
  const conflict = isApiError(apiError) && apiError.code === 'conflict';

  const focusField = (name: string) =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus());

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setStatus('');
    setApiError(null);
    const found = validate(values);
    setClientErrors(found);
    const first = Object.keys(found)[0];
    if (first) return focusField(first);
    setSaving(true);
    try {
      const message = await onSave(toInput(values));
      setStatus(message);
      if (resetTo) {
        setValues(resetTo(values));
        requestAnimationFrame(() => focusFirst(formRef.current));
      }
    } catch (err) {
      setApiError(err);
      const name = Object.keys(fieldErrorsOf(err))[0];
      if (name && FIELD_NAMES.has(name)) focusField(name);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} className="stack" onSubmit={onSubmit} noValidate aria-busy={saving || taxonomy.isFetching} data-size="sm">
      <div role="status" aria-live="polite">
        {status && (
          <Alert data-color="success">
            <Paragraph>{status}</Paragraph>
          </Alert>
        )}
      </div>
      {conflict ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{(apiError as Error).message}</Paragraph>
          {onConflictReload && (
            <Button variant="secondary" onClick={onConflictReload}>
              {t('contactForm.reload')}
            </Button>
          )}
        </Alert>
      ) : (
        <ErrorAlert error={generalError} />
      )}
      <ErrorAlert error={taxonomy.error} />
      <ContactFields
        values={values}
        set={(patch) => setValues((v) => ({ ...v, ...patch }))}
        errors={errors}
        categories={taxonomy.data?.categories}
        channels={channels}
        helplines={pickHelpline ? helplines : undefined}
        isNew={!!resetTo}
      />
      <div className="row" style={{ alignItems: 'center' }}>
        <Button type="submit" loading={saving} aria-keyshortcuts="Control+Enter">
          {submitLabel}
        </Button>
        <Paragraph data-size="sm">{t('contactForm.shortcutHint')}</Paragraph>
      </div>
    </form>
  );
}
