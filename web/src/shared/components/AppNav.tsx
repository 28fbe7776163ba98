import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../../src/shared/access.js';
import { useCan } from '../../modules/auth/hooks.js';

const LINKS: { to: string; label: string; ability: Action }[] = [
  { to: '/dashboard', label: 'nav.dashboard', ability: 'stats.read' },
  { to: '/contacts/new', label: 'nav.newContact', ability: 'contact.create' },
  { to: '/contacts', label: 'nav.contacts', ability: 'contact.read' },
  { to: '/cases', label: 'nav.cases', ability: 'case.read' },
  { to: '/imports', label: 'nav.imports', ability: 'contact.import' },
  { to: '/helplines', label: 'nav.helplines', ability: 'helpline.read' },
  { to: '/users', label: 'nav.users', ability: 'user.manage' },
];

/** Main navigation: only the links the user's abilities allow. */
export function AppNav() {
  const { t } = useTranslation();
  const can = useCan();
  const links = LINKS.filter((l) => can(l.ability));
  if (links.length === 0) return null;
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end className="ds-link">
              {t(l.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
