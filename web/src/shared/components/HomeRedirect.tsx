import { Navigate } from 'react-router';
import { useCan, useCurrentUser } from '../../modules/auth/hooks.js';

/**
 * The start page depends on what the user does: those who take contacts (counsellors, caseworkers)
 * land on the contact form, ready to register; coordinators, analysts and administrators on the
 * statistics; anyone else on the first page their abilities open.
 */
export function HomeRedirect() {
  const me = useCurrentUser();
  const can = useCan();
  const takesContacts = me.role === 'counsellor' || me.role === 'caseworker';
  if (takesContacts && can('contact.create')) return <Navigate to="/contacts/new" replace />;
  if (can('stats.read')) return <Navigate to="/dashboard" replace />;
  if (can('contact.create')) return <Navigate to="/contacts/new" replace />;
  if (can('contact.read')) return <Navigate to="/contacts" replace />;
  if (can('user.manage')) return <Navigate to="/users" replace />;
  return <Navigate to="/welcome" replace />;
}
