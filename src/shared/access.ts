import type { Role } from './enums.js';

/**
 * The role table shared by server and web app: which actions each role is granted. The server
 * enforces it (src/modules/auth/policy.ts adds helpline and ownership conditions); the web app only
 * uses the names to show or hide what a user may do. The README's "Roles" section is its
 * specification, written out literally in src/server/access-matrix.test.ts.
 */
export const ACTIONS = [
  'contact.create',
  'contact.read',
  'contact.update',
  'contact.export',
  'contact.import',
  'stats.read',
  'helpline.read',
  'helpline.manage',
  'user.manage',
  'audit.read',
  /** The statistics with every number, small ones too (internal view; coordinators of the helpline). */
  'stats.internal',
  /** Follow-up cases (issue 9): open one, read one or a list, change its status. Owners, and coordinators of its helpline. */
  'case.open',
  'case.read',
  'case.update',
  /** Read who read and changed a case (its access log): coordinators of its helpline. */
  'case.audit',
  /** See a protected address (kode 6/7) after stating a reason: the case's owner, coordinators of its helpline. */
  'case.protected',
  /** Anonymise a closed case on the person's request (erasure), and export a case for an access request: coordinators of its helpline. */
  'case.erase',
  'case.export',
  /** Keep the service directory: import and export its full HSDS data set (issue 10). Coordinators. */
  'directory.edit',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * What a route declares: an action, `authenticated` (any signed-in user), `public`, or
 * `metrics-token` (the operator's METRICS_TOKEN as a bearer token; no session).
 */
export type Access = Action | 'authenticated' | 'public' | 'metrics-token';

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  // Administrators manage users and configuration but do not read contact content.
  admin: ['helpline.read', 'helpline.manage', 'user.manage', 'contact.import', 'stats.read', 'audit.read'],
  coordinator: ['helpline.read', 'contact.create', 'contact.read', 'contact.update', 'contact.export', 'stats.read', 'stats.internal', 'case.open', 'case.read', 'case.update', 'case.audit', 'case.protected', 'case.erase', 'case.export', 'directory.edit'],
  // Helpline staff follow up the callers who need it (seed 002, 2.3): a counsellor opens a case
  // from a contact and works the cases they own, as a caseworker does.
  counsellor: ['helpline.read', 'contact.create', 'contact.read', 'contact.update', 'stats.read', 'case.open', 'case.read', 'case.update', 'case.protected'],
  caseworker: ['helpline.read', 'contact.create', 'contact.read', 'stats.read', 'case.open', 'case.read', 'case.update', 'case.protected'],
  volunteer: ['helpline.read'],
  // Analysts see aggregates only, never a contact row.
  analyst: ['helpline.read', 'stats.read'],
};
