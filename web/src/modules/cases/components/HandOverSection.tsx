import { Button, Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { fetchColleagues, handOver, type CaseResponse } from '../api.js';

/**
 * Hands the case to a colleague on its helpline who works cases (issue 9 point 6). A caseworker
 * who gives their case away no longer reads it, so the page goes back to their list; a
 * coordinator stays on the case.
 */
export function HandOverSection({ current, stays }: { current: CaseResponse; stays: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const colleagues = useQuery({ queryKey: ['cases', current.id, 'colleagues'], queryFn: () => fetchColleagues(current.id), enabled: open });
  const give = useMutation({
    mutationFn: () => handOver(current.id, { ownerId: to, version: current.version }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['cases'] });
      if (!stays) navigate('/cases', { state: { handedOver: true } });
    },
  });

  if (!open) {
    return (
      <div>
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>{t('cases.handOver')}</Button>
      </div>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (to) give.mutate();
  };
  return (
    <form className="stack" onSubmit={submit} aria-label={t('cases.handOver')} data-size="sm">
      {!stays && <Paragraph data-size="sm">{t('cases.handOverHint')}</Paragraph>}
      <ErrorAlert error={colleagues.error ?? give.error} />
      <Field>
        <Label>{t('cases.handOverTo')}</Label>
        <Select name="ownerId" value={to} onChange={(e) => setTo(e.target.value)} width="auto" autoFocus>
          <Select.Option value="">–</Select.Option>
          {colleagues.data?.map((u) => (
            <Select.Option key={u.id} value={u.id}>{u.displayName}</Select.Option>
          ))}
        </Select>
      </Field>
      <div className="button-row">
        <Button type="submit" loading={give.isPending} disabled={!to}>{t('cases.handOverConfirm')}</Button>
        <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>{t('cases.cancel')}</Button>
      </div>
    </form>
  );
}
