import { organizationUpdateSchema } from '@capacites/domain';
import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { AdminOnly } from '../access';
import { useApiErrorNotify, zodResolver } from '../forms';
import { OrganizationFields } from './OrganizationForm';
import { organizationBody, SETTINGS_ALIASES } from './settings';
import type { Organization } from './types';

type Values = Record<string, unknown>;

const toBody = (values: Values) => organizationBody(values, 'update');
const resolver = zodResolver(organizationUpdateSchema, { toBody, aliases: SETTINGS_ALIASES });

// Organisations are never deleted: their tests and audit trail belong to them.
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

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
      </Edit>
    </AdminOnly>
  );
};
