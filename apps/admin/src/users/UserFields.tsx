import { ROLES } from '@capacites/domain';
import {
  ArrayInput,
  BooleanInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import Typography from '@mui/material/Typography';
import type { User } from './types';

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

/** ProConnect: whether the account may be linked, whether it is, and forgetting the link. */
export const OidcFields = () => {
  const record = useRecordContext<User>();
  const translate = useTranslate();
  return (
    <>
      <BooleanInput source="oidcAllowed" helperText="resources.users.helpers.oidcAllowed" />
      {record?.oidcLinked ? (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('resources.users.fields.oidcLinked')} —{' '}
            {translate('resources.users.helpers.oidcLinked')}
          </Typography>
          <BooleanInput source="oidcUnlink" helperText="resources.users.helpers.oidcUnlink" />
        </>
      ) : null}
    </>
  );
};
