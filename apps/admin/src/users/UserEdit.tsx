import { userUpdateSchema } from '@capacites/domain';
import { BooleanInput, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { AdminOnly } from '../access';
import { useApiErrorNotify, zodResolver } from '../forms';
import { DisableUserButton } from './DisableUserButton';
import { EraseUserButton } from '../retention';
import { userUpdateBody, type User } from './types';
import { MembershipsInput, OidcFields, UserIdentityFields } from './UserFields';

const resolver = zodResolver(userUpdateSchema, {
  toBody: userUpdateBody,
  refinements: { password: 'app.validation.commonPassword' },
});

const UserToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DisableUserButton />
    {/* Issue 17: a disabled account can be erased (dry run, then confirmation). */}
    <EraseUserButton />
  </Toolbar>
);

export const UserEdit = () => {
  const onError = useApiErrorNotify();
  return (
    <AdminOnly>
      <Edit<User>
        mutationMode="pessimistic"
        redirect="list"
        transform={(data: User) => userUpdateBody(data) as User}
        mutationOptions={{ onError }}
      >
        <SimpleForm resolver={resolver} toolbar={<UserToolbar />} noValidate>
          <UserIdentityFields editing />
          <MembershipsInput />
          <BooleanInput source="disabled" helperText="resources.users.helpers.disabled" />
          <OidcFields />
        </SimpleForm>
      </Edit>
    </AdminOnly>
  );
};
