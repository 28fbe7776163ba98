import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../src/shared/enums.js';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { fieldErrorsOf } from '../../../shared/field-errors.js';
import { useUpdateUser } from '../hooks.js';
import type { UserActionProps } from './user-actions.js';
import { HelplineCheckboxes, RoleField } from './AccessFields.js';

/** Change a user's role and helplines. A new role signs the user out (the server ends their sessions). */
export function EditUserAction({ user, helplines }: UserActionProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  const [helplineIds, setHelplineIds] = useState<string[]>(user.helplineIds);
  const errors = fieldErrorsOf(update.error);
  const headingId = `edit-user-${user.id}`;

  const start = () => {
    setRole(user.role);
    setHelplineIds(user.helplineIds);
    update.reset();
    setOpen(true);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: user.id, role, helplineIds }, { onSuccess: () => setOpen(false) });
  };

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={start}>
        {t('users.edit')}
        <span className="visually-hidden"> {user.displayName}</span>
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('users.close')} aria-labelledby={headingId}>
        <Dialog.Block>
          {open && (
            <form className="stack" onSubmit={onSubmit} noValidate aria-busy={update.isPending}>
              <Heading level={2} data-size="sm" id={headingId}>
                {t('users.editTitle', { name: user.displayName })}
              </Heading>
              {Object.keys(errors).length === 0 && <ErrorAlert error={update.error} />}
              <RoleField value={role} onChange={setRole} error={errors.role} autoFocus />
              <HelplineCheckboxes
                helplines={helplines}
                selected={helplineIds}
                onToggle={(id, on) => setHelplineIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)))}
                error={errors.helplineIds}
              />
              {role !== user.role && <p>{t('users.roleChangeSignsOut')}</p>}
              <div className="row">
                <Button type="submit" loading={update.isPending}>
                  {t('users.save')}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                  {t('users.cancel')}
                </Button>
              </div>
            </form>
          )}
        </Dialog.Block>
      </Dialog>
    </>
  );
}
