import { templateRequirementCreateSchema } from '@capacites/domain';
import { Alert, Box } from '@mui/material';
import {
  Create,
  CreateButton,
  DataTable,
  DeleteWithConfirmButton,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useApiErrorNotify, zodResolver } from '../forms';
import { TemplateManagersOnly } from './TemplateManagersOnly';
import type { TemplateRequirement } from './types';

/**
 * "Un modèle est obligatoire pour cette piste": an organisation's rule, which the API
 * enforces (409 TEMPLATE_REQUIRED) on every new test of the track.
 */
export const TemplateRequirementList = () => {
  const translate = useTranslate();
  return (
    <TemplateManagersOnly>
      <Box sx={{ pt: 2 }}>
        <Alert severity="info">{translate('resources.template-requirements.intro')}</Alert>
      </Box>
      <List<TemplateRequirement>
        sort={{ field: 'createdAt', order: 'ASC' }}
        exporter={false}
        actions={
          <TopToolbar>
            <CreateButton />
          </TopToolbar>
        }
      >
        <DataTable<TemplateRequirement> rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="organizationId" disableSort>
            <ReferenceField source="organizationId" reference="organizations" link={false}>
              <TextField source="name" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="trackId" disableSort>
            <ReferenceField source="trackId" reference="tracks" link={false}>
              <TextField source="name" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col
            label="resources.template-requirements.lift"
            disableSort
            render={() => (
              <DeleteWithConfirmButton
                mutationMode="pessimistic"
                label="resources.template-requirements.lift"
                confirmTitle="resources.template-requirements.confirmLift"
                confirmContent="resources.template-requirements.confirmLiftContent"
              />
            )}
          />
        </DataTable>
      </List>
    </TemplateManagersOnly>
  );
};

const resolver = zodResolver(templateRequirementCreateSchema);

const TrackOfOrganization = () => {
  const organizationId = useWatch({ name: 'organizationId' }) as string | undefined;
  return (
    <ReferenceInput
      source="trackId"
      reference="tracks"
      sort={{ field: 'name', order: 'ASC' }}
      filter={organizationId ? { organizationId, archived: false } : { archived: false }}
    >
      <SelectInput optionText="name" sx={{ maxWidth: 600 }} />
    </ReferenceInput>
  );
};

export const TemplateRequirementCreate = () => {
  const onError = useApiErrorNotify();
  return (
    <TemplateManagersOnly>
      <Create redirect="list" mutationOptions={{ onError }}>
        <SimpleForm resolver={resolver} noValidate>
          <ReferenceInput
            source="organizationId"
            reference="organizations"
            sort={{ field: 'name', order: 'ASC' }}
            perPage={200}
          >
            <SelectInput optionText="name" sx={{ maxWidth: 600 }} />
          </ReferenceInput>
          <TrackOfOrganization />
        </SimpleForm>
      </Create>
    </TemplateManagersOnly>
  );
};
