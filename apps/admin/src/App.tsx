import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { experiments } from './experiments';
import { i18nProvider } from './i18n';
import { Layout } from './layout';
import { organizations } from './organizations';

export const App = () => (
  <Admin
    title="Capacités"
    dataProvider={dataProvider}
    authProvider={authProvider}
    requireAuth
    i18nProvider={i18nProvider}
    layout={Layout}
    // Public administrations' data: no usage ping to a third party.
    disableTelemetry
  >
    <Resource name="experiments" {...experiments} />
    <Resource name="organizations" {...organizations} />
    {/* Read through references only (names, timelines, outcomes). */}
    <Resource name="tracks" recordRepresentation="name" />
    <Resource name="users" recordRepresentation="displayName" />
    <Resource name="check-ins" />
    <Resource name="audit-events" />
    <Resource name="evaluations" />
    <Resource name="decisions" />
  </Admin>
);
