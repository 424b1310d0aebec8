import { organizationUpdateSchema } from '@capacites/domain';
import { Box } from '@mui/material';
import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { AdminOnly } from '../access';
import { useApiErrorNotify, zodResolver } from '../forms';
import { OrganizationFields } from './OrganizationForm';
import { organizationBody, SETTINGS_ALIASES } from './settings';
import type { Organization } from './types';
import { RetentionSettingsSection } from '../retention';

type Values = Record<string, unknown>;

const toBody = (values: Values) => organizationBody(values, 'update');
const resolver = zodResolver(organizationUpdateSchema, { toBody, aliases: SETTINGS_ALIASES });

// Organisations are never deleted: their tests and audit trail belong to them.
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Issue 17: the organisation's retention period, saved on its own (audited by the API). */
const OrganizationRetention = () => {
  const record = useRecordContext<Organization>();
  return record ? (
    <Box sx={{ px: 2, pb: 2 }}>
      <RetentionSettingsSection organizationId={String(record.id)} />
    </Box>
  ) : null;
};

export const OrganizationEdit = () => {
  const onError = useApiErrorNotify();
  return (
    <AdminOnly>
      <Edit<Organization>
        mutationMode="pessimistic"
        redirect="list"
        transform={(data: Organization) => toBody(data) as Organization}
        mutationOptions={{ onError }}
      >
        <SimpleForm resolver={resolver} toolbar={<SaveOnly />} noValidate>
          <OrganizationFields />
        </SimpleForm>
        <OrganizationRetention />
      </Edit>
    </AdminOnly>
  );
};
