import AddIcon from '@mui/icons-material/PostAddOutlined';
import { Button, Chip } from '@mui/material';
import type { MouseEvent } from 'react';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  Link,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { hasAnyRole, usePrincipal } from '../access';
import { RowLink } from '../a11y';
import { TemplateManagersOnly } from './TemplateManagersOnly';
import type { Template } from './types';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <ReferenceInput key="trackId" source="trackId" reference="tracks" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="archived" source="archived" />,
];

const Owner = ({ record }: { record: Template }) => {
  const translate = useTranslate();
  if (!record.organizationId) return <>{translate('resources.templates.shared')}</>;
  return (
    <ReferenceField record={record} source="organizationId" reference="organizations" link={false}>
      <TextField source="name" />
    </ReferenceField>
  );
};

/** "Nouveau test à partir de ce modèle": the creation form, with this template chosen. */
export const NewTestFromTemplateButton = ({ template }: { template: Template }) => {
  const translate = useTranslate();
  const principal = usePrincipal();
  if (template.archived || !hasAnyRole(principal, ['hr', 'pilot'])) return null;
  return (
    <Button
      component={Link}
      to="/experiments/create"
      state={{ record: { templateId: template.id } }}
      // The row opens the template's edit form: one navigation is enough.
      onClick={(event: MouseEvent) => event.stopPropagation()}
      startIcon={<AddIcon />}
      size="small"
      aria-label={translate('resources.templates.newTestFrom', { name: template.name })}
    >
      {translate('resources.templates.newTest')}
    </Button>
  );
};

/** The templates a user may start from or manage: the network's and their organisations'. */
export const TemplateList = () => {
  const translate = useTranslate();
  return (
    <TemplateManagersOnly>
      <List<Template>
        filters={filters}
        filterDefaultValues={{ archived: false }}
        sort={{ field: 'name', order: 'ASC' }}
        exporter={false}
        actions={
          <TopToolbar>
            <FilterButton />
            <CreateButton />
          </TopToolbar>
        }
      >
        <DataTable<Template> rowClick="edit" bulkActionButtons={false}>
          <DataTable.Col
            source="name"
            render={(record: Template) => (
              <RowLink resource="templates" id={record.id}>
                {record.name}
              </RowLink>
            )}
          />
          <DataTable.Col source="trackId" disableSort>
            <ReferenceField source="trackId" reference="tracks" link={false}>
              <TextField source="name" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col
            source="organizationId"
            disableSort
            render={(record: Template) => <Owner record={record} />}
          />
          <DataTable.Col
            source="durationDays"
            disableSort
            render={(record: Template) =>
              record.durationDays
                ? translate('resources.templates.days', { smart_count: record.durationDays })
                : '—'
            }
          />
          <DataTable.Col
            source="archived"
            disableSort
            render={(record: Template) =>
              record.archived ? (
                <Chip size="small" variant="outlined" label={translate('resources.templates.archived')} />
              ) : (
                translate('resources.templates.active')
              )
            }
          />
          <DataTable.Col
            label="resources.templates.start"
            disableSort
            render={(record: Template) => <NewTestFromTemplateButton template={record} />}
          />
        </DataTable>
      </List>
    </TemplateManagersOnly>
  );
};
