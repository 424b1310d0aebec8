import { DataTable, List } from 'react-admin';
import { OrganizationKindField } from './OrganizationKindField';
import type { Organization } from './types';

// The API sorts organisations by name only, and has no create or delete yet.
export const OrganizationList = () => (
  <List<Organization> sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable<Organization> rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="kind" disableSort>
        <OrganizationKindField source="kind" />
      </DataTable.Col>
    </DataTable>
  </List>
);
