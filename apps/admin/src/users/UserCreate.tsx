import { userCreateSchema } from '@capacites/domain';
import { BooleanInput, Create, SimpleForm } from 'react-admin';
import { AdminOnly } from '../access';
import { useApiErrorNotify, zodResolver } from '../forms';
import { userCreateBody } from './types';
import { MembershipsInput, UserIdentityFields } from './UserFields';

const resolver = zodResolver(userCreateSchema, {
  toBody: userCreateBody,
  refinements: { password: 'app.validation.commonPassword' },
});

export const UserCreate = () => {
  const onError = useApiErrorNotify();
  return (
    <AdminOnly>
      <Create redirect="list" transform={userCreateBody} mutationOptions={{ onError }}>
        <SimpleForm
          resolver={resolver}
          defaultValues={{ memberships: [{ organizationId: '', role: 'member' }] }}
          noValidate
        >
          <UserIdentityFields />
          <MembershipsInput />
          <BooleanInput source="oidcAllowed" helperText="resources.users.helpers.oidcAllowed" />
        </SimpleForm>
      </Create>
    </AdminOnly>
  );
};
