import {
  AutocompleteInput,
  BooleanInput,
  ChipField,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceArrayField,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SingleFieldList,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { RowLink } from '../../a11y';
import { OrganizationDateField } from '../../organizations';
import { DeadlineCountdown } from '../deadline';
import { StateChip } from '../StateChip';
import { STATE_CHOICES } from '../states';
import type { Experiment } from '../types';
import { ExportMenu } from './ExportMenu';

const experimentFilters = [
  // Full-text search on title and hypothesis, done by the API (French stemming).
  <TextInput key="q" source="q" label="resources.experiments.fields.q" alwaysOn resettable />,
  <SelectInput key="state" source="state" choices={STATE_CHOICES} alwaysOn />,
  <ReferenceInput key="trackId" source="trackId" reference="tracks" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" label="resources.experiments.fields.trackId" />
  </ReferenceInput>,
  <ReferenceInput
    key="pilotId"
    source="pilotId"
    reference="users"
    sort={{ field: 'displayName', order: 'ASC' }}
  >
    <AutocompleteInput
      optionText="displayName"
      label="resources.experiments.filters.pilotId"
      filterToQuery={(q: string) => ({ q })}
    />
  </ReferenceInput>,
  <BooleanInput
    key="expiringSoon"
    source="expiringSoon"
    label="resources.experiments.filters.expiringSoon"
  />,
  <BooleanInput key="overdue" source="overdue" label="resources.experiments.filters.overdue" />,
  <BooleanInput
    key="awaitingLaunchApproval"
    source="awaitingLaunchApproval"
    label="resources.experiments.filters.awaitingLaunchApproval"
  />,
  <BooleanInput key="orphaned" source="orphaned" label="resources.experiments.filters.orphaned" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportMenu />
  </TopToolbar>
);

// No bulk delete: the API has none (a test is cancelled, never deleted).
// The export is the API's (every row, streamed), not react-admin's page-by-page one.
export const ExperimentList = () => {
  return (
    <List<Experiment>
      filters={experimentFilters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={<ListActions />}
      exporter={false}
    >
      <DataTable<Experiment> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col
          source="title"
          render={(record: Experiment) => (
            <RowLink resource="experiments" id={record.id} type="show">
              {record.title}
            </RowLink>
          )}
        />
        <DataTable.Col source="state">
          <StateChip source="state" />
        </DataTable.Col>
        <DataTable.Col source="trackId" disableSort>
          <ReferenceField source="trackId" reference="tracks" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="organizationId" disableSort>
          <ReferenceField source="organizationId" reference="organizations" link={false}>
            <TextField source="name" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="pilotIds" disableSort>
          <ReferenceArrayField source="pilotIds" reference="users">
            <SingleFieldList linkType={false}>
              <ChipField source="displayName" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        </DataTable.Col>
        <DataTable.Col source="expiresAt">
          <OrganizationDateField source="expiresAt" />
        </DataTable.Col>
        <DataTable.Col source="deadline" label="resources.experiments.fields.deadline" disableSort>
          <DeadlineCountdown />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
