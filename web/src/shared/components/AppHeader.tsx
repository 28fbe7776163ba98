import { Button } from '@digdir/designsystemet-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../../modules/auth/hooks.js';
import { AppNav } from './AppNav.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

export function AppHeader() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <header className="app-header">
      <Link to="/" className="app-header__name">
        {t('app.name')}
      </Link>
      {me && <AppNav />}
      <div className="app-header__tools">
        <LanguageSwitcher />
        {me && (
          <Link to="/account/second-factor" className="ds-link app-header__link">
            {t('secondFactor.accountLink')}
          </Link>
        )}
        {me && (
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
            aria-describedby="signed-in-as"
          >
            {t('layout.logout')}
          </Button>
        )}
        {me && (
          <span id="signed-in-as" className="visually-hidden">
            {t('layout.signedInAs', { name: me.displayName })}
          </span>
        )}
      </div>
    </header>
  );
}
