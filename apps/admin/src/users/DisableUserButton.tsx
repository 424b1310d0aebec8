import BlockIcon from '@mui/icons-material/Block';
import { useDataProvider, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../dataProvider';
import { ConfirmButton } from '../forms';
import type { User } from './types';

/** DELETE /api/users/:id disables the account (people are never deleted: the audit names them). */
export const DisableUserButton = () => {
  const user = useRecordContext<User>();
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!user || user.disabled) return null;
  const disable = async () => {
    try {
      await dataProvider.delete('users', { id: user.id, previousData: user });
      notify('app.actions.done', { type: 'success' });
      redirect('list', 'users');
    } catch (error) {
      // SELF_LOCKOUT: an admin cannot disable their own account.
      notify(apiErrorMessage(error, translate), { type: 'error' });
    }
  };
  return (
    <ConfirmButton
      label="resources.users.disable"
      icon={<BlockIcon />}
      title="resources.users.confirmDisable"
      titleTranslateOptions={{ name: user.displayName }}
      content="resources.users.confirmDisableContent"
      onConfirm={disable}
    />
  );
};
