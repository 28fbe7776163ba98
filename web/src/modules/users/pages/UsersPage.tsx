import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert.js';
import { Loading } from '../../../shared/components/Loading.js';
import { usePageTitle } from '../../../shared/components/use-page-title.js';
import { useHelplines } from '../../helplines/hooks.js';
import { UserCreateForm } from '../components/UserCreateForm.js';
import { UserList } from '../components/UserList.js';
import { useUsers } from '../hooks.js';

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  const users = useUsers();
  const helplines = useHelplines();
  return (
    <div className="stack">
      <Heading level={1} data-size="md">
        {t('users.title')}
      </Heading>
      <section aria-labelledby="user-list-heading" className="stack" aria-busy={users.isPending}>
        <Heading level={2} data-size="sm" id="user-list-heading">
          {t('users.listTitle')}
        </Heading>
        {users.isPending && <Loading />}
        <ErrorAlert error={users.error ?? helplines.error} />
        {users.data && <UserList users={users.data} helplines={helplines.data ?? []} />}
      </section>
      <UserCreateForm helplines={helplines.data ?? []} />
    </div>
  );
}
