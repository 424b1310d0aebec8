import BlockIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { apiErrorMessage } from '../dataProvider';
import type { User } from './types';

/** DELETE /api/users/:id disables the account (people are never deleted: the audit names them). */
export const DisableUserButton = () => {
  const user = useRecordContext<User>();
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!user || user.disabled) return null;
  const disable = async () => {
    setBusy(true);
    try {
      await dataProvider.delete('users', { id: user.id, previousData: user });
      notify('app.actions.done', { type: 'success' });
      redirect('list', 'users');
    } catch (error) {
      // SELF_LOCKOUT: an admin cannot disable their own account.
      notify(apiErrorMessage(error, translate), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button color="error" startIcon={<BlockIcon />} onClick={() => setOpen(true)}>
        {translate('resources.users.disable')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="resources.users.confirmDisable"
        titleTranslateOptions={{ name: user.displayName }}
        content="resources.users.confirmDisableContent"
        confirm="resources.users.disable"
        confirmColor="warning"
        onConfirm={() => void disable()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
