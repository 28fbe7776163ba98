import { Navigate } from 'react-router';
import { useCan } from '../../modules/auth/hooks.js';

/** The start page depends on what the user may do. */
export function HomeRedirect() {
  const can = useCan();
  if (can('stats.read')) return <Navigate to="/dashboard" replace />;
  if (can('contact.create')) return <Navigate to="/contacts/new" replace />;
  if (can('contact.read')) return <Navigate to="/contacts" replace />;
  if (can('user.manage')) return <Navigate to="/users" replace />;
  return <Navigate to="/welcome" replace />;
}
