import type { RouteObject } from 'react-router';
import { AuthLayout, PublicLayout } from './shared/components/Layouts.js';
import { HomeRedirect } from './shared/components/HomeRedirect.js';
import { NotFoundPage } from './shared/components/NotFoundPage.js';
import { RequireAbility } from './shared/components/RequireAbility.js';
import { WelcomePage } from './shared/components/WelcomePage.js';
import { LoginPage } from './modules/auth/pages/LoginPage.js';
import { SetupPage } from './modules/auth/pages/SetupPage.js';
import { SecondFactorSetupPage } from './modules/auth/pages/SecondFactorSetupPage.js';
import { SecondFactorAccountPage } from './modules/auth/pages/SecondFactorAccountPage.js';
import { NewContactPage } from './modules/contacts/pages/NewContactPage.js';
import { ContactListPage } from './modules/contacts/pages/ContactListPage.js';
import { EditContactPage } from './modules/contacts/pages/EditContactPage.js';
import { DashboardPage } from './modules/stats/pages/DashboardPage.js';
import { ImportPage } from './modules/imports/pages/ImportPage.js';
import { UsersPage } from './modules/users/pages/UsersPage.js';
import { ResetPasswordPage } from './modules/users/pages/ResetPasswordPage.js';
import { HelplinesPage } from './modules/helplines/pages/HelplinesPage.js';
import { CaseListPage } from './modules/cases/pages/CaseListPage.js';
import { NewCasePage } from './modules/cases/pages/NewCasePage.js';
import { CasePage } from './modules/cases/pages/CasePage.js';
import { FindHelpPage } from './modules/directory/pages/FindHelpPage.js';
import { DirectoryAdminPage } from './modules/directory/pages/DirectoryAdminPage.js';
import { ServiceEditPage } from './modules/directory/pages/ServiceEditPage.js';
import { ChecklistsPage } from './modules/checklists/pages/ChecklistsPage.js';
import { ChecklistPage } from './modules/checklists/pages/ChecklistPage.js';
import { RightsGuidePage } from './modules/rights/pages/RightsGuidePage.js';

/** Every page; those behind a session check abilities from Me (the server enforces them too). */
export const routes: RouteObject[] = [
  // The public "find help" page: its own frame (quick exit, no sign-in), its own strict CSP.
  { path: '/hjelp', element: <FindHelpPage /> },
  {
    element: <PublicLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/second-factor/setup', element: <SecondFactorSetupPage /> },
    ],
  },
  {
    element: <AuthLayout />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/welcome', element: <WelcomePage /> },
      { path: '/account/second-factor', element: <SecondFactorAccountPage /> },
      { path: '/dashboard', element: <RequireAbility ability="stats.read"><DashboardPage /></RequireAbility> },
      { path: '/contacts', element: <RequireAbility ability="contact.read"><ContactListPage /></RequireAbility> },
      { path: '/contacts/new', element: <RequireAbility ability="contact.create"><NewContactPage /></RequireAbility> },
      { path: '/contacts/:id', element: <RequireAbility ability="contact.read"><EditContactPage /></RequireAbility> },
      { path: '/cases', element: <RequireAbility ability="case.read"><CaseListPage /></RequireAbility> },
      { path: '/cases/new', element: <RequireAbility ability="case.open"><NewCasePage /></RequireAbility> },
      { path: '/cases/:id', element: <RequireAbility ability="case.read"><CasePage /></RequireAbility> },
      { path: '/imports', element: <RequireAbility ability="contact.import"><ImportPage /></RequireAbility> },
      { path: '/helplines', element: <RequireAbility ability="helpline.read"><HelplinesPage /></RequireAbility> },
      { path: '/users', element: <RequireAbility ability="user.manage"><UsersPage /></RequireAbility> },
      { path: '/rights', element: <RightsGuidePage /> },
      { path: '/checklists', element: <ChecklistsPage /> },
      { path: '/checklists/:id', element: <ChecklistPage /> },
      { path: '/directory', element: <RequireAbility ability="directory.edit"><DirectoryAdminPage /></RequireAbility> },
      { path: '/directory/services/:id', element: <RequireAbility ability="directory.edit"><ServiceEditPage /></RequireAbility> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
