import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../../src/shared/access.js';
import { useCan } from '../../modules/auth/hooks.js';

/** Each link is shown to users who can do its action, or any one of its actions. */
const LINKS: { to: string; label: string; ability: Action | Action[] }[] = [
  { to: '/dashboard', label: 'nav.dashboard', ability: 'stats.read' },
  { to: '/contacts/new', label: 'nav.newContact', ability: 'contact.create' },
  { to: '/contacts', label: 'nav.contacts', ability: 'contact.read' },
  { to: '/cases', label: 'nav.cases', ability: 'case.read' },
  { to: '/imports', label: 'nav.imports', ability: 'contact.import' },
  { to: '/helplines', label: 'nav.helplines', ability: 'helpline.read' },
  { to: '/rights', label: 'nav.rights', ability: ['contact.create', 'case.read'] },
  { to: '/checklists', label: 'nav.checklists', ability: ['contact.create', 'case.read'] },
  { to: '/directory', label: 'nav.directory', ability: 'directory.edit' },
  { to: '/users', label: 'nav.users', ability: 'user.manage' },
];

/** Main navigation: only the links the user's abilities allow. */
export function AppNav() {
  const { t } = useTranslation();
  const can = useCan();
  const links = LINKS.filter((l) => (Array.isArray(l.ability) ? l.ability : [l.ability]).some((a) => can(a)));
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
