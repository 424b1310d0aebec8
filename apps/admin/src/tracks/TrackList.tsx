import { Chip } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceField,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { AdminOnly } from '../access';
import { RowLink } from '../a11y';
import type { Track } from './types';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <BooleanInput key="archived" source="archived" />,
];

const Scope = ({ record }: { record: Track }) => {
  const translate = useTranslate();
  if (!record.organizationId) return <>{translate('resources.tracks.shared')}</>;
  return (
    <ReferenceField record={record} source="organizationId" reference="organizations" link={false}>
      <TextField source="name" />
    </ReferenceField>
  );
};

const Status = ({ record }: { record: Track }) => {
  const translate = useTranslate();
  return record.archived ? (
    <Chip size="small" variant="outlined" label={translate('resources.tracks.archived')} />
  ) : (
    <>{translate('resources.tracks.active')}</>
  );
};

/** The tracks of every organisation and the shared ones; used tracks are archived, not deleted. */
export const TrackList = () => (
  <AdminOnly>
    <List<Track>
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable<Track> rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col
          source="name"
          render={(record: Track) => (
            <RowLink resource="tracks" id={record.id}>
              {record.name}
            </RowLink>
          )}
        />
        <DataTable.Col source="description" disableSort />
        <DataTable.Col
          source="organizationId"
          disableSort
          render={(record: Track) => <Scope record={record} />}
        />
        <DataTable.Col source="archived" disableSort render={(record: Track) => <Status record={record} />} />
      </DataTable>
    </List>
  </AdminOnly>
);
