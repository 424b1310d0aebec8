// The back-office benchmark's baseline: stock react-admin listing the same experiments
// from the same API, with nothing of ours (no auth screen, i18n, layout, references).
import { createRoot } from 'react-dom/client';
import { Admin, DataTable, DateField, List, Resource, fetchUtils } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

const dataProvider = simpleRestProvider('/api', (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'same-origin' }),
);

const ExperimentList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="state" />
      <DataTable.Col source="expiresAt">
        <DateField source="expiresAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing');
createRoot(root).render(
  <Admin dataProvider={dataProvider} disableTelemetry>
    <Resource name="experiments" list={ExperimentList} />
  </Admin>,
);
