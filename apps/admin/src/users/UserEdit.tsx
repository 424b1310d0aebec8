import { userUpdateSchema } from '@capacites/domain';
import PrivacyIcon from '@mui/icons-material/PrivacyTip';
import { Button } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import {
  BooleanInput,
  Edit,
  SaveButton,
  SimpleForm,
  Toolbar,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { PERSONAL_DATA_REQUEST_PATH } from '../personal-data/i18n';
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

/** The person's export for an access request received by mail (issue 17, item 2). */
const PersonalDataLink = () => {
  const translate = useTranslate();
  const record = useRecordContext<User>();
  if (!record) return null;
  return (
    <Button
      component={RouterLink}
      to={`${PERSONAL_DATA_REQUEST_PATH}?userId=${encodeURIComponent(record.id)}`}
      size="small"
      startIcon={<PrivacyIcon aria-hidden />}
    >
      {translate('app.personalData.userLink')}
    </Button>
  );
};

export const UserEdit = () => {
  const onError = useApiErrorNotify();
  return (
    <AdminOnly>
      <Edit<User>
        mutationMode="pessimistic"
        redirect="list"
        transform={(data: User) => userUpdateBody(data) as User}
        mutationOptions={{ onError }}
        actions={
          <TopToolbar>
            <PersonalDataLink />
          </TopToolbar>
        }
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
