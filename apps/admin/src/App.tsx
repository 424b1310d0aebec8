import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard';
import { dataProvider } from './dataProvider';
import { experiments } from './experiments';
import { IMPORT_PATH, ImportPage } from './imports';
import { i18nProvider } from './i18n';
import { darkTheme, Layout, lightTheme, LoginPage } from './layout';
import { notifications } from './notifications';
import { organizations } from './organizations';
import { PROFILE_PATH, ProfilePage } from './profile';
import { emails } from './emails';
import { sharedLearnings } from './shared-learnings';
import { MyTasks } from './tasks';
import { tracks } from './tracks';
import { users } from './users';
import { templateRequirements, templates } from './templates';
import { AnswerRedirect, QuestionnairePoster, questionnaires } from './questionnaires';
// Integrations (issue 16): webhooks and chat alerts, service accounts.
import { serviceAccounts } from './service-accounts';
import { webhookEndpoints } from './webhook-endpoints';
// Issue 15: committee sessions and share links.
import { committeeSessions } from './committee-sessions';
import { shareLinks } from './share-links';
// Issue 17, item 2: an access request received by mail (HR, platform admin), loaded on first use.
import { PERSONAL_DATA_REQUEST_PATH } from './personal-data/i18n';
const PersonalDataRequestPage = lazy(() =>
  import('./personal-data/PersonalDataRequestPage').then((m) => ({ default: m.PersonalDataRequestPage })),
);
// Issue 17: retention of personal data ("Conservation des données").
import { RETENTION_PATH, RetentionPage } from './retention';

export const App = () => (
  <Admin
    title="Capacités"
    dataProvider={dataProvider}
    authProvider={authProvider}
    requireAuth
    i18nProvider={i18nProvider}
    layout={Layout}
    loginPage={LoginPage}
    theme={lightTheme}
    darkTheme={darkTheme}
    // Public administrations' data: no usage ping to a third party.
    disableTelemetry
  >
    <CustomRoutes>
      <Route path="/dashboard" element={<Dashboard />} />
      <Route path="/tasks" element={<MyTasks />} />
      <Route path={PROFILE_PATH} element={<ProfilePage />} />
      {/* Questionnaires (issue 14): the emailed link of participants, and the public poster. */}
      <Route path="/questionnaires/:id/answer" element={<AnswerRedirect />} />
      <Route path="/questionnaires/:id/print" element={<QuestionnairePoster />} />
      <Route path={IMPORT_PATH} element={<ImportPage />} />
      <Route path={PERSONAL_DATA_REQUEST_PATH} element={<PersonalDataRequestPage />} />
      <Route path={RETENTION_PATH} element={<RetentionPage />} />
    </CustomRoutes>
    <Resource name="experiments" {...experiments} />
    <Resource name="questionnaires" {...questionnaires} />
    <Resource name="organizations" {...organizations} />
    <Resource name="notifications" {...notifications} />
    <Resource name="shared-learnings" {...sharedLearnings} />
    {/* Administration (the platform admin); everyone reads tracks and users through references. */}
    <Resource name="tracks" {...tracks} />
    <Resource name="users" {...users} />
    <Resource name="emails" {...emails} />
    {/* Issue 16: test templates (admin: shared ones; HR: its organisation's) and their rules. */}
    <Resource name="templates" {...templates} />
    <Resource name="template-requirements" {...templateRequirements} />
    {/* Integrations: the platform admin and HR of an organisation. */}
    <Resource name="webhook-endpoints" {...webhookEndpoints} />
    <Resource name="service-accounts" {...serviceAccounts} />
    <Resource name="webhook-deliveries" />
    <Resource name="committee-sessions" {...committeeSessions} />
    <Resource name="share-links" {...shareLinks} />
    {/* Read through references only (timelines, outcomes, the experiment page). */}
    <Resource name="testimonies" />
    <Resource name="check-ins" />
    <Resource name="audit-events" />
    <Resource name="evaluations" />
    <Resource name="decisions" />
  </Admin>
);
