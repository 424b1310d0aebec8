import { ROLES } from '@capacites/domain';
import { Chip } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { AdminOnly } from '../access';
import { RowLink } from '../a11y';
import type { User } from './types';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <ReferenceInput
    key="organizationId"
    source="organizationId"
    reference="organizations"
    sort={{ field: 'name', order: 'ASC' }}
  >
    <SelectInput optionText="name" label="resources.users.fields.organizationId" />
  </ReferenceInput>,
  <SelectInput
    key="role"
    source="role"
    choices={ROLES.map((role) => ({ id: role, name: `resources.users.roles.${role}` }))}
  />,
  <BooleanInput key="disabled" source="disabled" />,
];

const Memberships = ({ record }: { record: User }) => {
  const translate = useTranslate();
  if (record.memberships.length === 0) return <>—</>;
  return (
    <>
      {record.memberships.map((m) => (
        <Chip
          key={`${m.organizationId}-${m.role}`}
          size="small"
          variant="outlined"
          sx={{ mr: 0.5, mb: 0.5 }}
          label={
            <>
              {translate(`resources.users.roles.${m.role}`)} —{' '}
              <ReferenceField record={m} source="organizationId" reference="organizations" link={false}>
                <TextField source="name" />
              </ReferenceField>
            </>
          }
        />
      ))}
    </>
  );
};

const Status = ({ record }: { record: User }) => {
  const translate = useTranslate();
  return record.disabled ? (
    <Chip
      size="small"
      label={translate('resources.users.fields.disabled')}
      sx={{ bgcolor: '#f5f5f5', color: '#424242' }}
    />
  ) : (
    <>{translate('resources.users.active')}</>
  );
};

/** Everyone's account and roles per organisation; DELETE disables, never deletes. */
export const UserList = () => (
  <AdminOnly>
    <List<User>
      filters={filters}
      sort={{ field: 'displayName', order: 'ASC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable<User> rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col
          source="displayName"
          render={(record: User) => (
            <RowLink resource="users" id={record.id}>
              {record.displayName}
            </RowLink>
          )}
        />
        <DataTable.Col source="email" />
        <DataTable.Col
          source="memberships"
          disableSort
          render={(record: User) => <Memberships record={record} />}
        />
        <DataTable.Col source="disabled" disableSort render={(record: User) => <Status record={record} />} />
      </DataTable>
    </List>
  </AdminOnly>
);
