import { DataTable, List, ReferenceField, SelectInput, TextField, TextInput } from 'react-admin';
import { OrganizationDateField } from '../organizations';
import { StateChip } from './StateChip';
import { STATE_CHOICES } from './states';
import type { Experiment } from './types';

const experimentFilters = [
  // Full-text search on title and hypothesis, done by the API.
  <TextInput key="q" source="q" label="resources.experiments.fields.q" alwaysOn resettable />,
  <SelectInput key="state" source="state" choices={STATE_CHOICES} alwaysOn />,
];

// No exporter (the API caps a page at 500 rows, the export asks for 1000) and no
// bulk delete (the API has no delete): both would only fail.
export const ExperimentList = () => (
  <List<Experiment> filters={experimentFilters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
    <DataTable<Experiment> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="state">
        <StateChip source="state" />
      </DataTable.Col>
      <DataTable.Col source="organizationId" disableSort>
        <ReferenceField source="organizationId" reference="organizations" link={false}>
          <TextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="expiresAt">
        <OrganizationDateField source="expiresAt" />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <OrganizationDateField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
