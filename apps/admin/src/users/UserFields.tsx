import { ROLES } from '@capacites/domain';
import { ArrayInput, ReferenceInput, SelectInput, SimpleFormIterator, TextInput } from 'react-admin';

export const ROLE_CHOICES = ROLES.map((role) => ({ id: role, name: `resources.users.roles.${role}` }));

/** Name, email and password (new-password: browsers must not fill in the admin's own). */
export const UserIdentityFields = ({ editing = false }: { editing?: boolean }) => (
  <>
    <TextInput source="displayName" sx={{ maxWidth: 600 }} />
    <TextInput source="email" type="email" autoComplete="off" sx={{ maxWidth: 600 }} />
    <TextInput
      source="password"
      type="password"
      autoComplete="new-password"
      helperText={editing ? 'resources.users.helpers.passwordEdit' : 'resources.users.helpers.password'}
      sx={{ maxWidth: 600 }}
    />
  </>
);

/** One row per role held in an organisation. */
export const MembershipsInput = () => (
  <ArrayInput source="memberships" helperText="resources.users.helpers.memberships">
    <SimpleFormIterator inline disableReordering>
      <ReferenceInput
        source="organizationId"
        reference="organizations"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={200}
      >
        <SelectInput optionText="name" label="resources.users.fields.organizationId" sx={{ minWidth: 280 }} />
      </ReferenceInput>
      <SelectInput
        source="role"
        choices={ROLE_CHOICES}
        label="resources.users.fields.role"
        sx={{ minWidth: 260 }}
      />
    </SimpleFormIterator>
  </ArrayInput>
);
