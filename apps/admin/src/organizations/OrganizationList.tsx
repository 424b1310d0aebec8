import { Chip } from '@mui/material';
import { CreateButton, DataTable, List, TopToolbar, useTranslate } from 'react-admin';
import { AdminOnly } from '../access';
import { RowLink } from '../a11y';
import { OrganizationKindField } from './OrganizationKindField';
import type { Organization } from './types';

const CustomSettings = ({ record }: { record: Organization }) => {
  const translate = useTranslate();
  const keys = Object.keys(record.customSettings ?? {});
  if (keys.length === 0) return <>—</>;
  return (
    <>
      {keys.map((key) => (
        <Chip
          key={key}
          size="small"
          variant="outlined"
          sx={{ mr: 0.5, mb: 0.5 }}
          label={`${translate(`resources.organizations.fields.settings.${key}`, { _: key })} : ${String(
            (record.customSettings as Record<string, unknown>)[key],
          )}`}
        />
      ))}
    </>
  );
};

// The API sorts organisations by name, slug, kind or creation; none is ever deleted.
export const OrganizationList = () => (
  <AdminOnly>
    <List<Organization>
      sort={{ field: 'name', order: 'ASC' }}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable<Organization> rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col
          source="name"
          render={(record: Organization) => (
            <RowLink resource="organizations" id={record.id}>
              {record.name}
            </RowLink>
          )}
        />
        <DataTable.Col source="kind">
          <OrganizationKindField source="kind" />
        </DataTable.Col>
        <DataTable.Col source="slug" />
        <DataTable.Col source="timeZone" disableSort />
        <DataTable.Col
          source="customSettings"
          disableSort
          render={(record: Organization) => <CustomSettings record={record} />}
        />
      </DataTable>
    </List>
  </AdminOnly>
);
