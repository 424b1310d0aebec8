import { organizationCreateSchema } from '@capacites/domain';
import { Create, SimpleForm } from 'react-admin';
import { AdminOnly } from '../access';
import { useApiErrorNotify, zodResolver } from '../forms';
import { OrganizationFields } from './OrganizationForm';
import { organizationBody, SETTINGS_ALIASES } from './settings';

type Values = Record<string, unknown>;

const toBody = (values: Values) => organizationBody(values, 'create');
const resolver = zodResolver(organizationCreateSchema, { toBody, aliases: SETTINGS_ALIASES });

export const OrganizationCreate = () => {
  const onError = useApiErrorNotify();
  return (
    <AdminOnly>
      <Create redirect="list" transform={toBody} mutationOptions={{ onError }}>
        <SimpleForm
          resolver={resolver}
          defaultValues={{ timeZone: 'Europe/Paris', customSettings: {} }}
          noValidate
        >
          <OrganizationFields creating />
        </SimpleForm>
      </Create>
    </AdminOnly>
  );
};
